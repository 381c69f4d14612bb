import Foundation

/// What `check` says about the perspectives of a project: a perspective that looks like a typo of a
/// more common one (`vrijwiliger` beside `vrijwilliger`), and respondents without a perspective, whose
/// words count in the total and under "zonder perspectief" only.
public enum PerspectiveCheck {
    /// Who holds a perspective: each respondent once (by the spelling they are given), and each
    /// document whose own perspective no respondent holds (notes without speakers), in corpus order.
    struct Holding {
        var spelling: String
        var document: Int
        /// Nil for a document's own perspective.
        var respondent: String?
    }

    /// Every holding of a perspective, in corpus order: respondents where they first speak.
    /// - Complexity: O(segments).
    static func holdings(of project: Project) -> [Holding] {
        var holdings: [Holding] = []
        var seen: Set<String> = []
        var keysOfRespondents: Set<String> = []
        for (position, document) in project.documents.enumerated() {
            for segment in document.segments {
                guard let id = segment.respondentID, seen.insert(id).inserted, let spelling = project.respondents[id]?.perspective else { continue }
                holdings.append(Holding(spelling: spelling, document: position, respondent: id))
            }
        }
        for holding in holdings { keysOfRespondents.insert(holding.spelling.folded) }
        for (position, document) in project.documents.enumerated() {
            if let spelling = document.perspective, !keysOfRespondents.contains(spelling.folded) {
                holdings.append(Holding(spelling: spelling, document: position, respondent: nil))
            }
        }
        return holdings
    }

    /// The warnings: perspectives close to a more common one, and documents with respondent turns
    /// (or paragraphs) that have no perspective. `metadata` (`documenten.csv`) says where a
    /// perspective given there was written.
    ///
    /// - Complexity: O(segments + codings), plus one bounded suggestion search per perspective.
    public static func diagnostics(for project: Project, metadata: DocumentMetadataTable? = nil) -> [Diagnostic] {
        nearDuplicates(project, metadata: metadata) + withoutPerspective(project)
    }

    /// A perspective held by fewer respondents than one within ``NameSuggester``'s distance of it is
    /// probably that one mistyped; of two equally held ones either may be, and the pair is warned about
    /// once. Names that differ in their numbers (`groep 1`, `groep 2`, the bench's `p0` … `p3`) are not.
    static func nearDuplicates(_ project: Project, metadata: DocumentMetadataTable?) -> [Diagnostic] {
        // Counted without walking the segments: what is usually found is nothing to warn about.
        let respondentSpellings = project.respondents.values.compactMap(\.perspective)
        let documentSpellings = project.documents.compactMap(\.perspective)
        let perspectives = Perspective.spelledAsMostWrite(respondentSpellings, adding: documentSpellings)
        guard perspectives.count > 1 else { return [] }
        var count: [String: Int] = [:]
        for spelling in respondentSpellings { count[spelling.folded, default: 0] += 1 }
        for spelling in documentSpellings where count[spelling.folded] == nil || count[spelling.folded]! < 0 {
            count[spelling.folded, default: 0] -= 1
        }
        // A perspective only documents have is counted in documents (stored negative above).
        func held(_ key: String) -> (count: Int, noun: String) {
            let value = count[key] ?? 0
            return value < 0 ? (-value, "document") : (value, "respondent")
        }
        let suggester = NameSuggester(names: perspectives.map(\.name))
        var warned: [(perspective: Perspective, other: Perspective)] = []
        for (position, perspective) in perspectives.enumerated() {
            guard let nearest = suggester.position(for: perspective.name, excluding: position) else { continue }
            let other = perspectives[nearest]
            guard digits(perspective.key) == digits(other.key) else { continue }
            let (mine, theirs) = (held(perspective.key).count, held(other.key).count)
            // Equally held (a student's first two transcripts: `vrijwiliger` and `vrijwilliger`, one each):
            // either may be the typo, so the pair is warned about once.
            guard mine < theirs || (mine == theirs && nearest < position) else { continue }
            warned.append((perspective, other))
        }
        guard !warned.isEmpty else { return [] }
        var first: [String: Holding] = [:]
        for holding in holdings(of: project) where first[holding.spelling.folded] == nil { first[holding.spelling.folded] = holding }
        return warned.compactMap { perspective, other in
            guard let holding = first[perspective.key] else { return nil }
            let (count, noun) = held(perspective.key), (otherCount, otherNoun) = held(other.key)
            return .warning(location(of: holding, in: project, metadata: metadata),
                            "perspective \"\(holding.spelling)\" (\(count) \(noun)\(count == 1 ? "" : "s")) is close to \"\(other.name)\" "
                                + "(\(otherCount) \(otherNoun)\(otherCount == 1 ? "" : "s")); it is counted as a perspective of its own",
                            advice: count == otherCount && noun == otherNoun
                                ? "if one of the two is mistyped, correct it where it is given"
                                : "did you mean \"\(other.name)\"? Correct it where it is given, if so")
        }
    }

    private static func digits(_ text: String) -> [UInt8] {
        text.utf8.filter { (0x30...0x39).contains($0) }
    }

    /// Where a holding's perspective is written: its row in `respondenten.csv`, the `perspectief:` line of
    /// the front matter, its row in `documenten.csv`, or else the document itself.
    static func location(of holding: Holding, in project: Project, metadata: DocumentMetadataTable?) -> SourceLocation {
        let document = project.documents[holding.document]
        let table = project.respondentTable
        if let respondent = holding.respondent, table.perspective(document: document.id, respondent: respondent) != nil,
           let entry = table.entries.first(where: { $0.document == document.id && $0.respondent == respondent && $0.perspective != nil }) {
            return SourceLocation(file: table.file, line: entry.line, column: 1)
        }
        // The project holds outlines, not texts: a text transcript is read again for the line, only here.
        let path = (project.directory as NSString).appendingPathComponent(document.file)
        if ["txt", "md"].contains((document.file as NSString).pathExtension.lowercased()),
           let text = try? String(contentsOfFile: path, encoding: .utf8), let line = frontMatterLine(of: "perspectief", in: text) {
            return SourceLocation(file: document.file, line: line, column: 1)
        }
        if let metadata, let entry = metadata.entries[document.id], entry.metadata["perspectief"] != nil {
            return SourceLocation(file: metadata.file, line: entry.line, column: 1)
        }
        return SourceLocation(file: document.file, line: 1, column: 1)
    }

    /// The line of the front matter that gives `key` (in Dutch or English), or nil.
    static func frontMatterLine(of key: String, in text: String) -> Int? {
        var number = 0
        // Front matter is short: the lines after the first few hundred are never looked at.
        for line in text.split(separator: "\n", maxSplits: 500, omittingEmptySubsequences: false).dropLast() {
            number += 1
            let trimmed = String(line).trimmingSpaces
            if number == 1 {
                guard trimmed == "---" else { return nil }
                continue
            }
            if trimmed == "---" { return nil }
            if let attribute = Attribute(trimmed), FrontMatterKey.meaning(of: attribute.key) == key { return number }
        }
        return nil
    }

    /// One warning per document whose respondent turns (or paragraphs) have no perspective, with how
    /// many of those segments are coded: they count in the total and under ``Perspective/unassigned``.
    static func withoutPerspective(_ project: Project) -> [Diagnostic] {
        // Usually everyone has a perspective: then there is nothing to count.
        if project.respondents.values.allSatisfy({ $0.perspective != nil }) && project.documents.allSatisfy({ $0.perspective != nil }) {
            return []
        }
        var coded = [Set<Int>](repeating: [], count: project.documents.count)
        for entry in project.codings.entries where Int(entry.document) < coded.count { coded[Int(entry.document)].formUnion(entry.segments) }
        var diagnostics: [Diagnostic] = []
        for (position, document) in project.documents.enumerated() {
            var who: [String] = []
            var segments = 0, codedSegments = 0
            for segment in document.segments {
                switch segment.speaker {
                case .interviewer: continue
                case .respondent(let id):
                    guard project.respondents[id]?.perspective == nil else { continue }
                    if !who.contains(id) { who.append(id) }
                case .unattributed:
                    guard document.perspective == nil else { continue }
                }
                segments += 1
                if coded[position].contains(segment.number) { codedSegments += 1 }
            }
            guard segments > 0 else { continue }
            let whose: String
            switch who.count {
            case 0: whose = "its paragraphs"
            case 1: whose = "respondent \(who[0])"
            case 2...5: whose = "respondents \(who.joined(separator: ", "))"
            default: whose = "respondents \(who.prefix(5).joined(separator: ", ")) and \(who.count - 5) more"
            }
            diagnostics.append(.warning(SourceLocation(file: document.file, line: 1, column: 1),
                                        "\(whose) \(who.count == 1 ? "has" : "have") no perspective: \(codedSegments) of \(segments) segment\(segments == 1 ? "" : "s") "
                                            + "\(codedSegments == 1 ? "is" : "are") coded and \(codedSegments == 1 ? "counts" : "count") only in Totaal and under \"\(Perspective.unassigned.name)\"",
                                        advice: "add `perspectief:` to the front matter, or give it in documenten.csv or respondenten.csv"))
        }
        return diagnostics
    }
}
