import Foundation
import Testing

@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct ZipArchiveTests {
    private func archive(_ build: (inout TestZipWriter) -> Void) -> Data {
        var writer = TestZipWriter()
        build(&writer)
        return writer.archive()
    }

    @Test("stored and deflated entries read back byte for byte, in central-directory order")
    func readsStoredAndDeflatedEntries() throws {
        let data = archive {
            $0.add("mimetype", "application/vnd.oasis.opendocument.text", deflate: false)
            $0.add("content.xml", String(repeating: "<text:p>Rijnstad</text:p>", count: 50))
            $0.add("Map/", "", deflate: false)
        }
        let zip = try ZipArchive(data: data)
        #expect(zip.entryNames == ["mimetype", "content.xml", "Map/"])
        #expect(try zip.data(for: "mimetype") == Data("application/vnd.oasis.opendocument.text".utf8))
        #expect(try zip.data(for: "content.xml") == Data(String(repeating: "<text:p>Rijnstad</text:p>", count: 50).utf8))
        #expect(zip.entry(named: "content.xml")?.method == .deflated)
        #expect(zip.entry(named: "Map/")?.isDirectory == true)
    }

    @Test("ZIP64 end records and extra fields are read")
    func readsZip64() throws {
        var writer = TestZipWriter()
        writer.zip64 = true
        writer.add("word/document.xml", "<w:document/>")
        writer.add("mimetype", "x", deflate: false)
        let zip = try ZipArchive(data: writer.archive())
        #expect(zip.entryNames == ["word/document.xml", "mimetype"])
        #expect(try zip.data(for: "word/document.xml") == Data("<w:document/>".utf8))
        #expect(try zip.data(for: "mimetype") == Data("x".utf8))
    }

    @Test("an archive inside a larger buffer is read from its own start")
    func readsFromDataSlice() throws {
        let data = archive { $0.add("a.txt", "hallo") }
        let padded = Data([1, 2, 3]) + data
        let zip = try ZipArchive(data: padded.dropFirst(3))
        #expect(try zip.data(for: "a.txt") == Data("hallo".utf8))
    }

    @Test("a real LibreOffice .docx lists its parts")
    func readsProducerArchive() throws {
        let zip = try ZipArchive(data: try Fixtures.data("comment.docx"))
        #expect(zip.contains("word/document.xml"))
        #expect(zip.contains("word/comments.xml"))
        #expect(try zip.data(for: "word/comments.xml").count > 100)
    }

    @Test("a missing entry is reported by name")
    func missingEntry() throws {
        let zip = try ZipArchive(data: archive { $0.add("a.txt", "a") })
        #expect(throws: ArchiveError.entryNotFound(entry: "b.txt")) { try zip.data(for: "b.txt") }
    }

    @Test(
        "entry names that escape the extraction folder are refused",
        arguments: [
            ("../evil.txt", ArchiveError.pathTraversal(entry: "../evil.txt")),
            ("word/../../evil.txt", .pathTraversal(entry: "word/../../evil.txt")),
            ("word\\..\\..\\evil.txt", .pathTraversal(entry: "word\\..\\..\\evil.txt")),
            ("..", .pathTraversal(entry: "..")),
            ("/etc/passwd", .absolutePath(entry: "/etc/passwd")),
            ("\\\\server\\share\\evil.txt", .absolutePath(entry: "\\\\server\\share\\evil.txt")),
            ("C:\\evil.txt", .absolutePath(entry: "C:\\evil.txt")),
            ("", .invalidEntryName(entry: "")),
            ("a\u{0}b", .invalidEntryName(entry: "a\u{0}b")),
        ])
    func unsafeNames(name: String, expected: ArchiveError) {
        let data = archive { $0.add("word/document.xml", "<w:document/>"); $0.add(name, "boo") }
        #expect(throws: expected) { try ZipArchive(data: data) }
    }

    @Test("names like ..hidden or a..b are ordinary names, not traversal")
    func dotsInsideNamesAreFine() throws {
        let zip = try ZipArchive(data: archive { $0.add("..hidden", "x"); $0.add("a..b/c", "y") })
        #expect(zip.entryNames == ["..hidden", "a..b/c"])
    }

    @Test("two entries with the same name are refused as ambiguous")
    func duplicateNames() {
        let data = archive { $0.add("word/document.xml", "a"); $0.add("word/document.xml", "b") }
        #expect(throws: ArchiveError.duplicateEntry(entry: "word/document.xml")) { try ZipArchive(data: data) }
    }

    @Test("more than 10,000 entries are refused before any is read")
    func tooManyEntries() {
        let data = archive { writer in
            for index in 0...10_000 { writer.add("e\(index)", "", deflate: false) }
        }
        #expect(throws: ArchiveError.tooManyEntries(count: 10_001, limit: 10_000)) { try ZipArchive(data: data) }
    }

    @Test("the entry-count limit can be lowered")
    func lowerEntryLimit() throws {
        let data = archive { for index in 0..<6 { $0.add("e\(index)", "x") } }
        #expect(throws: ArchiveError.tooManyEntries(count: 6, limit: 5)) {
            try ZipArchive(data: data, limits: ArchiveLimits(maxEntryCount: 5))
        }
        #expect(try ZipArchive(data: data, limits: ArchiveLimits(maxEntryCount: 6)).entries.count == 6)
    }

    /// 50 MB of zeros deflates to about 50 KB: a ratio near 1,000:1.
    private static let bomb = Data(count: 50 * 1_048_576)

    @Test("a zip bomb (50 MB of zeros) is refused for its compression ratio")
    func bombRatio() {
        let data = archive { $0.add(TestZipWriter.Entry(name: "word/document.xml", data: Self.bomb)) }
        #expect {
            try ZipArchive(data: data)
        } throws: { error in
            guard case ArchiveError.compressionRatioTooHigh(let entry, let uncompressed, _, let limit) = error else {
                return false
            }
            return entry == "word/document.xml" && uncompressed == 50 * 1_048_576 && limit == 100
        }
    }

    @Test("an entry over the size limit is refused from its header")
    func entryTooLarge() {
        let data = archive { $0.add(TestZipWriter.Entry(name: "word/document.xml", data: Self.bomb)) }
        let limits = ArchiveLimits(maxEntrySize: 10 * 1_048_576)
        #expect(throws: ArchiveError.entryTooLarge(
            entry: "word/document.xml", size: 50 * 1_048_576, limit: 10 * 1_048_576)
        ) {
            try ZipArchive(data: data, limits: limits)
        }
    }

    @Test("a header that understates the size is caught while inflating, without inflating it all")
    func lyingHeaderStopsInflating() throws {
        var entry = TestZipWriter.Entry(name: "word/document.xml", data: Self.bomb)
        entry.declaredUncompressedSize = 1_000
        let data = archive { $0.add(entry) }
        let zip = try ZipArchive(data: data, limits: ArchiveLimits(maxEntrySize: 10 * 1_048_576))
        #expect {
            try zip.data(for: "word/document.xml")
        } throws: { error in
            guard case ArchiveError.sizeMismatch(_, let declared, let actual) = error else { return false }
            // Inflating stops within one 64 KiB chunk of the declared size.
            return declared == 1_000 && actual > 1_000 && actual <= 1_000 + 65_536
        }
    }

    @Test("entries that together exceed the total limit are refused")
    func totalTooLarge() {
        let data = archive {
            $0.add(TestZipWriter.Entry(name: "a", data: Data(count: 6 * 1_048_576)))
            $0.add(TestZipWriter.Entry(name: "b", data: Data(count: 6 * 1_048_576)))
        }
        let limits = ArchiveLimits(maxTotalSize: 10 * 1_048_576, maxCompressionRatio: 10_000)
        #expect(throws: ArchiveError.archiveTooLarge(size: 12 * 1_048_576, limit: 10 * 1_048_576)) {
            try ZipArchive(data: data, limits: limits)
        }
    }

    @Test("small entries may compress well: the ratio check starts above 1 MB")
    func smallRepetitiveEntriesPass() throws {
        let xml = Data(repeating: 0x20, count: 1_000_000)
        let zip = try ZipArchive(data: archive { $0.add(TestZipWriter.Entry(name: "styles.xml", data: xml)) })
        #expect(try zip.data(for: "styles.xml") == xml)
    }

    @Test("an encrypted entry is refused")
    func encryptedEntry() {
        var entry = TestZipWriter.Entry(name: "word/document.xml", data: Data("geheim".utf8))
        entry.flags |= 0x0001
        let data = archive { $0.add(entry) }
        #expect(throws: ArchiveError.encryptedEntry(entry: "word/document.xml")) { try ZipArchive(data: data) }
    }

    @Test("an unknown compression method is refused when the entry is read")
    func unsupportedMethod() {
        var entry = TestZipWriter.Entry(name: "a.bin", data: Data("x".utf8), deflate: false)
        entry.method = 12
        let data = archive { $0.add(entry) }
        #expect(throws: ArchiveError.unsupportedCompression(entry: "a.bin", method: 12)) { try ZipArchive(data: data) }
    }

    @Test("a wrong checksum is reported")
    func checksumMismatch() throws {
        var entry = TestZipWriter.Entry(name: "a.txt", data: Data("hallo".utf8))
        entry.declaredCRC = 0xDEAD_BEEF
        let zip = try ZipArchive(data: archive { $0.add(entry) })
        #expect(throws: ArchiveError.checksumMismatch(
            entry: "a.txt", declared: 0xDEAD_BEEF, actual: TestZipWriter.crc32(Data("hallo".utf8)))
        ) {
            try zip.data(for: "a.txt")
        }
    }

    /// The entry read piece by piece (``ZipArchive/read(_:chunkSize:into:)``): its bytes put together, and the sizes of the pieces.
    private func streamed(_ zip: ZipArchive, _ name: String, chunkSize: Int = 1_000) throws(ArchiveError) -> (Data, [Int]) {
        var bytes = Data()
        var sizes: [Int] = []
        try zip.read(name, chunkSize: chunkSize) { piece in
            bytes.append(contentsOf: piece)
            sizes.append(piece.count)
        }
        return (bytes, sizes)
    }

    @Test("an entry read piece by piece is the entry read whole, in pieces no larger than asked, stored or deflated")
    func readsInPieces() throws {
        let text = Data(String(repeating: "<text:p>Rijnstad</text:p>", count: 500).utf8)
        let zip = try ZipArchive(data: archive {
            $0.add("content.xml", String(decoding: text, as: UTF8.self))
            $0.add("stored.xml", String(decoding: text, as: UTF8.self), deflate: false)
        })
        for name in ["content.xml", "stored.xml"] {
            let (bytes, sizes) = try streamed(zip, name)
            #expect(bytes == text)
            #expect(sizes.allSatisfy { $0 > 0 && $0 <= 1_000 })
            #expect(sizes.count >= text.count / 1_000)
        }
    }

    @Test("read piece by piece, a wrong checksum, a header that understates the size and a damaged stream are refused at the end")
    func streamedChecks() throws {
        var wrongCRC = TestZipWriter.Entry(name: "a.txt", data: Data("hallo".utf8))
        wrongCRC.declaredCRC = 0xDEAD_BEEF
        var lying = TestZipWriter.Entry(name: "b.xml", data: Self.bomb)
        lying.declaredUncompressedSize = 1_000
        let zip = try ZipArchive(data: archive { $0.add(wrongCRC); $0.add(lying) }, limits: ArchiveLimits(maxEntrySize: 10 * 1_048_576))
        #expect(throws: ArchiveError.checksumMismatch(entry: "a.txt", declared: 0xDEAD_BEEF, actual: TestZipWriter.crc32(Data("hallo".utf8)))) {
            _ = try streamed(zip, "a.txt")
        }
        #expect {
            _ = try streamed(zip, "b.xml", chunkSize: 65_536)
        } throws: { error in
            guard case ArchiveError.sizeMismatch(_, let declared, let actual) = error else { return false }
            return declared == 1_000 && actual > 1_000 && actual <= 1_000 + 65_536
        }
    }

    @Test("an entry named streamed may pass the per-entry limit (total and ratio still hold); read whole, it is refused")
    func streamedEntryLimit() throws {
        let text = Data(String(repeating: "<Source/>", count: 300_000).utf8)
        let data = archive {
            $0.add(TestZipWriter.Entry(name: "project.qde", data: text))
            $0.add(TestZipWriter.Entry(name: "sources/a.txt", data: Data("a".utf8)))
        }
        let limits = ArchiveLimits(maxEntrySize: 1_048_576, maxTotalSize: 10 * 1_048_576, maxCompressionRatio: 10_000)
        #expect(throws: ArchiveError.entryTooLarge(entry: "project.qde", size: UInt64(text.count), limit: 1_048_576)) {
            try ZipArchive(data: data, limits: limits)
        }
        let zip = try ZipArchive(data: data, limits: limits, isMappedFile: false, isStreamed: { $0 == "project.qde" })
        #expect(try streamed(zip, "project.qde").0 == text)
        #expect(throws: ArchiveError.entryTooLarge(entry: "project.qde", size: UInt64(text.count), limit: 1_048_576)) {
            try zip.data(for: "project.qde")
        }
        #expect(throws: ArchiveError.archiveTooLarge(size: UInt64(text.count), limit: 2_000_000)) {
            try ZipArchive(data: data, limits: ArchiveLimits(maxEntrySize: 1_048_576, maxTotalSize: 2_000_000, maxCompressionRatio: 10_000),
                           isMappedFile: false, isStreamed: { $0 == "project.qde" })
        }
    }

    @Test("a mapped archive gives the pages of what it read back and reads them again from the file when asked twice")
    func mappedFileGivesPagesBack() throws {
        let text = Data((0..<400_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-mapped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.zip")
        try archive { $0.add(TestZipWriter.Entry(name: "a.bin", data: text, deflate: false)); $0.add(TestZipWriter.Entry(name: "b.bin", data: text)) }
            .write(to: file)
        let mapped = try #require(ByteReader.mapFile(file.path))
        let zip = try ZipArchive(data: mapped, isMappedFile: true)
        for _ in 0..<2 {
            #expect(try zip.data(for: "a.bin") == text)
            #expect(try zip.data(for: "b.bin") == text)
            #expect(try streamed(zip, "b.bin").0 == text)
        }
    }

    @Test("bytes that are not an archive are reported as such")
    func notAnArchive() {
        #expect(throws: ArchiveError.notAnArchive) { try ZipArchive(data: Data("I: hallo\nR: dag\n".utf8)) }
        #expect(throws: ArchiveError.notAnArchive) { try ZipArchive(data: Data()) }
    }

    @Test("an archive cut off before its central directory is reported as truncated")
    func truncatedArchive() throws {
        let data = try Fixtures.data("comment.docx")
        #expect(throws: ArchiveError.truncated(structure: "end of central directory", offset: data.count / 2)) {
            try ZipArchive(data: data.prefix(data.count / 2))
        }
    }

    @Test("every prefix of an archive is refused or read correctly, never a crash")
    func everyPrefix() throws {
        let data = archive {
            $0.add("mimetype", "application/vnd.oasis.opendocument.text", deflate: false)
            $0.add("content.xml", "<office:document-content>Lombok-Noord</office:document-content>")
        }
        for length in 0..<data.count {
            let prefix = data.prefix(length)
            if let zip = try? ZipArchive(data: prefix) {
                for name in zip.entryNames { _ = try? zip.data(for: name) }
            }
        }
        #expect(try ZipArchive(data: data).entries.count == 2)
    }

    @Test("damaged bytes anywhere give an error or the right data, never a crash")
    func corruptedBytes() throws {
        let original = try Fixtures.data("table.docx")
        let expected = try ZipArchive(data: original).data(for: "word/document.xml")
        var generator = SplitMix64(seed: 2016)
        for _ in 0..<300 {
            var damaged = original
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(damaged.count))
                damaged[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            guard let zip = try? ZipArchive(data: damaged) else { continue }
            // The checksum makes silently wrong content impossible.
            if let document = try? zip.data(for: "word/document.xml") { #expect(document == expected) }
            _ = try? WordDocumentReader().read(damaged)
        }
    }

    @Test("a damaged deflate stream is an error")
    func corruptDeflate() throws {
        var data = archive { $0.add("a.txt", String(repeating: "Oosterkwartier ", count: 200)) }
        // The deflated data starts right after the 30-byte local header and the 5-byte name.
        for index in 35..<45 { data[index] = 0xFF }
        let zip = try ZipArchive(data: data)
        #expect(throws: (any Error).self) { try zip.data(for: "a.txt") }
        do {
            _ = try zip.data(for: "a.txt")
        } catch {
            switch error {
            case .corruptData, .sizeMismatch, .checksumMismatch: break
            default: Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("error messages say what is wrong and what to do")
    func messages() {
        let message = ArchiveError.pathTraversal(entry: "../evil.txt").description
        #expect(message.hasPrefix("error: archive entry \"../evil.txt\""))
        #expect(message.contains(" — "))
    }
}
