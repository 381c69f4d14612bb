import Codeboom

/// How `codeboom segments` writes its list.
public enum SegmentListFormat: String, Sendable, Equatable, CaseIterable {
    /// Aligned columns to read: number, offsets, label, respondent, perspective, time, first words.
    case md
    /// Tab-separated with a header row and the whole text, for scripts (`--format tsv`).
    case tsv
}

/// `codeboom segments DOC`: the numbered segments of a document, to write sidecar codings by number
/// and to see how a transcript was read (who speaks each turn, from which time).
/// Reads that document only (``CorpusScanner/files(mayHold:in:)``), not the corpus.
enum SegmentsCommand {
    /// The TSV columns, in order.
    static let tsvColumns = ["segment", "start", "end", "label", "respondent", "perspective", "time", "text"]

    static func run(options: ProjectOptions, documentID: String, format: SegmentListFormat = .md) -> CommandResult {
        let scan: CorpusScan
        do {
            scan = try CorpusScanner.scan(directory: options.directory, codebook: options.codebook)
        } catch {
            return CommandResult(standardError: error.description + "\n", exitStatus: CommandResult.inputErrorStatus)
        }
        let reader = CorpusReader(scan, limits: options.archiveLimits)
        var found: Document? = nil
        var ignored: [Diagnostic] = []
        // The first document with the id counts, as in a project.
        reader.forEachDocument(CorpusScanner.files(mayHold: documentID, in: scan), transform: { parsed in
            parsed.document.id == documentID ? parsed.document : nil
        }, diagnostics: &ignored) { document in
            if found == nil { found = document }
        }
        guard let document = found else {
            // Only now is the corpus read, for the ids to suggest.
            var ids: [String] = []
            reader.forEachDocument(transform: { $0.document.id }, diagnostics: &ignored) { ids.append($0) }
            return UnmatchedValue.document(documentID, among: ids, command: "segments").result
        }
        let pseudonyms = scan.pseudonyms
        if let refusal = pseudonyms.refusal(command: "segments") { return refusal }
        // Perspectives by the project's rule (``RespondentRoster``), from this document and the tables.
        let outline = document.outline
        var roster = RespondentRoster(table: scan.respondentTable)
        roster.add(outline)
        var rows: [[String]] = []
        for segment in document.segments {
            let who: String
            switch segment.speaker {
            case .interviewer: who = "interviewer"
            case .respondent(let id): who = id
            case .unattributed: who = "-"
            }
            let perspective = roster.perspective(of: segment, in: outline)?.name ?? "-"
            let time = segment.time.map(Self.time) ?? "-"
            switch format {
            case .md:
                let preview = pseudonyms.prefix(of: document.text(of: segment).collapsingWhitespace, maximumLength: 70)
                rows.append(["§\(segment.number)", "\(segment.start)–\(segment.end)", segment.label ?? "-", who, perspective, time, String(preview)])
            case .tsv:
                rows.append([String(segment.number), String(segment.start), String(segment.end), segment.label ?? "", who == "-" ? "" : who,
                             perspective == "-" ? "" : perspective, segment.time.map(Self.time) ?? "", document.text(of: segment)].map(Self.tsvField))
            }
        }
        let listing: String
        switch format {
        case .md:
            // Columns padded to their widest cell (in characters), the text last and unpadded.
            var widths = [Int](repeating: 0, count: 6)
            for row in rows { for column in 0..<6 { widths[column] = max(widths[column], row[column].count) } }
            listing = rows.map { row in
                (0..<6).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ") + "  " + row[6]
            }.joined(separator: "\n") + "\n"
        case .tsv:
            listing = ([Self.tsvColumns] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        }
        // Names replaced once over the whole listing: texts, labels and speaker-label respondent ids alike.
        return CommandResult(standardOutput: pseudonyms.apply(to: listing))
    }

    /// `hh:mm:ss`, with milliseconds when the tool gave them (`00:00:07.410`).
    static func time(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        let whole = milliseconds / 1000, fraction = milliseconds % 1000
        func pad(_ value: Int, _ digits: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let clock = "\(pad(whole / 3600)):\(pad(whole / 60 % 60)):\(pad(whole % 60))"
        return fraction == 0 ? clock : clock + "." + pad(fraction, 3)
    }

    /// A TSV field: backslashes, tabs, line feeds and carriage returns escaped as `\\`, `\t`, `\n`, `\r`.
    static func tsvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
