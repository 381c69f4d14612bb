import Foundation

/// Turns a read ``REFIProject`` into the files of a Codeboom project in a folder, taking its sources a batch at a
/// time as they are read: each source's text is written as soon as it arrives and its codings go on to their
/// coder's file, so a project of 10,000 transcripts is never held whole — only what the files written last need
/// (the cases' selections, the notes' texts) is kept, and that by compact GUIDs.
///
/// What the whole project decides and the sources come too late to tell — the inline tags that name selections
/// (they choose code ids) and the `id` variables (a document's id must be unique) — is guessed from what came
/// before; ``finish()`` says when a guess was wrong, and the caller writes the sources again with
/// ``Knowledge`` from the first time. The files and messages are those of reading the whole project at once,
/// in the same order.
struct REFIImportBuilder {
    /// What only all the sources tell: known on the second time through.
    struct Knowledge: Sendable, Equatable {
        /// The selection names that are inline tags (`#…`).
        var tagNames: Set<String>
        /// The `id` value each source whose value no other document has keeps as its document id, by GUID.
        var givenIDs: [String: String]
    }

    /// How building ended.
    enum Outcome {
        /// Done: what was imported.
        case done(REFIImport.Summary)
        /// A guess was wrong: the folder is empty again; build again with this knowledge.
        case again(Knowledge)
    }

    private let project: REFIProject
    private let archive: ZipArchive?
    private let shown: String
    private let folder: URL
    private let corpus: URL
    private let options: REFIImport.Options
    private let known: Knowledge?
    private var summary: REFIImport.Summary

    // What the sources need, from the rest of the project.
    private let codebook: REFIImportCodebook
    private let idByCodeGUID: [String: String]
    private let knownIDs: [String: String]
    private var coderByUser: [String: String] = [:]
    private var fallbackCoder = ""
    private var variableName: [String: String] = [:]
    private var perspectiveGUID: String? = nil
    private var idVariables: Set<String> = []
    private var cases: [Respondent] = []
    private var casesBySource: [String: [Int]] = [:]
    private let notes: REFIImportNotes
    /// A bit per note (by the place of the first note with its GUID): whether a coded selection refers to it.
    private var linkedNotes: [UInt64]

    // What the sources so far gave.
    private var seenSources: Set<String> = []
    /// Every selection seen and every selection a case names, by GUID.
    private var selections: [REFIImportGUIDKey: SelectionPlace] = [:]
    private var usedDocuments: Set<String> = []
    private var documentBySource: [String: String] = [:]
    /// The folded document names and `id` values so far, and the `id` values in source order: the guess and its check.
    private var idsSoFar: Set<String> = []
    private var givenValues: [(source: String, value: String)] = []
    private var usedGivenIDs: [String: String] = [:]
    private var tagNames: Set<String> = []
    private var labels: [String] = []
    private var labelIndex: [String: Int32] = [:]
    private var rows: REFIImportCodingFiles

    // The messages, by the step of the whole-project import that gives them.
    private var readerWarnings: [String]
    private var sourceWarnings: [String] = []
    private var preparedWarnings: (codebook: [String], users: [String], cases: [String], notes: [String])
    private var selectionWarnings: [String] = []
    private var frontMatterWarnings: [String] = []
    private var resultWarnings: [String] = []
    private var duplicateSources: [REFIImport.SkippedSource] = []
    private var skipped: [REFIImport.SkippedSource] = []
    /// The first failure: from then on nothing more is written, and a source that cannot be parsed (which
    /// the whole-project import finds first) still wins over it.
    private var failure: REFIImport.Failure? = nil

    /// A case as the import keeps it.
    private struct Respondent {
        var name: String
        var perspective: String?
        var sources: [String]
        var selections: [REFIImportGUIDKey]
    }

    /// A case as read: its selections by compact GUID (those of `item` are left empty).
    struct Case {
        var item: REFIProject.Case
        var selections: [REFIImportGUIDKey]

        init(_ item: REFIProject.Case) {
            self.item = item
            selections = item.selections.map(REFIImportGUIDKey.init)
            self.item.selections = []
        }
    }

    /// What the import knows of a selection: whether a case names it and a source has held it, and where it was
    /// imported — its document (an index into `summary.documents`, -1: none) and the speaker label it starts in
    /// (an index into `labels`, -1: a paragraph, -2: not placed).
    private struct SelectionPlace {
        var isNamedByCase = false
        var isSeen = false
        var document: Int32 = -1
        var label: Int32 = -2
    }

    /// Marks a selection's place seen: whether it was not seen before, and whether a case names it.
    private static func markSeen(_ place: inout SelectionPlace) -> (isFirst: Bool, isNamedByCase: Bool) {
        defer { place.isSeen = true }
        return (!place.isSeen, place.isNamedByCase)
    }

    /// Prepares the import of `project` (its codes, users and variables, and the sources it holds already) with
    /// its `cases` and `notes` into the empty `folder`; `readerWarnings` are those of reading it. `known` is nil
    /// the first time.
    init(project: REFIProject, cases projectCases: [Case], notes: REFIImportNotes, readerWarnings: [String], archive: ZipArchive?,
         shown: String, folder: URL, options: REFIImport.Options, known: Knowledge?) {
        var project = project
        self.archive = archive
        self.shown = shown
        self.folder = folder
        corpus = folder.appendingPathComponent("Corpus")
        self.options = options
        self.known = known
        self.readerWarnings = readerWarnings
        summary = REFIImport.Summary(origin: project.origin, codebook: "", codeCount: 0)
        rows = REFIImportCodingFiles(folder: corpus.appendingPathComponent(SidecarCodings.folder))

        // The codebook, with the ids the inline tags of the sources held so far give (all of them, the second time).
        knownIDs = REFIImportCodeIDs.recover(codes: project.codes, tagNames: known?.tagNames ?? REFIImportCodeIDs.tagNames(of: project.sources))
        codebook = REFIImportCodebook(codes: project.codes, splitDotted: options.splitDotted, knownIDs: knownIDs)
        idByCodeGUID = codebook.idByGUID
        summary.codeCount = codebook.entries.count
        var codebookName = REFIProjectBuilder.fileName(project.name)
        if codebookName.isEmpty { codebookName = "codeboek" }
        summary.codebook = "Codebooks/\(codebookName).md"

        // Coders, variables, the perspective.
        var userWarnings: [String] = []
        var usedCoders: Set<String> = []
        for user in project.users {
            guard coderByUser[user.guid] == nil else {
                userWarnings.append("two users have the GUID \(user.guid); the second (\"\(user.name ?? "")\") was left out")
                continue
            }
            coderByUser[user.guid] = REFIProjectBuilder.unique(REFIProjectBuilder.coderName(user.name ?? user.guid), in: &usedCoders)
        }
        fallbackCoder = REFIProjectBuilder.unique("import", in: &usedCoders)
        for variable in project.variables where variableName[variable.guid] == nil {
            variableName[variable.guid] = variable.name
            summary.variables.append(variable.name)
        }
        if let wanted = options.perspectiveVariable {
            if let found = project.variables.first(where: { $0.name.folded == wanted.folded }) {
                perspectiveGUID = found.guid
            } else {
                failure = .unknownPerspectiveVariable(file: shown, name: wanted, variables: summary.variables)
            }
        } else {
            for name in REFIImport.perspectiveVariableNames {
                if let found = project.variables.first(where: { $0.name.folded == name }) {
                    perspectiveGUID = found.guid
                    break
                }
            }
        }
        if let perspectiveGUID { summary.perspectiveVariable = variableName[perspectiveGUID] }
        idVariables = Set(project.variables.filter { $0.name.folded == "id" }.map(\.guid))

        // Cases: their perspective, and which whole sources and selections they cover.
        var caseWarnings: [String] = []
        var seenCases: Set<String> = []
        var usedRespondents: Set<String> = []
        selections.reserveCapacity(projectCases.reduce(0) { $0 + $1.selections.count })
        for input in projectCases {
            let item = input.item
            guard seenCases.insert(item.guid).inserted else {
                caseWarnings.append("case \"\(item.name ?? item.guid)\" has the GUID \(item.guid) of an earlier case; it was left out")
                continue
            }
            let perspective = perspectiveGUID.flatMap { guid in item.values.first { $0.variable == guid }?.value.trimmingSpaces }
                .flatMap { $0.isEmpty ? nil : $0 }
            let oneLine = REFIImportCodebook.oneLine(item.name ?? "")
            let name = REFIProjectBuilder.unique(oneLine.isEmpty ? item.guid : oneLine, in: &usedRespondents)
            for key in input.selections { selections[key, default: SelectionPlace()].isNamedByCase = true }
            cases.append(Respondent(name: name, perspective: perspective, sources: item.sources, selections: input.selections))
        }
        project.cases = []
        for (index, entry) in cases.enumerated() {
            for source in Set(entry.sources) { casesBySource[source, default: []].append(index) }
        }

        self.notes = notes
        linkedNotes = Array(repeating: 0, count: (notes.order.count + 63) / 64)
        project.notes = []
        project.sources = []
        preparedWarnings = (codebook.warnings, userWarnings, caseWarnings, notes.warnings)
        self.project = project

        if failure == nil {
            do throws(REFIImport.Failure) { try REFIProjectBuilder.createFolder(corpus.appendingPathComponent(SidecarCodings.folder)) } catch {
                failure = error
            }
        }
    }

    /// The sources failed to parse where the whole-project import would have stopped before writing: nothing is
    /// written from now on.
    var isStopped: Bool { failure != nil }

    /// Reads, writes and counts the next sources, in the project's order; `warnings` are those of parsing them.
    mutating func add(_ batch: [REFIProject.Source], warnings: [String] = []) {
        sourceWarnings += warnings
        if known == nil { tagNames.formUnion(REFIImportCodeIDs.tagNames(of: batch)) }

        // Duplicates out, then documents named.
        var sources: [REFIProject.Source] = []
        // Selections named by a case, found while each selection's place is looked up once.
        var caseSelections: [String] = []
        for var source in batch {
            let name = REFIProjectBuilder.displayName(of: source)
            guard seenSources.insert(source.guid).inserted else {
                duplicateSources.append(.init(name: name, reason: "its GUID \(source.guid) is that of an earlier source"))
                continue
            }
            source.selections = source.selections.filter { selection in
                // One hash lookup per selection: the place is changed where it is stored.
                let place = Self.markSeen(&selections[REFIImportGUIDKey(selection.guid), default: SelectionPlace()])
                if place.isFirst {
                    if place.isNamedByCase { caseSelections.append(selection.guid) }
                    return true
                }
                selectionWarnings.append("selection \(selection.guid) of source \"\(name)\" has the GUID of an earlier selection; its \(selection.codings.count) coding(s) were skipped")
                return false
            }
            for selection in source.selections where !selection.codings.isEmpty {
                for note in selection.notes {
                    if let first = notes.first(of: REFIImportGUIDKey(note)) { linkedNotes[first >> 6] |= 1 << UInt64(first & 63) }
                }
            }
            sources.append(source)
        }

        var context = REFIProjectBuilder.Context(idByCodeGUID: idByCodeGUID, coderByUser: coderByUser, noteText: [:], caseSelections: [],
                                                 frontMatterBySource: [:], documentBySource: [:], idBySource: [:],
                                                 fallbackCoder: fallbackCoder)
        for source in sources where source.kind == .text {
            let document = REFIProjectBuilder.unique(REFIProjectBuilder.documentName(of: source), in: &usedDocuments)
            documentBySource[source.guid] = document
            context.documentBySource[source.guid] = document
            context.idBySource[source.guid] = document
            // An `id` variable (Codeboom's export writes one for a document whose front matter has `id:`) is the
            // document's id, when no other document has it: known the second time, guessed from those so far the first.
            if known == nil { idsSoFar.insert(document.folded) }
            if let value = source.values.first(where: { idVariables.contains($0.variable) }).map({ REFIImportCodebook.oneLine($0.value) }),
               !value.isEmpty, value != document {
                if let known {
                    if let id = known.givenIDs[source.guid] { context.idBySource[source.guid] = id }
                } else {
                    givenValues.append((source.guid, value))
                    if idsSoFar.insert(value.folded).inserted {
                        context.idBySource[source.guid] = value
                        usedGivenIDs[source.guid] = value
                    }
                }
            }
            context.frontMatterBySource[source.guid] = frontMatter(of: source, id: context.idBySource[source.guid])
        }
        guard failure == nil else { return }

        // What the sources' selections need from the whole project.
        context.caseSelections.formUnion(caseSelections)
        for source in sources {
            for selection in source.selections {
                for note in selection.notes {
                    if let text = notes.text(of: REFIImportGUIDKey(note)) { context.noteText[note] = text }
                }
            }
        }

        // The sources, read and written on all cores, gathered in order.
        let results = Self.readSources(sources, context: context, archive: archive, corpus: corpus)
        for index in results.indices {
            let result: REFIProjectBuilder.SourceResult
            switch results[index] {
            case .failure(let error):
                failure = error
                return
            case .success(let value):
                result = value
            }
            resultWarnings += result.warnings
            if let skip = result.skipped { skipped.append(skip) }
            if let document = result.document {
                summary.documents.append(document)
                let number = Int32(summary.documents.count - 1)
                for selection in sources[index].selections {
                    let key = REFIImportGUIDKey(selection.guid)
                    if selections[key]?.isNamedByCase ?? false { selections[key]?.document = number }
                }
            }
            summary.memoCount += result.memoCount
            summary.codingsFromTags += result.fromTags
            for row in result.rows { rows.append(row.line, coder: row.coder) }
            for (guid, label) in result.labels {
                let key = REFIImportGUIDKey(guid)
                guard selections[key]?.label ?? -2 == -2 else { continue }
                selections[key, default: SelectionPlace()].label = if let label { number(ofLabel: label) } else { -1 }
            }
        }
        do throws(REFIImport.Failure) { try rows.flushIfFull() } catch { failure = error }
    }

    /// The front matter of a text source: its variables, and the respondent of the one case that covers it whole.
    private mutating func frontMatter(of source: REFIProject.Source, id: String?) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        var usedKeys: Set<String> = []
        for value in source.values {
            let text = REFIImportCodebook.oneLine(value.value)
            guard !text.isEmpty else { continue }
            guard let name = variableName[value.variable] else {
                frontMatterWarnings.append("source \"\(REFIProjectBuilder.displayName(of: source))\" has a value for variable GUID \(value.variable), which the project does not define; left out")
                continue
            }
            var key = value.variable == perspectiveGUID ? "perspectief" : REFIProjectBuilder.frontMatterKey(name)
            if key == "type" && DocumentType(attribute: text) == nil { key = "soort" }
            if key == "id" && id != text {
                key = "bron-id"
            }
            guard usedKeys.insert(key).inserted else { continue }
            pairs.append((key, text))
        }
        if let covering = casesBySource[source.guid] {
            if covering.count == 1 {
                let entry = cases[covering[0]]
                if !usedKeys.contains("respondent") { pairs.append(("respondent", entry.name)); usedKeys.insert("respondent") }
                if let perspective = entry.perspective, !usedKeys.contains("perspectief") { pairs.append(("perspectief", perspective)) }
            } else {
                let own = Set(source.selections.map { REFIImportGUIDKey($0.guid) })
                if covering.filter({ cases[$0].selections.allSatisfy { !own.contains($0) } }).count > 1 {
                    let names = covering.map { cases[$0].name }
                    frontMatterWarnings.append("source \"\(REFIProjectBuilder.displayName(of: source))\" is covered whole by \(covering.count) cases (\(names.joined(separator: ", "))); which speaker is which cannot be told — add their rows to Corpus/respondenten.csv")
                }
            }
        }
        if pairs.contains(where: { $0.key == "perspectief" }) { summary.documentsWithPerspective += 1 }
        return pairs
    }

    private mutating func number(ofLabel label: String) -> Int32 {
        if let number = labelIndex[label] { return number }
        labels.append(label)
        labelIndex[label] = Int32(labels.count - 1)
        return Int32(labels.count - 1)
    }

    /// Each source read, normalised and written; in source order, on all cores.
    private static func readSources(_ sources: [REFIProject.Source], context: REFIProjectBuilder.Context, archive: ZipArchive?,
                                    corpus: URL) -> [Result<REFIProjectBuilder.SourceResult, REFIImport.Failure>] {
        let results = UnsafeMutableBufferPointer<Result<REFIProjectBuilder.SourceResult, REFIImport.Failure>?>.allocate(capacity: sources.count)
        results.initialize(repeating: nil)
        defer {
            // deallocate() alone would leave the results it holds retained: each source and its rows, leaked.
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            output[index] = REFIProjectBuilder.readSource(sources[index], context: context, archive: archive, corpus: corpus)
        }
        return results.map { $0! }
    }

    /// The rest of the files once every source is in: the codings files, `respondenten.csv` and the codebook —
    /// or the first failure, or the knowledge to build again with when a guess was wrong. What was written is
    /// removed whenever the import does not end done.
    mutating func finish() throws(REFIImport.Failure) -> Outcome {
        do throws(REFIImport.Failure) {
            if let failure { throw failure }
            if known == nil {
                let knowledge = Knowledge(tagNames: tagNames, givenIDs: acceptedIDs())
                if knowledge.givenIDs != usedGivenIDs
                    || REFIImportCodeIDs.recover(codes: project.codes, tagNames: knowledge.tagNames) != knownIDs {
                    removeWritten()
                    return .again(knowledge)
                }
            }
            try rows.flush()
            summary.codingsByCoder = rows.counts
            try writeRespondents()
            let unlinked = notes.order.indices.filter { position in
                guard let first = notes.first(of: notes.order[position]) else { return true }
                return linkedNotes[first >> 6] & (1 << UInt64(first & 63)) == 0
            }
            var unlinkedWarning: [String] = []
            if !unlinked.isEmpty {
                let names = unlinked.prefix(5).map { "\"\(notes.name(at: $0) ?? notes.order[$0].description)\"" }.joined(separator: ", ")
                    + (unlinked.count > 5 ? ", …" : "")
                unlinkedWarning.append("\(unlinked.count) note(s) not linked to a coded selection were not imported (\(names)); a memo belongs to a coding")
            }
            let introduction = project.description.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
            try REFIProjectBuilder.write(codebook.markdown(title: project.name, introduction: introduction),
                                         to: folder.appendingPathComponent(summary.codebook))
            summary.skippedSources = duplicateSources + skipped
            summary.warnings = readerWarnings + sourceWarnings + preparedWarnings.codebook + preparedWarnings.users + selectionWarnings
                + preparedWarnings.cases + frontMatterWarnings + preparedWarnings.notes + resultWarnings + summary.warnings + unlinkedWarning
            return .done(summary)
        } catch {
            removeWritten()
            throw error
        }
    }

    /// Removes what was written, so that the folder is empty again.
    func removeWritten() {
        for name in ["Corpus", "Codebooks"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
    }

    /// Which `id` values stay documents' ids: those no other document has, as a name or an id.
    private func acceptedIDs() -> [String: String] {
        var counts: [String: Int] = [:]
        for id in documentBySource.values { counts[id.folded, default: 0] += 1 }
        for (_, value) in givenValues { counts[value.folded, default: 0] += 1 }
        var accepted: [String: String] = [:]
        for (source, value) in givenValues where counts[value.folded] == 1 { accepted[source] = value }
        return accepted
    }

    /// `respondenten.csv`: a row per case, document and speaker label where the case speaks. Its messages go
    /// to `summary.warnings`, which holds nothing else until the end.
    private mutating func writeRespondents() throws(REFIImport.Failure) {
        var respondentRows: [String] = []
        var listed: [String: String] = [:]
        for entry in cases {
            var seen: Set<String> = []
            var placed = false
            for key in entry.selections {
                let place = selections[key]
                guard let number = place?.document, number >= 0 else {
                    summary.warnings.append("case \"\(entry.name)\" refers to selection \(key), which no imported text source holds; that reference was skipped")
                    continue
                }
                let document = summary.documents[Int(number)]
                guard let labelNumber = place?.label, labelNumber >= 0 else {
                    summary.warnings.append("case \"\(entry.name)\" refers to selection \(key) of \(document), which starts in no speaker turn; that reference was skipped")
                    continue
                }
                let label = labels[Int(labelNumber)]
                let listKey = document + "\u{0}" + label.folded
                if let other = listed[listKey] {
                    if other != entry.name {
                        summary.warnings.append("speaker \"\(label)\" of \(document) is both case \"\(other)\" and case \"\(entry.name)\"; it was kept as \"\(other)\"")
                    }
                    continue
                }
                guard seen.insert(listKey).inserted else { continue }
                listed[listKey] = entry.name
                placed = true
                respondentRows.append([entry.name, entry.perspective ?? "", document, label].map(CSVTable.escape).joined(separator: ","))
            }
            if placed || entry.sources.contains(where: { documentBySource[$0] != nil }) { summary.respondents.append(entry.name) }
        }
        summary.respondentRows = respondentRows.count
        if !respondentRows.isEmpty {
            let text = (["respondent,perspectief,document,spreker"] + respondentRows).joined(separator: "\n") + "\n"
            try REFIProjectBuilder.write(text, to: corpus.appendingPathComponent(RespondentTable.fileName))
        }
    }
}
