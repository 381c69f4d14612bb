import Foundation

/// A project as a REFI-QDA project archive (`.qdpx`): `project.qde` and one `sources/GUID.txt` per document.
///
/// What `project.qde` holds, in the schema's order:
/// - `Users`: one per coder whose codings are exported, and one per author of a Word or OpenDocument comment
///   kept as a memo; `name` and `id` are the coder's name.
/// - `CodeBook`: the code tree as in ``REFICodebookExport``.
/// - `Variables`: one `Text` variable per metadata key of any document (front matter and `documenten.csv`,
///   `id`, `type`, `perspectief` and `respondent` included) and `perspectief`.
/// - `Cases`: one per respondent, named by id, with its `perspectief`, a `SourceRef` per document it speaks
///   in and a `SelectionRef` per selection that covers one of its turns.
/// - `Sources`: a `TextSource` per document, named by its id, its text in `sources/GUID.txt`
///   (``REFISourceText``), a `PlainTextSelection` per coding (code-point offsets into exactly that text, end
///   exclusive: a coding's range, or for a segment coding the turn's words from after the speaker label to
///   the turn's end) with one `Coding` (`creatingUser` the coder) and, for a coding with a memo, a `NoteRef`;
///   a selection made by an inline tag has the tag as `name` (`#juiste-match`). A comment kept as a memo is
///   a selection without coding with a `NoteRef`. Then a `VariableValue` per metadata key.
/// - `Notes`: the memos, as `PlainTextContent`.
/// - `Description`: the codebook's deelvraag questions (`deelvraag N: …` lines) and its introduction.
///
/// No dates are written and every GUID is derived from what it names (``REFIGUID``), so the same project
/// exports to the same bytes.
public struct REFIProjectExport: Sendable {
    /// How much was exported.
    public struct Summary: Sendable, Equatable {
        /// Documents written as text sources.
        public var documents = 0
        /// Codings written (one selection each).
        public var codings = 0
        /// Memos written as notes.
        public var notes = 0
        /// Users (coders and memo authors).
        public var users = 0
        /// Respondents written as cases.
        public var cases = 0
    }

    /// One selection of a document, before it is written.
    struct Selection: Sendable {
        var start: Int
        var end: Int
        /// The coding's position in the project's coding table, or -1 for a memo.
        var entry: Int
        /// The memo's position in the project's memos, or -1 for a coding.
        var memo: Int
        var ordinal = 0
    }

    /// The project file's namespace.
    public static let namespace = "urn:QDA-XML:project:1.0"

    let project: Project
    let coders: Set<String>
    let origin: String
    /// Per document position: its selections, in text order.
    private(set) var selections: [[Selection]]
    /// Users in order: coders, then memo authors, sorted.
    let users: [String]

    /// Prepares the export of `project` with the codings of `coders` (every coder when nil).
    public init(project: Project, coders: [String]?, origin: String) {
        self.project = project
        self.origin = origin
        let coderSet = Set(coders ?? project.coders)
        self.coders = coderSet
        var selections = [[Selection]](repeating: [], count: project.documents.count)
        let table = project.codings
        let codeKnown = table.codeIDs.map { project.codebook.code(id: $0) != nil }
        let included = table.coderNames.map { coderSet.contains($0) }
        for (index, entry) in table.entries.enumerated() where included[Int(entry.coder)] && codeKnown[Int(entry.code)] {
            let document = project.documents[Int(entry.document)]
            let range: Range<Int>
            if let coded = entry.range {
                range = coded
            } else if let first = document.segment(number: entry.firstSegment), let last = document.segment(number: entry.lastSegment) {
                range = first.contentStart..<max(first.contentStart, last.end)
            } else {
                continue
            }
            selections[Int(entry.document)].append(Selection(start: range.lowerBound, end: range.upperBound, entry: index, memo: -1))
        }
        var authors: Set<String> = []
        for (index, memo) in project.memos.enumerated() {
            guard let position = project.position(ofDocument: memo.documentID) else { continue }
            selections[position].append(Selection(start: memo.range.lowerBound, end: memo.range.upperBound, entry: -1, memo: index))
            authors.insert(memo.author)
        }
        for position in selections.indices {
            selections[position].sort { ($0.start, $0.end, $0.entry, $0.memo) < ($1.start, $1.end, $1.entry, $1.memo) }
            for ordinal in selections[position].indices { selections[position][ordinal].ordinal = ordinal }
        }
        self.selections = selections
        let used = Set(table.entries.filter { included[Int($0.coder)] }.map { table.coderNames[Int($0.coder)] })
        users = used.sorted() + authors.subtracting(used).sorted()
    }

    /// Writes the archive to `url` (atomically: the previous file stays until the new one is complete).
    ///
    /// The texts are read again through the project's corpus reader, on all cores, and compressed as they
    /// come; `project.qde` is written last, streamed, so memory holds the project, not the corpus or the XML.
    public func write(to url: URL) throws(REFIExportError) -> Summary {
        guard let corpus = project.corpus else { throw .noCorpus }
        var zip: ZipWriter
        do { zip = try ZipWriter(destination: url) } catch { throw .cannotWrite(error) }
        var positionByFile: [String: Int] = [:]
        for (position, document) in project.documents.enumerated() { positionByFile[document.file] = position }
        let files = corpus.files.filter { positionByFile[$0.path] != nil }
        let wanted = positionByFile
        var bodyStarts = [Int](repeating: 0, count: project.documents.count)
        var tagNames = [[Int: String]](repeating: [:], count: project.documents.count)
        var failure: REFIExportError? = nil
        let outlines = project.documents
        let tagOffsets: [Set<Int>] = selections.map { list in
            Set(list.compactMap { $0.entry >= 0 ? project.codings.entries[$0.entry].tagOffset : nil })
        }
        corpus.forEach(files, transform: { parsed -> (Int, ZipWriter.Entry, Int, [Int: String])? in
            let document = parsed.document
            guard let position = wanted[document.file], outlines[position].scalarCount == document.scalarCount else { return nil }
            let text = REFISourceText(document)
            let entry = ZipWriter.Entry(path: "sources/\(REFIGUID.source(document.id)).txt", data: text.bytes)
            return (position, entry, text.bodyStart, Self.tags(at: tagOffsets[position], in: document))
        }) { result in
            guard failure == nil else { return }
            guard let (position, entry, bodyStart, tags) = result.value ?? nil else {
                failure = .documentChanged(file: result.path)
                return
            }
            do throws(ZipWriter.WriteError) { try zip.add(entry) } catch { failure = .cannotWrite(error) }
            bodyStarts[position] = bodyStart
            tagNames[position] = tags
        }
        if let failure { throw failure }
        let summary: Summary
        do throws(ZipWriter.WriteError) {
            var counted = Summary()
            try zip.add(path: "project.qde") { (stream: inout ZipWriter.EntryStream) throws(ZipWriter.WriteError) in
                var buffer = BufferedXML()
                counted = try writeProject(to: &stream, buffer: &buffer, bodyStarts: bodyStarts, tagNames: tagNames)
                try buffer.flush(to: &stream)
            }
            summary = counted
            try zip.finish()
        } catch {
            throw .cannotWrite(error)
        }
        return summary
    }

    /// The text of each inline tag that starts at one of `offsets` (`#` to the end of the id).
    static func tags(at offsets: Set<Int>, in document: Document) -> [Int: String] {
        guard !offsets.isEmpty else { return [:] }
        var result: [Int: String] = [:]
        let scalars = document.text.unicodeScalars
        var index = scalars.startIndex
        var position = 0
        for range in document.tagRanges.sorted(by: { $0.lowerBound < $1.lowerBound }) where offsets.contains(range.lowerBound) {
            guard range.lowerBound >= position, range.upperBound <= document.scalarCount else { continue }
            index = scalars.index(index, offsetBy: range.lowerBound - position)
            let end = scalars.index(index, offsetBy: range.count)
            result[range.lowerBound] = String(scalars[index..<end])
            index = end
            position = range.upperBound
        }
        return result
    }

    /// XML gathered into pieces of about 256 KB before it goes to the compressor.
    struct BufferedXML {
        var text = ""

        mutating func append(_ piece: String, to stream: inout ZipWriter.EntryStream) throws(ZipWriter.WriteError) {
            text += piece
            if text.utf8.count >= 1 << 18 { try flush(to: &stream) }
        }

        mutating func flush(to stream: inout ZipWriter.EntryStream) throws(ZipWriter.WriteError) {
            guard !text.isEmpty else { return }
            try stream.write(text)
            text = ""
        }
    }

    func selectionGUID(_ document: String, _ ordinal: Int) -> String { REFIGUID.make("selection:\(document)#\(ordinal)") }
    func codingGUID(_ document: String, _ ordinal: Int) -> String { REFIGUID.make("coding:\(document)#\(ordinal)") }
    func noteGUID(_ document: String, _ ordinal: Int) -> String { REFIGUID.make("note:\(document)#\(ordinal)") }

    /// The variable names: every document's metadata keys and `perspectief`, sorted.
    var variableNames: [String] {
        var names: Set<String> = ["perspectief"]
        for document in project.documents { names.formUnion(document.metadata.keys) }
        return names.sorted()
    }

    private func writeProject(to stream: inout ZipWriter.EntryStream, buffer: inout BufferedXML,
                              bodyStarts: [Int], tagNames: [[Int: String]]) throws(ZipWriter.WriteError) -> Summary {
        var summary = Summary()
        let codebook = project.codebook
        let table = project.codings
        var head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        head += "<Project xmlns=\"\(Self.namespace)\" name=\"\(REFIXMLText.attribute(codebook.title.isEmpty ? "Codeboom" : codebook.title))\""
        head += " origin=\"\(REFIXMLText.attribute(origin))\">\n"
        if !users.isEmpty {
            head += "  <Users>\n"
            for user in users {
                let name = REFIXMLText.attribute(user)
                head += "    <User guid=\"\(REFIGUID.user(user))\" name=\"\(name)\" id=\"\(name)\"/>\n"
            }
            head += "  </Users>\n"
        }
        summary.users = users.count
        if !codebook.codes.isEmpty {
            head += "  <CodeBook>\n"
            let coded = Set(selections.joined().compactMap { $0.entry >= 0 ? table.codeIDs[Int(table.entries[$0.entry].code)] : nil })
            REFICodebookExport.appendCodes(of: codebook, codedIDs: coded, indent: 2, to: &head)
            head += "  </CodeBook>\n"
        }
        let variables = variableNames
        head += "  <Variables>\n"
        for variable in variables {
            head += "    <Variable guid=\"\(REFIGUID.variable(variable))\" name=\"\(REFIXMLText.attribute(variable))\" typeOfVariable=\"Text\"/>\n"
        }
        head += "  </Variables>\n"
        try buffer.append(head, to: &stream)

        // Cases: the selections that cover a respondent's turns, found per document.
        let respondents = project.respondents.values.sorted { $0.id.precedesNaturally($1.id) }
        if !respondents.isEmpty {
            var selectionsByRespondent: [String: [(document: Int, ordinal: Int)]] = [:]
            for (position, list) in selections.enumerated() {
                let outline = project.documents[position]
                for selection in list {
                    var speakers: [String] = []
                    for segment in outline.segments where segment.overlaps(start: selection.start, end: selection.end) {
                        if let id = segment.respondentID, !speakers.contains(id) { speakers.append(id) }
                    }
                    for id in speakers { selectionsByRespondent[id, default: []].append((position, selection.ordinal)) }
                }
            }
            try buffer.append("  <Cases>\n", to: &stream)
            for respondent in respondents {
                var xml = "    <Case guid=\"\(REFIGUID.respondentCase(respondent.id))\" name=\"\(REFIXMLText.attribute(respondent.id))\">\n"
                if let perspective = respondent.perspective {
                    xml += "      <VariableValue>\n        <VariableRef targetGUID=\"\(REFIGUID.variable("perspectief"))\"/>\n"
                    xml += "        <TextValue>\(REFIXMLText.content(perspective))</TextValue>\n      </VariableValue>\n"
                }
                var seen: Set<String> = []
                for document in respondent.documentIDs where seen.insert(document).inserted && project.document(id: document) != nil {
                    xml += "      <SourceRef targetGUID=\"\(REFIGUID.source(document))\"/>\n"
                }
                for (position, ordinal) in selectionsByRespondent[respondent.id] ?? [] {
                    xml += "      <SelectionRef targetGUID=\"\(selectionGUID(project.documents[position].id, ordinal))\"/>\n"
                }
                xml += "    </Case>\n"
                try buffer.append(xml, to: &stream)
            }
            try buffer.append("  </Cases>\n", to: &stream)
            summary.cases = respondents.count
        }

        // Sources, one document at a time.
        var notes: [(guid: String, user: String, text: String)] = []
        if !project.documents.isEmpty { try buffer.append("  <Sources>\n", to: &stream) }
        for (position, outline) in project.documents.enumerated() {
            let id = outline.id
            let sourceGUID = REFIGUID.source(id)
            let shift = bodyStarts[position]
            var xml = "    <TextSource guid=\"\(sourceGUID)\" name=\"\(REFIXMLText.attribute(id))\" plainTextPath=\"internal://\(sourceGUID).txt\">\n"
            for selection in selections[position] {
                let start = max(0, selection.start - shift), end = max(start, selection.end - shift)
                xml += "      <PlainTextSelection guid=\"\(selectionGUID(id, selection.ordinal))\""
                var note: String? = nil
                var user: String
                if selection.entry >= 0 {
                    let entry = table.entries[selection.entry]
                    user = table.coderNames[Int(entry.coder)]
                    if let offset = entry.tagOffset, let tag = tagNames[position][offset] { xml += " name=\"\(REFIXMLText.attribute(tag))\"" }
                    note = entry.memo.flatMap { $0.isEmpty ? nil : $0 }
                } else {
                    let memo = project.memos[selection.memo]
                    user = memo.author
                    note = memo.text
                }
                let userGUID = REFIGUID.user(user)
                xml += " startPosition=\"\(start)\" endPosition=\"\(end)\" creatingUser=\"\(userGUID)\">\n"
                if selection.entry >= 0 {
                    let entry = table.entries[selection.entry]
                    xml += "        <Coding guid=\"\(codingGUID(id, selection.ordinal))\" creatingUser=\"\(userGUID)\">\n"
                    xml += "          <CodeRef targetGUID=\"\(REFIGUID.code(table.codeIDs[Int(entry.code)]))\"/>\n        </Coding>\n"
                    summary.codings += 1
                }
                if let note {
                    let guid = noteGUID(id, selection.ordinal)
                    xml += "        <NoteRef targetGUID=\"\(guid)\"/>\n"
                    notes.append((guid, user, note))
                }
                xml += "      </PlainTextSelection>\n"
            }
            for key in outline.metadata.keys.sorted() {
                xml += "      <VariableValue>\n        <VariableRef targetGUID=\"\(REFIGUID.variable(key))\"/>\n"
                xml += "        <TextValue>\(REFIXMLText.content(outline.metadata[key] ?? ""))</TextValue>\n      </VariableValue>\n"
            }
            xml += "    </TextSource>\n"
            try buffer.append(xml, to: &stream)
            summary.documents += 1
        }
        if !project.documents.isEmpty { try buffer.append("  </Sources>\n", to: &stream) }
        if !notes.isEmpty {
            try buffer.append("  <Notes>\n", to: &stream)
            for note in notes {
                var xml = "    <Note guid=\"\(note.guid)\" name=\"memo\" creatingUser=\"\(REFIGUID.user(note.user))\">\n"
                xml += "      <PlainTextContent>\(REFIXMLText.content(note.text))</PlainTextContent>\n    </Note>\n"
                try buffer.append(xml, to: &stream)
            }
            try buffer.append("  </Notes>\n", to: &stream)
            summary.notes = notes.count
        }
        if let description = Self.projectDescription(codebook) {
            try buffer.append("  <Description>\(REFIXMLText.content(description))</Description>\n", to: &stream)
        }
        try buffer.append("</Project>\n", to: &stream)
        return summary
    }

    /// The codebook's deelvraag questions as its heading writes them (`deelvraag 1: …`), then its introduction.
    static func projectDescription(_ codebook: Codebook) -> String? {
        let questions = codebook.deelvraagQuestions.keys.sorted().map { "deelvraag \($0): \(codebook.deelvraagQuestions[$0] ?? "")" }
        let introduction = codebook.introduction.trimmingCharacters(in: .newlines)
        let parts = [questions.joined(separator: "\n"), introduction].filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
