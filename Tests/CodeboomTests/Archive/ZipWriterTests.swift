import Foundation
import Testing

@testable import Codeboom

@Suite struct ZipWriterTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `unzip` with `arguments`; nil when unzip is not installed.
    private func unzip(_ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let path = ExternalProgram.find("unzip") else { return nil }
        return try ExternalProgram.run(path, arguments)
    }

    private let text = String(repeating: "Rijnstad — één café 😀 e\u{301}n meer.\n", count: 400)

    @Test("entries read back byte for byte through ZipArchive, in the order they were added")
    func readsBackThroughZipArchive() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("study.qdpx")
        var zip = try ZipWriter(destination: url)
        try zip.add(path: "project.qde", data: Data("<Project/>".utf8))
        try zip.add(path: "sources/één.txt", data: Data(text.utf8))
        try zip.add(path: "sources/leeg.txt", data: Data())
        try zip.add(path: "mimetype", data: Data("stored".utf8), compress: false)
        try zip.finish()

        let archive = try ZipArchive(data: Data(contentsOf: url))
        #expect(archive.entryNames == ["project.qde", "sources/één.txt", "sources/leeg.txt", "mimetype"])
        #expect(try archive.data(for: "sources/één.txt") == Data(text.utf8))
        #expect(try archive.data(for: "sources/leeg.txt") == Data())
        #expect(try archive.data(for: "mimetype") == Data("stored".utf8))
        #expect(archive.entry(named: "sources/één.txt")?.method == .deflated)
        #expect(archive.entry(named: "mimetype")?.method == .stored)
        // Deflate really compresses: 400 repeated lines shrink to a small fraction.
        let entry = try #require(archive.entry(named: "sources/één.txt"))
        #expect(entry.compressedSize * 10 < entry.uncompressedSize)
    }

    @Test("unzip -t finds no error and unzip -p gives the bytes back")
    func unzipAccepts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.zip")
        var zip = try ZipWriter(destination: url)
        try zip.add(path: "sources/1.txt", data: Data(text.utf8))
        try zip.add(path: "sources/2.txt", data: Data("kort".utf8), compress: false)
        try zip.finish()
        guard let test = try unzip(["-t", url.path]) else {
            Issue.record("unzip is not installed (/usr/bin/unzip): cannot check the archive with another reader")
            return
        }
        #expect(test.status == 0, "\(test.output)")
        #expect(test.output.contains("No errors detected"))
        #expect(try unzip(["-p", url.path, "sources/1.txt"])?.output == text)
    }

    @Test("the same entries give byte-identical archives, with the fixed 1980-01-01 timestamp")
    func isDeterministic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var archives: [Data] = []
        for name in ["one.zip", "two.zip"] {
            var zip = try ZipWriter(destination: folder.appendingPathComponent(name))
            try zip.add(path: "b.txt", data: Data(text.utf8))
            try zip.add(path: "a.txt", data: Data("a".utf8))
            try zip.finish()
            archives.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        #expect(archives[0] == archives[1])
        // Local header: time at byte 10, date at byte 12 (little-endian): 00:00, 1980-01-01.
        #expect(Array(archives[0][10..<14]) == [0, 0, 0x21, 0])
        let listing = try unzip(["-l", folder.appendingPathComponent("one.zip").path])
        if let listing { #expect(listing.output.contains("1980-01-01 00:00") || listing.output.contains("01-01-1980 00:00")) }
    }

    @Test("the destination stays as it was until finish, and no temporary file is left")
    func writesAtomically() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("study.qdpx")
        try Data("earlier".utf8).write(to: url)
        do {
            var zip = try ZipWriter(destination: url)
            try zip.add(path: "a.txt", data: Data("a".utf8))
            #expect(try Data(contentsOf: url) == Data("earlier".utf8))
            // Dropped without finish(): the earlier file stays and the temporary file goes.
            _ = consume zip
        }
        #expect(try Data(contentsOf: url) == Data("earlier".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["study.qdpx"])

        var zip = try ZipWriter(destination: url)
        try zip.add(path: "a.txt", data: Data("a".utf8))
        try zip.finish()
        #expect(try ZipArchive(data: Data(contentsOf: url)).entryNames == ["a.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["study.qdpx"])
    }

    @Test("unsafe and duplicate entry names are refused before anything is written", arguments: [
        "", "/etc/passwd", "../uit.txt", "sources/../../uit.txt", "sources\\1.txt", "C:x.txt", "a//b.txt",
        "./a.txt", "map/", "a\0b",
    ])
    func refusesUnsafeNames(name: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.zip")
        var zip = try ZipWriter(destination: url)
        #expect(throws: ZipWriter.WriteError.invalidEntryName(path: url.path, entry: name)) {
            try zip.add(path: name, data: Data("x".utf8))
        }
        try zip.add(path: "a.txt", data: Data("x".utf8))
        #expect(throws: ZipWriter.WriteError.duplicateEntry(path: url.path, entry: "a.txt")) {
            try zip.add(path: "a.txt", data: Data("y".utf8))
        }
        try zip.finish()
        #expect(try ZipArchive(data: Data(contentsOf: url)).entryNames == ["a.txt"])
    }

    @Test("more entries than a ZIP without ZIP64 can count are refused with a clear message")
    func refusesTooManyEntries() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("veel.zip")
        var zip = try ZipWriter(destination: url)
        for index in 0..<ZipWriter.maxEntryCount {
            try zip.add(path: "\(index)", data: Data(), compress: false)
        }
        let error = #expect(throws: ZipWriter.WriteError.self) {
            try zip.add(path: "een te veel", data: Data(), compress: false)
        }
        #expect(error?.description.contains("too large for a ZIP without ZIP64 (more than 65534 entries)") == true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("a folder that cannot be created is a clear error naming the destination")
    func refusesUnwritableDestination() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("bestand")
        try Data("x".utf8).write(to: blocker)
        let url = blocker.appendingPathComponent("a.zip")
        let error = #expect(throws: ZipWriter.WriteError.self) { _ = try ZipWriter(destination: url) }
        #expect(error?.description.hasPrefix("\(url.path): error: cannot write") == true)
    }

    @Test("a streamed entry and entries compressed on other threads read back like any other")
    func streamsAndPrecompresses() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("stream.zip")
        let texts = (0..<8).map { "document \($0): " + String(repeating: "één 😀 tekst \($0)\n", count: 200 * ($0 + 1)) }
        // Compressed concurrently, added in the given order.
        let entries = await withTaskGroup(of: (Int, ZipWriter.Entry).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, ZipWriter.Entry(path: "sources/\(index).txt", data: Data(text.utf8))) }
            }
            var entries: [(Int, ZipWriter.Entry)] = []
            for await entry in group { entries.append(entry) }
            return entries.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var zip = try ZipWriter(destination: url)
        for entry in entries { try zip.add(entry) }
        var expected = ""
        try zip.add(path: "project.qde") { (stream: inout ZipWriter.EntryStream) throws(ZipWriter.WriteError) in
            // 3 MB in small pieces: more than one output buffer of deflate.
            for index in 0..<30_000 {
                let piece = "<Selectie nr=\"\(index)\" tekst=\"é😀\"/>\n"
                expected += piece
                try stream.write(piece)
            }
        }
        try zip.add(path: "leeg.qde") { (_: inout ZipWriter.EntryStream) throws(ZipWriter.WriteError) in }
        try zip.finish()

        let archive = try ZipArchive(data: Data(contentsOf: url), limits: ArchiveLimits(maxCompressionRatio: 1000))
        #expect(archive.entryNames == (0..<8).map { "sources/\($0).txt" } + ["project.qde", "leeg.qde"])
        for (index, text) in texts.enumerated() {
            #expect(try archive.data(for: "sources/\(index).txt") == Data(text.utf8))
        }
        #expect(try archive.data(for: "project.qde") == Data(expected.utf8))
        #expect(try archive.data(for: "leeg.qde") == Data())
        if let test = try unzip(["-t", url.path]) { #expect(test.status == 0, "\(test.output)") }
    }

    @Test("the CRC-32 is the standard one (check value of \"123456789\")")
    func crcMatchesStandard() {
        #expect(ZipWriter.crc32(of: Data("123456789".utf8)) == 0xCBF4_3926)
    }
}
