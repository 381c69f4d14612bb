import Foundation

/// Reads a ``REFIProject`` from the element tree of a `project.qde` or `.qdc`, as the tools really
/// write them: any namespace prefix, GUIDs with braces or in upper case, `name` or `id` on users,
/// values of variables on cases and on sources. What cannot be used is reported, never guessed.
public enum REFIProjectReader {
    /// The namespaces of the standard; NVivo for Mac writes the codebook's as `…codebook:1:0`.
    public static let knownNamespaces: Set<String> = [
        "urn:QDA-XML:project:1.0", "urn:QDA-XML:project:1:0", "urn:QDA-XML:codebook:1.0", "urn:QDA-XML:codebook:1:0",
    ]

    /// What went wrong reading the tree: the root is neither a `Project` nor a `CodeBook`.
    public struct NotREFI: Error, Sendable, Equatable {
        /// The root element's name as written.
        public var root: String
    }

    /// Reads a project (root `Project`) or a codebook (root `CodeBook`); `fallbackName` names a codebook,
    /// which has no name of its own. Problems go to `warnings`, each saying what was skipped.
    public static func read(_ root: SafeXML.Element, fallbackName: String,
                            warnings: inout [String]) throws(NotREFI) -> REFIProject {
        let rootName = localName(root.name)
        var project = REFIProject(name: fallbackName, origin: root.attributes["origin"], users: [], codes: [], variables: [],
                                  cases: [], sources: [], notes: [], description: nil)
        if let namespace = namespace(of: root), !knownNamespaces.contains(namespace) {
            warnings.append("the namespace is \"\(namespace)\", not REFI-QDA's \"urn:QDA-XML:\(rootName == "CodeBook" ? "codebook" : "project"):1.0\"; read as REFI-QDA all the same")
        }
        switch rootName {
        case "CodeBook":
            project.codes = codes(in: root, warnings: &warnings)
            return project
        case "Project":
            break
        default:
            throw NotREFI(root: root.name)
        }
        if let name = root.attributes["name"], !name.trimmingSpaces.isEmpty { project.name = name }
        for child in root.elements {
            switch localName(child.name) {
            case "Users":
                for user in child.elements where localName(user.name) == "User" {
                    guard let guid = user.attributes["guid"] else {
                        warnings.append("a User without a guid was skipped")
                        continue
                    }
                    let name = [user.attributes["name"], user.attributes["id"]].compactMap { $0?.trimmingSpaces }.first { !$0.isEmpty }
                    project.users.append(REFIProject.User(guid: REFIProject.normalisedGUID(guid), name: name))
                }
            case "CodeBook":
                project.codes = codes(in: child, warnings: &warnings)
            case "Variables":
                for variable in child.elements where localName(variable.name) == "Variable" {
                    guard let guid = variable.attributes["guid"], let name = variable.attributes["name"] else {
                        warnings.append("a Variable without a guid or name was skipped")
                        continue
                    }
                    project.variables.append(REFIProject.Variable(guid: REFIProject.normalisedGUID(guid), name: name))
                }
            case "Cases":
                for element in child.elements {
                    if let item = self.case(element, warnings: &warnings) { project.cases.append(item) }
                }
            case "Sources":
                for element in child.elements {
                    guard let kind = REFIProject.SourceKind(rawValue: localName(element.name)) else { continue }
                    guard let guid = element.attributes["guid"] else {
                        warnings.append("a \(kind.rawValue)\(element.attributes["name"].map { " \"\($0)\"" } ?? "") without a guid was skipped")
                        continue
                    }
                    project.sources.append(source(element, kind: kind, guid: guid, warnings: &warnings))
                }
            case "Notes":
                for element in child.elements {
                    if let note = note(element) { project.notes.append(note) }
                }
            case "Description":
                project.description = child.text
            default:
                break
            }
        }
        return project
    }

    /// One element of `<Sources>` parsed on its own (``REFIProjectScanner``): the source, or nil for an element
    /// that is no source or has no GUID (then with a warning).
    static func source(_ element: SafeXML.Element, warnings: inout [String]) -> REFIProject.Source? {
        guard let kind = REFIProject.SourceKind(rawValue: localName(element.name)) else { return nil }
        guard let guid = element.attributes["guid"] else {
            warnings.append("a \(kind.rawValue)\(element.attributes["name"].map { " \"\($0)\"" } ?? "") without a guid was skipped")
            return nil
        }
        return source(element, kind: kind, guid: guid, warnings: &warnings)
    }

    /// One element of `<Cases>`: the case, or nil for an element that is no case or has no GUID (with a warning).
    static func `case`(_ element: SafeXML.Element, warnings: inout [String]) -> REFIProject.Case? {
        guard localName(element.name) == "Case" else { return nil }
        guard let guid = element.attributes["guid"] else {
            warnings.append("a Case without a guid\(element.attributes["name"].map { " (\"\($0)\")" } ?? "") was skipped")
            return nil
        }
        var item = REFIProject.Case(guid: REFIProject.normalisedGUID(guid), name: element.attributes["name"],
                                    values: [], sources: [], selections: [])
        for part in element.elements {
            switch localName(part.name) {
            case "VariableValue": if let value = variableValue(part) { item.values.append(value) }
            case "SourceRef": if let target = part.attributes["targetGUID"] { item.sources.append(REFIProject.normalisedGUID(target)) }
            case "SelectionRef": if let target = part.attributes["targetGUID"] { item.selections.append(REFIProject.normalisedGUID(target)) }
            default: break
            }
        }
        return item
    }

    /// One element of `<Notes>`: the note, or nil for an element that is no note or has no GUID.
    static func note(_ element: SafeXML.Element) -> REFIProject.Note? {
        guard localName(element.name) == "Note", let guid = element.attributes["guid"] else { return nil }
        let text = element.elements.first { localName($0.name) == "PlainTextContent" }?.text ?? ""
        return REFIProject.Note(guid: REFIProject.normalisedGUID(guid), name: element.attributes["name"], text: text)
    }

    /// The name without its prefix: `qda:Project` is `Project`.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The default namespace, or the one of the root's own prefix.
    private static func namespace(of root: SafeXML.Element) -> String? {
        if let colon = root.name.firstIndex(of: ":") {
            return root.attributes["xmlns:" + root.name[..<colon]]
        }
        return root.attributes["xmlns"]
    }

    private static func codes(in parent: SafeXML.Element, warnings: inout [String]) -> [REFIProject.Code] {
        // A CodeBook holds Codes, which holds Code elements; a Code holds its children directly.
        var result: [REFIProject.Code] = []
        for element in parent.elements {
            switch localName(element.name) {
            case "Codes": result += codes(in: element, warnings: &warnings)
            case "Code":
                guard let guid = element.attributes["guid"] else {
                    warnings.append("the code \"\(element.attributes["name"] ?? "?")\" has no guid; skipped with its sub-codes")
                    continue
                }
                let name = element.attributes["name"]?.trimmingSpaces ?? ""
                var code = REFIProject.Code(guid: REFIProject.normalisedGUID(guid), name: name,
                                            isCodable: element.attributes["isCodable"].map { $0 == "true" || $0 == "1" } ?? true,
                                            color: element.attributes["color"],
                                            description: element.elements.first { localName($0.name) == "Description" }?.text,
                                            children: [])
                code.children = codes(in: element, warnings: &warnings)
                result.append(code)
            default:
                break
            }
        }
        return result
    }

    private static func variableValue(_ element: SafeXML.Element) -> REFIProject.VariableValue? {
        var variable: String? = nil
        var value: String? = nil
        for part in element.elements {
            let name = localName(part.name)
            if name == "VariableRef" {
                variable = part.attributes["targetGUID"].map(REFIProject.normalisedGUID)
            } else if name.hasSuffix("Value") {
                value = part.text
            }
        }
        guard let variable else { return nil }
        return REFIProject.VariableValue(variable: variable, value: value ?? "")
    }

    private static func coding(_ element: SafeXML.Element, user fallback: String?) -> REFIProject.Coding {
        let code = element.elements.first { localName($0.name) == "CodeRef" }?.attributes["targetGUID"]
        return REFIProject.Coding(guid: REFIProject.normalisedGUID(element.attributes["guid"] ?? ""),
                                  code: code.map(REFIProject.normalisedGUID),
                                  user: (element.attributes["creatingUser"] ?? fallback).map(REFIProject.normalisedGUID))
    }

    private static func source(_ element: SafeXML.Element, kind: REFIProject.SourceKind, guid: String,
                               warnings: inout [String]) -> REFIProject.Source {
        var source = REFIProject.Source(kind: kind, guid: REFIProject.normalisedGUID(guid), name: element.attributes["name"],
                                        path: element.attributes[kind == .text ? "plainTextPath" : "path"],
                                        richTextPath: element.attributes["richTextPath"], content: nil,
                                        selections: [], codings: [], otherSelectionCount: 0, values: [], notes: [])
        let sourceUser = element.attributes["creatingUser"]
        for part in element.elements {
            switch localName(part.name) {
            case "PlainTextContent":
                source.content = part.text
            case "PlainTextSelection":
                let name = "selection \(part.attributes["guid"] ?? "without guid")"
                guard let guid = part.attributes["guid"] else {
                    warnings.append("a selection without a guid in source \"\(source.name ?? source.guid)\" was skipped")
                    continue
                }
                guard let startText = part.attributes["startPosition"], let endText = part.attributes["endPosition"],
                      let start = Int(startText.trimmingSpaces), let end = Int(endText.trimmingSpaces) else {
                    warnings.append("\(name) in source \"\(source.name ?? source.guid)\" has no whole-number startPosition and endPosition; skipped")
                    continue
                }
                let selectionUser = part.attributes["creatingUser"] ?? sourceUser
                var selection = REFIProject.Selection(guid: REFIProject.normalisedGUID(guid), name: part.attributes["name"],
                                                      start: start, end: end, codings: [], notes: [])
                for item in part.elements {
                    switch localName(item.name) {
                    case "Coding": selection.codings.append(coding(item, user: selectionUser))
                    case "NoteRef": if let target = item.attributes["targetGUID"] { selection.notes.append(REFIProject.normalisedGUID(target)) }
                    default: break
                    }
                }
                source.selections.append(selection)
            case "PDFSelection", "PictureSelection", "AudioSelection", "VideoSelection", "TranscriptSelection":
                source.otherSelectionCount += 1
                source.otherSelectionCodingCount += part.elements.filter { localName($0.name) == "Coding" }.count
            case "Coding":
                source.codings.append(coding(part, user: sourceUser))
            case "NoteRef":
                if let target = part.attributes["targetGUID"] { source.notes.append(REFIProject.normalisedGUID(target)) }
            case "VariableValue":
                if let value = variableValue(part) { source.values.append(value) }
            default:
                break
            }
        }
        return source
    }
}
