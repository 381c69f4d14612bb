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
    /// Kept in 32-bit fields: a large project has hundreds of thousands. Its number in the document is its
    /// place in the document's list.
    struct Selection: Sendable {
        private var start32: Int32
        private var end32: Int32
        private var entry32: Int32
        private var memo32: Int32

        init(start: Int, end: Int, entry: Int, memo: Int) {
            start32 = Int32(clamping: start)
            end32 = Int32(clamping: end)
            entry32 = Int32(clamping: entry)
            memo32 = Int32(clamping: memo)
        }

        var start: Int { Int(start32) }
        var end: Int { Int(end32) }
        /// The coding's position in the project's coding table, or -1 for a memo.
        var entry: Int { Int(entry32) }
        /// The memo's position in the project's memos, or -1 for a coding.
        var memo: Int { Int(memo32) }
    }

    /// The project file's namespace.
    public static let namespace = "urn:QDA-XML:project:1.0"

    let project: Project
    let coders: Set<String>
    let origin: String
    /// Every document's selections, in document order and within a document in text order: one array, as a
    /// large project has hundreds of thousands (``selections(of:)``).
    private let allSelections: [Selection]
    /// Where each document's selections start in ``allSelections``, and after the last, where they end.
    private let selectionStarts: [Int]
    /// Users in order: coders, then memo authors, sorted.
    let users: [String]
    /// Per document position: the bytes of its source GUID, from which its parts' GUIDs are numbered.
    let sourceBytes: [[UInt8]]

    /// Prepares the export of `project` with the codings of `coders` (every coder when nil).
    public init(project: Project, coders: [String]?, origin: String) {
        self.project = project
        self.origin = origin
        let coderSet = Set(coders ?? project.coders)
        self.coders = coderSet
        let table = project.codings
        let codeKnown = table.codeIDs.map { project.codebook.code(id: $0) != nil }
        let included = table.coderNames.map { coderSet.contains($0) }
        // The text a coding selects: its range, or for a segment coding its segments' words; nil when the
        // coding is not exported.
        func range(of entry: CodingTable.Entry) -> Range<Int>? {
            guard included[Int(entry.coder)] && codeKnown[Int(entry.code)] else { return nil }
            if let coded = entry.range { return coded }
            let document = project.documents[Int(entry.document)]
            guard let first = document.segment(number: entry.firstSegment), let last = document.segment(number: entry.lastSegment) else { return nil }
            return first.contentStart..<max(first.contentStart, last.end)
        }
        let memoPositions = project.memos.map { project.position(ofDocument: $0.documentID) }
        // A counting sort by document: count, then place.
        var starts = [Int](repeating: 0, count: project.documents.count + 1)
        for entry in table.entries where range(of: entry) != nil { starts[Int(entry.document) + 1] += 1 }
        for position in memoPositions { if let position { starts[position + 1] += 1 } }
        for position in project.documents.indices { starts[position + 1] += starts[position] }
        var next = starts
        var placed = [Selection](repeating: Selection(start: 0, end: 0, entry: -1, memo: -1), count: starts.last ?? 0)
        for (index, entry) in table.entries.enumerated() {
            guard let range = range(of: entry) else { continue }
            placed[next[Int(entry.document)]] = Selection(start: range.lowerBound, end: range.upperBound, entry: index, memo: -1)
            next[Int(entry.document)] += 1
        }
        var authors: Set<String> = []
        for (index, memo) in project.memos.enumerated() {
            guard let position = memoPositions[index] else { continue }
            placed[next[position]] = Selection(start: memo.range.lowerBound, end: memo.range.upperBound, entry: -1, memo: index)
            next[position] += 1
            authors.insert(memo.author)
        }
        for position in project.documents.indices {
            placed[starts[position]..<starts[position + 1]].sort { ($0.start, $0.end, $0.entry, $0.memo) < ($1.start, $1.end, $1.entry, $1.memo) }
        }
        allSelections = placed
        selectionStarts = starts
        var coderUsed = [Bool](repeating: false, count: table.coderNames.count)
        for entry in table.entries where included[Int(entry.coder)] { coderUsed[Int(entry.coder)] = true }
        let used = Set(table.coderNames.indices.filter { coderUsed[$0] }.map { table.coderNames[$0] })
        users = used.sorted() + authors.subtracting(used).sorted()
        sourceBytes = project.documents.map { REFIGUID.bytes(of: "source:" + $0.id) }
    }

    /// The selections of the document at `position`, in text order; a selection's number in the document is
    /// its place in this list (from 0).
    func selections(of position: Int) -> ArraySlice<Selection> {
        allSelections[selectionStarts[position]..<selectionStarts[position + 1]]
    }

    /// Writes the archive to `url` (atomically: the previous file stays until the new one is complete).
    ///
    /// The texts are read again through the project's corpus reader, on all cores, and compressed as they
    /// come (``REFIProjectArchive``); `project.qde` is written last, streamed, so memory holds the project,
    /// not the corpus or the XML. `export --qdpx` adds the texts while it reads the project instead.
    public func write(to url: URL) throws(REFIExportError) -> Summary {
        guard let corpus = project.corpus else { throw .noCorpus }
        var archive = try REFIProjectArchive(destination: url)
        var positionByFile: [String: Int] = [:]
        for (position, document) in project.documents.enumerated() { positionByFile[document.file] = position }
        // In corpus order, which is the order of the project's documents.
        let files = corpus.files.filter { positionByFile[$0.path] != nil }
        let wanted = positionByFile
        var failure: REFIExportError? = nil
        let outlines = project.documents
        let export = self
        corpus.forEach(files, transform: { parsed -> REFIProjectArchive.Source? in
            let document = parsed.document
            guard let position = wanted[document.file], outlines[position].scalarCount == document.scalarCount else { return nil }
            return REFIProjectArchive.Source(document, tagOffsets: export.tagOffsets(position))
        }) { result in
            guard failure == nil else { return }
            guard let source = result.value ?? nil else {
                failure = .documentChanged(file: result.path)
                return
            }
            do throws(REFIExportError) { try archive.add(source) } catch { failure = error }
        }
        if let failure { throw failure }
        return try archive.finish(self)
    }

    /// Where the inline tags stand whose codings are selections of the document at `position`.
    func tagOffsets(_ position: Int) -> Set<Int> {
        Set(selections(of: position).compactMap { $0.entry >= 0 ? project.codings.entries[$0.entry].tagOffset : nil })
    }

    /// Writes `count` parts in order, each written by `make` into the bytes of its chunk (on all cores, a
    /// batch at a time) and compressed where it was made, so memory holds one batch.
    static func writeInParallel(count: Int, to stream: inout ZipWriter.EntryStream,
                                _ make: @escaping @Sendable (Int, inout REFIXMLBytes) -> Void) throws(ZipWriter.WriteError) {
        let chunk = 16, batch = chunk * 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        for batchStart in stride(from: 0, to: count, by: batch) {
            let batchEnd = min(count, batchStart + batch)
            let chunks = (batchEnd - batchStart + chunk - 1) / chunk
            let pieces = UnsafeMutableBufferPointer<ZipWriter.Piece?>.allocate(capacity: chunks)
            pieces.initialize(repeating: nil)
            defer {
                _ = pieces.deinitialize()
                pieces.deallocate()
            }
            nonisolated(unsafe) let output = pieces
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = batchStart + index * chunk
                var xml = REFIXMLBytes()
                for item in start..<min(batchEnd, start + chunk) { make(item, &xml) }
                output[index] = ZipWriter.Piece(xml.bytes)
            }
            for piece in pieces { if let piece { try stream.write(piece) } }
        }
    }

    /// The variable names: every document's metadata keys and `perspectief`, sorted.
    var variableNames: [String] {
        var names: Set<String> = ["perspectief"]
        for document in project.documents { names.formUnion(document.metadata.keys) }
        return names.sorted()
    }

    /// GUIDs made once: of each coder and code of the coding table, and of each memo author.
    struct KnownGUIDs: Sendable {
        var coders: [String]
        var codes: [String]
        var authors: [String: String]
    }

    /// Whether a selection has a memo (``note(of:)``), without copying its text.
    func hasNote(_ selection: Selection) -> Bool {
        guard selection.entry >= 0 else { return true }
        guard let memo = project.codings.entries[selection.entry].memo else { return false }
        return !memo.isEmpty
    }

    /// The memo of a selection, if any: a coding's memo, or a comment's text.
    func note(of selection: Selection) -> (user: String, text: String)? {
        if selection.entry >= 0 {
            let entry = project.codings.entries[selection.entry]
            guard let memo = entry.memo, !memo.isEmpty else { return nil }
            return (project.codings.coderNames[Int(entry.coder)], memo)
        }
        let memo = project.memos[selection.memo]
        return (memo.author, memo.text)
    }

    /// Writes `project.qde`, given where each document's exported text starts and the text of its inline
    /// tags by offset (``REFIProjectArchive/Source``).
    func writeProject(to stream: inout ZipWriter.EntryStream, bodyStarts: [Int], tags: REFIProjectArchive.TagTexts) throws(ZipWriter.WriteError) -> Summary {
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
            var isCoded = [Bool](repeating: false, count: table.codeIDs.count)
            for selection in allSelections where selection.entry >= 0 { isCoded[Int(table.entries[selection.entry].code)] = true }
            let coded = Set(table.codeIDs.indices.filter { isCoded[$0] }.map { table.codeIDs[$0] })
            REFICodebookExport.appendCodes(of: codebook, codedIDs: coded, indent: 2, to: &head)
            head += "  </CodeBook>\n"
        }
        head += "  <Variables>\n"
        for variable in variableNames {
            head += "    <Variable guid=\"\(REFIGUID.variable(variable))\" name=\"\(REFIXMLText.attribute(variable))\" typeOfVariable=\"Text\"/>\n"
        }
        head += "  </Variables>\n"
        try stream.write(head)

        let export = self
        // Cases: the selections that cover a respondent's turns, found per document.
        let respondents = project.respondents.values.sorted { $0.id.precedesNaturally($1.id) }
        if !respondents.isEmpty {
            // Every (respondent, document, selection), in one array grouped by respondent (a counting sort):
            // a large project has hundreds of thousands.
            var respondentIndex: [String: Int] = [:]
            for (index, respondent) in respondents.enumerated() { respondentIndex[respondent.id] = index }
            var found: [(respondent: Int32, document: Int32, ordinal: Int32)] = []
            for position in project.documents.indices {
                let segments = project.documents[position].segments
                for (ordinal, selection) in selections(of: position).enumerated() {
                    // Segments are in text order: start at the first that ends after the selection's start.
                    var low = 0, high = segments.count
                    while low < high {
                        let middle = (low + high) / 2
                        if segments[middle].end <= selection.start { low = middle + 1 } else { high = middle }
                    }
                    var speakers: [Int] = []
                    var index = low
                    let end = max(selection.end, selection.start + 1)
                    while index < segments.count, segments[index].start < end {
                        if segments[index].overlaps(start: selection.start, end: end), let id = segments[index].respondentID,
                           let respondent = respondentIndex[id], !speakers.contains(respondent) {
                            speakers.append(respondent)
                        }
                        index += 1
                    }
                    for respondent in speakers { found.append((Int32(respondent), Int32(position), Int32(ordinal))) }
                }
            }
            var starts = [Int](repeating: 0, count: respondents.count + 1)
            for item in found { starts[Int(item.respondent) + 1] += 1 }
            for index in respondents.indices { starts[index + 1] += starts[index] }
            var next = starts
            var grouped = [(document: Int32, ordinal: Int32)](repeating: (0, 0), count: found.count)
            for item in found {
                grouped[next[Int(item.respondent)]] = (item.document, item.ordinal)
                next[Int(item.respondent)] += 1
            }
            found = []
            try stream.write("  <Cases>\n")
            let refs = grouped, bounds = starts
            try Self.writeInParallel(count: respondents.count, to: &stream) { index, xml in
                export.caseXML(respondents[index], selections: refs[bounds[index]..<bounds[index + 1]], into: &xml)
            }
            try stream.write("  </Cases>\n")
            summary.cases = respondents.count
        }

        var known = KnownGUIDs(coders: table.coderNames.map(REFIGUID.user), codes: table.codeIDs.map(REFIGUID.code), authors: [:])
        for memo in project.memos where known.authors[memo.author] == nil { known.authors[memo.author] = REFIGUID.user(memo.author) }
        let guids = known
        if !project.documents.isEmpty {
            try stream.write("  <Sources>\n")
            try Self.writeInParallel(count: project.documents.count, to: &stream) { position, xml in
                export.sourceXML(position, bodyStart: bodyStarts[position], tags: tags, guids: guids, into: &xml)
            }
            try stream.write("  </Sources>\n")
        }
        summary.documents = project.documents.count
        for selection in allSelections {
            if selection.entry >= 0 { summary.codings += 1 }
            if hasNote(selection) { summary.notes += 1 }
        }
        if summary.notes > 0 {
            try stream.write("  <Notes>\n")
            try Self.writeInParallel(count: project.documents.count, to: &stream) { position, xml in
                export.notesXML(position, guids: guids, into: &xml)
            }
            try stream.write("  </Notes>\n")
        }
        if let description = Self.projectDescription(codebook) {
            try stream.write("  <Description>\(REFIXMLText.content(description))</Description>\n")
        }
        try stream.write("</Project>\n")
        return summary
    }

    /// A respondent's `Case`: its perspectief, its documents and the selections of its turns.
    func caseXML(_ respondent: Respondent, selections: ArraySlice<(document: Int32, ordinal: Int32)>, into xml: inout REFIXMLBytes) {
        xml.append("    <Case guid=\"")
        xml.append(REFIGUID.respondentCase(respondent.id))
        xml.append("\" name=\"")
        xml.appendAttribute(respondent.id)
        xml.append("\">\n")
        if let perspective = respondent.perspective {
            xml.append("      <VariableValue>\n        <VariableRef targetGUID=\"")
            xml.append(REFIGUID.variable("perspectief"))
            xml.append("\"/>\n        <TextValue>")
            xml.appendContent(perspective)
            xml.append("</TextValue>\n      </VariableValue>\n")
        }
        var seen: Set<String> = []
        for document in respondent.documentIDs where seen.insert(document).inserted && project.document(id: document) != nil {
            xml.append("      <SourceRef targetGUID=\"")
            xml.append(REFIGUID.source(document))
            xml.append("\"/>\n")
        }
        for (position, ordinal) in selections {
            xml.append("      <SelectionRef targetGUID=\"")
            xml.appendGUID(.selection, of: sourceBytes[Int(position)], number: Int(ordinal))
            xml.append("\"/>\n")
        }
        xml.append("    </Case>\n")
    }

    /// A document's `TextSource`: its selections with their codings and note references, then its variables.
    func sourceXML(_ position: Int, bodyStart shift: Int, tags: REFIProjectArchive.TagTexts, guids: KnownGUIDs, into xml: inout REFIXMLBytes) {
        let table = project.codings
        let outline = project.documents[position]
        let source = sourceBytes[position]
        let sourceGUID = REFIGUID.format(source)
        xml.append("    <TextSource guid=\"")
        xml.append(sourceGUID)
        xml.append("\" name=\"")
        xml.appendAttribute(outline.id)
        xml.append("\" plainTextPath=\"internal://")
        xml.append(sourceGUID)
        xml.append(".txt\">\n")
        for (ordinal, selection) in selections(of: position).enumerated() {
            let start = max(0, selection.start - shift), end = max(start, selection.end - shift)
            xml.append("      <PlainTextSelection guid=\"")
            xml.appendGUID(.selection, of: source, number: ordinal)
            xml.append("\"")
            let userGUID: String
            if selection.entry >= 0 {
                let entry = table.entries[selection.entry]
                userGUID = guids.coders[Int(entry.coder)]
                if let offset = entry.tagOffset, let tag = tags.text(document: position, offset: offset) {
                    xml.append(" name=\"")
                    xml.appendAttribute(tag)
                    xml.append("\"")
                }
            } else {
                userGUID = guids.authors[project.memos[selection.memo].author] ?? REFIGUID.user(project.memos[selection.memo].author)
            }
            xml.append(" startPosition=\"")
            xml.append(start)
            xml.append("\" endPosition=\"")
            xml.append(end)
            xml.append("\" creatingUser=\"")
            xml.append(userGUID)
            xml.append("\">\n")
            if selection.entry >= 0 {
                let entry = table.entries[selection.entry]
                xml.append("        <Coding guid=\"")
                xml.appendGUID(.coding, of: source, number: ordinal)
                xml.append("\" creatingUser=\"")
                xml.append(userGUID)
                xml.append("\">\n          <CodeRef targetGUID=\"")
                xml.append(guids.codes[Int(entry.code)])
                xml.append("\"/>\n        </Coding>\n")
            }
            if hasNote(selection) {
                xml.append("        <NoteRef targetGUID=\"")
                xml.appendGUID(.note, of: source, number: ordinal)
                xml.append("\"/>\n")
            }
            xml.append("      </PlainTextSelection>\n")
        }
        for key in outline.metadata.keys.sorted() {
            xml.append("      <VariableValue>\n        <VariableRef targetGUID=\"")
            xml.append(REFIGUID.variable(key))
            xml.append("\"/>\n        <TextValue>")
            xml.appendContent(outline.metadata[key] ?? "")
            xml.append("</TextValue>\n      </VariableValue>\n")
        }
        xml.append("    </TextSource>\n")
    }

    /// The `Note`s of a document's selections, in selection order.
    func notesXML(_ position: Int, guids: KnownGUIDs, into xml: inout REFIXMLBytes) {
        let source = sourceBytes[position]
        for (ordinal, selection) in selections(of: position).enumerated() {
            guard let (user, text) = note(of: selection) else { continue }
            let userGUID = selection.entry >= 0 ? guids.coders[Int(project.codings.entries[selection.entry].coder)] : guids.authors[user] ?? REFIGUID.user(user)
            xml.append("    <Note guid=\"")
            xml.appendGUID(.note, of: source, number: ordinal)
            xml.append("\" name=\"memo\" creatingUser=\"")
            xml.append(userGUID)
            xml.append("\">\n      <PlainTextContent>")
            xml.appendContent(text)
            xml.append("</PlainTextContent>\n    </Note>\n")
        }
    }

    /// The codebook's deelvraag questions as its heading writes them (`deelvraag 1: …`), then its introduction.
    static func projectDescription(_ codebook: Codebook) -> String? {
        let questions = codebook.deelvraagQuestions.keys.sorted().map { "deelvraag \($0): \(codebook.deelvraagQuestions[$0] ?? "")" }
        let introduction = codebook.introduction.trimmingCharacters(in: .newlines)
        let parts = [questions.joined(separator: "\n"), introduction].filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
