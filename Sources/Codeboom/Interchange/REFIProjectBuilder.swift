import Foundation

/// The pieces of turning a read ``REFIProject`` into the files of a Codeboom project: one source read,
/// normalised and written, names made safe, files written; ``REFIImportBuilder`` runs them as the project streams in.
enum REFIProjectBuilder {
    /// What one source gave: its document and rows, computed without touching the builder's state.
    struct SourceResult: Sendable {
        var document: String?
        var skipped: REFIImport.SkippedSource?
        /// Rows per coder, as CSV lines.
        var rows: [(coder: String, line: String)] = []
        var memoCount = 0
        /// Codings that an inline tag in the text makes again (Codeboom's own export names their selection after the tag).
        var fromTags = 0
        /// The speaker label of each selection a case names, by the selection's GUID (nil: a paragraph).
        var labels: [String: String?] = [:]
        var warnings: [String] = []
    }

    /// What every source needs to know about the project, shared while the sources are read.
    struct Context: Sendable {
        var idByCodeGUID: [String: String]
        var coderByUser: [String: String]
        var noteText: [String: String]
        var caseSelections: Set<String>
        var frontMatterBySource: [String: [(key: String, value: String)]]
        /// The file name (without `.txt`) of each text source.
        var documentBySource: [String: String]
        /// The document id of each text source: its `id` variable, else its file name.
        var idBySource: [String: String]
        var fallbackCoder: String
    }

    // MARK: - Sources

    /// One source: its text found, normalised and written with front matter, its codings as rows.
    static func readSource(_ source: REFIProject.Source, context: Context, archive: ZipArchive?,
                           corpus: URL) -> Result<SourceResult, REFIImport.Failure> {
        var result = SourceResult()
        let name = displayName(of: source)
        let codingCount = source.selections.reduce(source.codings.count + source.otherSelectionCodingCount) { $0 + $1.codings.count }
        func skip(_ reason: String) -> Result<SourceResult, REFIImport.Failure> {
            result.skipped = REFIImport.SkippedSource(name: name, reason: reason + (codingCount > 0 ? "; its \(codingCount) coding(s) were skipped" : ""))
            return .success(result)
        }
        switch source.kind {
        case .text: break
        case .pdf: return skip("a PDF source: only text sources are imported" + (source.otherSelectionCount > 0 ? " (\(source.otherSelectionCount) PDF selection(s))" : ""))
        case .picture: return skip("a picture: only text sources are imported" + (source.otherSelectionCount > 0 ? " (\(source.otherSelectionCount) picture selection(s))" : ""))
        case .audio: return skip("an audio source: only text sources are imported")
        case .video: return skip("a video source: only text sources are imported")
        }
        guard let fileName = context.documentBySource[source.guid], let document = context.idBySource[source.guid] else {
            return skip("no document name")
        }

        // The text: held in the project, or a file in the archive; a Word file through its plain-text twin.
        var original: String? = source.content
        if original == nil {
            let plain = source.path.flatMap { $0.lowercased().hasSuffix(".docx") ? nil : $0 }
            let word = [source.path, source.richTextPath].compactMap { $0 }.first { $0.lowercased().hasSuffix(".docx") }
            var candidates: [String] = []
            if let plain { candidates.append(plain) }
            if let word { candidates.append((word as NSString).deletingPathExtension + ".txt") }
            candidates.append("internal://\(source.guid).txt")
            var textEntry: String? = nil
            for candidate in candidates {
                if let entry = entryName(for: candidate, in: archive) { textEntry = entry; break }
            }
            if let textEntry, let archive {
                let bytes: Data
                do { bytes = try archive.data(for: textEntry) } catch { return skip("its text \"\(textEntry)\" cannot be read (\(error.message))") }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return skip("its text \"\(textEntry)\" is not UTF-8, which REFI-QDA requires")
                }
                original = text
            }
            // An empty twin beside a Word file (NVivo for Mac): the Word file is read instead.
            if original?.allSatisfy({ $0.isWhitespace }) ?? true, let word, let archive, let wordEntry = entryName(for: word, in: archive) {
                do {
                    let extracted = try WordDocumentReader(limits: archive.limits).read(try archive.data(for: wordEntry))
                    if !extracted.text.allSatisfy({ $0.isWhitespace }) {
                        original = extracted.text
                        if codingCount > 0 {
                            result.warnings.append("source \"\(name)\" was read from its Word file \"\(wordEntry)\", as its plain text is empty; its selections point into that empty text")
                        }
                    }
                } catch {
                    result.warnings.append("the Word file \"\(wordEntry)\" of source \"\(name)\" cannot be read (\(error))")
                }
            }
            if original == nil {
                let path = source.path ?? source.richTextPath
                if let path, path.contains("://"), !path.hasPrefix("internal://") {
                    return skip("its text \"\(path)\" is outside the archive, and nothing is read from outside it")
                }
                return skip(path.map { "its text \"\($0)\" is not in the archive" } ?? "it names no text")
            }
        }
        guard let original else { return skip("it has no text") }
        if holdsNUL(original) { return skip("its text holds NUL characters, so it is not text") }
        let text = REFIImportText(original)
        guard !text.text.allSatisfy({ $0.isWhitespace }) else { return skip("its text is empty") }

        // Front matter first: the offsets move past it.
        var header = ""
        let pairs = context.frontMatterBySource[source.guid] ?? []
        if !pairs.isEmpty || text.text.hasPrefix("---") {
            header = "---\n" + pairs.map { "\($0.key): \($0.value)\n" }.joined() + "---\n"
        }
        let shift = header.unicodeScalars.count
        let full = header + text.text
        do throws(REFIImport.Failure) {
            try writeFile(full, to: corpus.appendingPathComponent(fileName + ".txt"))
        } catch {
            return .failure(error)
        }
        result.document = document

        // The segments, to place selections the way `check` will.
        let needsSegments = !source.selections.isEmpty || !source.codings.isEmpty
        let parsed = needsSegments ? DocumentParser.parse(full, file: "Corpus/\(fileName).txt", defaultID: fileName) : nil
        let outline = parsed?.document.outline
        // The inline tags of the text, as written and folded: a selection named after one is coded by the tag again.
        let tagsInText = Set(parsed?.tags.map { ("#" + $0.tag.path.joined(separator: "/")).folded } ?? [])
        func addRow(code: String?, user: String?, start: Int, end: Int, memo: String?, what: String) {
            guard let code else {
                result.warnings.append("\(what) of source \"\(name)\" has no CodeRef; skipped")
                return
            }
            guard let id = context.idByCodeGUID[code] else {
                result.warnings.append("\(what) of source \"\(name)\" refers to code GUID \(code), which the codebook does not have; skipped")
                return
            }
            let coder = user.flatMap { context.coderByUser[$0] } ?? context.fallbackCoder
            if memo != nil { result.memoCount += 1 }
            let fields = [document, "", id, String(start), String(end), memo ?? ""]
            result.rows.append((coder, fields.map(CSVTable.escape).joined(separator: ",")))
        }
        for coding in source.codings {
            addRow(code: coding.code, user: coding.user, start: shift, end: shift + text.scalarCount, memo: nil,
                   what: "coding \(coding.guid) of the whole source")
        }
        for selection in source.selections {
            let what = "selection \(selection.guid) (\(selection.start)–\(selection.end))"
            guard selection.start >= 0, selection.start < selection.end, selection.end <= text.originalScalarCount,
                  let start = text.position(of: selection.start, isEnd: false), let end = text.position(of: selection.end, isEnd: true),
                  start < end else {
                result.warnings.append("\(what) of source \"\(name)\" lies outside its text of \(text.originalScalarCount) code points; its \(selection.codings.count) coding(s) were skipped")
                continue
            }
            if context.caseSelections.contains(selection.guid), let outline {
                // The last segment that starts at or before the selection (segments are in text order).
                var low = 0
                var high = outline.segments.count
                while low < high {
                    let middle = (low + high) / 2
                    if outline.segments[middle].start <= start + shift { low = middle + 1 } else { high = middle }
                }
                result.labels[selection.guid] = .some(low > 0 ? outline.segments[low - 1].label : nil)
            }
            guard outline?.segmentNumbers(overlapping: start + shift, end + shift) != nil else {
                if !selection.codings.isEmpty {
                    result.warnings.append("\(what) of source \"\(name)\" holds only blank lines; its \(selection.codings.count) coding(s) were skipped")
                }
                continue
            }
            // A selection named after an inline tag that stands in the text: the tag codes it again when the
            // project is read, so a row for it would count it twice.
            if let tag = selection.name, tag.hasPrefix("#"), tagsInText.contains(tag.folded) {
                result.fromTags += selection.codings.count
                continue
            }
            var memos: [String] = []
            for note in selection.notes {
                if let text = context.noteText[note] {
                    if !text.trimmingSpaces.isEmpty { memos.append(TextDecoder.normalise(text).trimmingCharacters(in: .whitespacesAndNewlines)) }
                } else {
                    result.warnings.append("\(what) of source \"\(name)\" refers to note \(note), which the project does not have")
                }
            }
            let memo = memos.isEmpty ? nil : memos.joined(separator: "\n\n")
            for coding in selection.codings {
                addRow(code: coding.code, user: coding.user, start: start + shift, end: end + shift, memo: memo,
                       what: "coding \(coding.guid) in \(what)")
            }
        }
        return .success(result)
    }

    /// The archive entry a source path names: `internal://X` and a bare `X` are `sources/X` (or `Sources/X`);
    /// nothing outside the archive is ever read.
    static func entryName(for path: String, in archive: ZipArchive?) -> String? {
        guard let archive else { return nil }
        var name = path
        if name.hasPrefix("internal://") { name = String(name.dropFirst("internal://".count)) } else if name.contains("://") { return nil }
        for candidate in ["sources/" + name, "Sources/" + name, name] where archive.contains(candidate) {
            return candidate
        }
        return nil
    }

    /// Whether the text holds a NUL character; `memchr` on its bytes, as the texts are large.
    static func holdsNUL(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        } ?? text.utf8.contains(0)
    }

    // MARK: - Names

    static func displayName(of source: REFIProject.Source) -> String {
        if let name = source.name, !name.trimmingSpaces.isEmpty { return name }
        if let path = source.path ?? source.richTextPath { return (path as NSString).lastPathComponent }
        return source.guid
    }

    /// A document's name: the source's name without an extension such as `.txt` or `.docx`, as a file name.
    static func documentName(of source: REFIProject.Source) -> String {
        var name = source.name.map(REFIImportCodebook.oneLine) ?? ""
        if name.isEmpty, let path = source.path ?? source.richTextPath {
            name = ((path.hasPrefix("internal://") ? String(path.dropFirst(11)) : path) as NSString).lastPathComponent
        }
        let extensions = ["txt", "docx", "doc", "rtf", "odt", "pdf", "md"]
        if extensions.contains((name as NSString).pathExtension.lowercased()) { name = (name as NSString).deletingPathExtension }
        let file = fileName(name)
        return file.isEmpty ? fileName(source.guid) : file
    }

    /// Letters, digits, `-`, `_` and `.` kept; any other run of characters becomes one `-`; no dot or dash at either end.
    static func fileName(_ text: String, limit: Int = 80) -> String {
        var result = ""
        var dash = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let kept = scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "_" || scalar == "-" || scalar == "."
            if kept && !(scalar.properties.generalCategory == .control) {
                if dash && !result.isEmpty { result += "-" }
                dash = false
                result.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
            if result.unicodeScalars.count >= limit { break }
        }
        while let first = result.unicodeScalars.first, first == "." || first == "-" { result.unicodeScalars.removeFirst() }
        while let last = result.unicodeScalars.last, last == "." || last == "-" { result.unicodeScalars.removeLast() }
        return result
    }

    /// A coder's name as a plain file name (`--coder` rules): letters, digits, `-`, `_`, `.`, at most 50.
    static func coderName(_ name: String) -> String {
        let file = fileName(name, limit: 50)
        return file.isEmpty ? "coder" : file
    }

    /// A variable's name as a front-matter key: lower case, letters, digits, `-` and `_`, starting with a letter.
    static func frontMatterKey(_ name: String) -> String {
        var key = fileName(name.lowercased(), limit: 40).replacingOccurrences(of: ".", with: "-")
        if let first = key.first, !first.isLetter { key = "v-" + key }
        return key.isEmpty ? "variabele" : key
    }

    /// `name`, or `name-2`, `name-3`, … when taken (compared without case, as file systems may).
    static func unique(_ name: String, in used: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(name)-\(number)"
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    // MARK: - Writing

    static func createFolder(_ url: URL) throws(REFIImport.Failure) {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    static func write(_ text: String, to url: URL) throws(REFIImport.Failure) {
        try createFolder(url.deletingLastPathComponent())
        try writeFile(text, to: url)
    }

    /// Writes a file of the new project with `open`/`write`/`close`. Foundation's `Data.write` also stats the
    /// path and syncs every file to disk, which for ten thousand sources cost more than the import itself:
    /// ``REFIImport`` syncs once, when the whole project is written.
    static func writeFile(_ text: String, to url: URL) throws(REFIImport.Failure) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        var text = text
        let failure = text.withUTF8 { DescriptorWriter.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        // Without a sync per file, `close` is where a full disk or a lost network share may still show.
        let closeFailure = close(descriptor) == 0 ? nil : errno
        if let error = failure ?? closeFailure { throw .cannotWrite(path: url.path, reason: String(cString: strerror(error))) }
    }
}
