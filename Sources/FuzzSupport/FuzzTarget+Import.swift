import Codeboom
import Foundation

extension FuzzTarget {
    /// What the first byte of an `import` input selects (modulo 3).
    public enum ImportKind: UInt8, CaseIterable, Sendable {
        /// Any `.qdpx` archive.
        case qdpx = 0
        /// `project.qde` and its texts separated by 0xFF bytes, packed into a valid archive: the texts become
        /// `sources/NAME` for the `internal://NAME` paths of the project file, in the order they first appear,
        /// so mutations reach the project reader and the selections instead of failing checksums.
        case packed = 1
        /// A `.qdc` codebook.
        case qdc = 2
    }

    /// `REFIImport` on one input, into a fresh folder of this process; then every codings row it wrote must lie
    /// inside the text it wrote, as `check` would require.
    static func refiImport(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let rest = bytes.dropFirst()
        let data: Data
        switch ImportKind(rawValue: selector % 3)! {
        case .qdpx, .qdc: data = Data(rest)
        case .packed: data = packedProject(rest)
        }
        // This process's folder (`Scripts/fuzz.sh` removes it after a crash), in memory where there is /dev/shm.
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = URL(fileURLWithPath: "\(base)/codeboom-fuzz-\(ProcessInfo.processInfo.processIdentifier)/import")
        try? FileManager.default.removeItem(at: folder)
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else {
            fatalError("cannot create \(folder.path) for the fuzz input")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each input on its own limits: small, so one input costs little.
        var options = REFIImport.Options()
        options.limits = ArchiveLimits(maxEntryCount: 200, maxEntrySize: 4 << 20, maxTotalSize: 8 << 20)
        options.splitDotted = selector & 0x80 != 0
        guard let summary = try? REFIImport.run(data: data, shownPath: "fuzz.qdpx", name: "fuzz", into: folder, options: options) else { return }
        FuzzInvariants.checkImport(summary, in: folder)
    }

    private static func packedProject(_ bytes: ArraySlice<UInt8>) -> Data {
        let parts = bytes.split(separator: 0xFF, omittingEmptySubsequences: false)
        guard let first = parts.first else { return Data() }
        var names: [String] = []
        let text = String(decoding: first, as: UTF8.self)
        var searchStart = text.startIndex
        while let range = text.range(of: "internal://", range: searchStart..<text.endIndex) {
            let end = text[range.upperBound...].firstIndex { $0 == "\"" || $0 == "'" || $0 == "<" } ?? text.endIndex
            let name = String(text[range.upperBound..<end])
            if !name.isEmpty, !names.contains(name) { names.append(name) }
            searchStart = range.upperBound
        }
        let entries = [("project.qde", Array(first))] + zip(names.map { "sources/" + $0 }, parts.dropFirst().map(Array.init))
        return StoredZip.archive(entries)
    }
}

extension FuzzInvariants {
    /// What an import wrote: every codings row of a document lies inside that document's text, and the counts it
    /// reports are the rows there are.
    public static func checkImport(_ summary: REFIImport.Summary, in folder: URL) {
        let corpus = folder.appendingPathComponent("Corpus")
        var lengths: [String: Int] = [:]
        for file in (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [] where file.hasSuffix(".txt") {
            guard let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(file).path),
                  let text = String(validating: data, as: UTF8.self) else {
                expect(false, "\(file) is not UTF-8")
                return
            }
            expect(TextDecoder.normalise(text) == text, "\(file) is not LF and NFC")
            let table = DocumentParser.parse(text, file: file, defaultID: String(file.dropLast(4))).document
            lengths[table.id] = text.unicodeScalars.count
        }
        for (coder, count) in summary.codingsByCoder {
            let path = corpus.appendingPathComponent("codings/\(coder).csv").path
            guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
                expect(false, "codings/\(coder).csv is missing")
                return
            }
            let rows = CSVTable(text: text).rows
            expect(rows.count == count, "codings/\(coder).csv has \(rows.count) rows, the summary says \(count)")
            for row in rows {
                guard let document = row["document"], let length = lengths[document],
                      let start = row["start"].flatMap({ Int($0) }), let end = row["end"].flatMap({ Int($0) }) else {
                    expect(false, "codings/\(coder).csv line \(row.line) names no written document or offsets")
                    return
                }
                expect(0 <= start && start < end && end <= length, "codings/\(coder).csv line \(row.line): \(start)..<\(end) in \(length) scalars")
            }
        }
    }
}
