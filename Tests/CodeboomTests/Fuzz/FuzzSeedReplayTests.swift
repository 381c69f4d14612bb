import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport
import FuzzSupport

/// Every fuzz seed and every saved finding, run once through the fuzz target it belongs to, in the plain
/// test build: a target that no longer runs, a seed that now breaks a reader's promise (which traps), or a
/// finding that comes back fails here, without fuzzing. The seeds are the ones `Scripts/fuzz.sh` starts
/// from: the example study's and the fixtures' files of the target's kind (whole, where the script cuts
/// long ones to its input limit), `Fuzz/Seeds/TARGET/` and `Fuzz/Findings/TARGET/`, with the selector
/// byte the csv and archive targets read first.
///
/// Serialized: the targets read documents through one file per process, as each fuzz process does.
@Suite(.serialized) struct FuzzSeedReplayTests {
    @Test("every fuzz seed and saved finding runs through its target", arguments: FuzzTarget.allCases)
    func seedsReplay(target: FuzzTarget) throws {
        let inputs = try FuzzSeeds.inputs(for: target)
        // Each target has seeds from the study or the fixtures: they may not go missing unseen.
        #expect(inputs.filter { !$0.name.hasPrefix("Fuzz/") }.count >= 3)
        for input in inputs { target.run(input.bytes) }
    }

    @Test("the csv selector follows the table a file is")
    func csvKindFollowsFileName() {
        #expect(FuzzTarget.CSVKind(path: "Corpus/respondenten.csv") == .respondenten)
        #expect(FuzzTarget.CSVKind(path: "Corpus/documenten.csv") == .documenten)
        #expect(FuzzTarget.CSVKind(path: "Fuzz/Seeds/csv/pseudoniemen-chain.csv") == .pseudoniemen)
        #expect(FuzzTarget.CSVKind(path: "Corpus/codings/anne.csv") == .sidecar)
        #expect(FuzzTarget.CSVKind(path: "Tests/x/other.csv") == .any)
    }
}

/// The inputs of each target, built as `Scripts/fuzz.sh`'s `seed` function builds them.
private enum FuzzSeeds {
    struct Input {
        var name: String
        var bytes: [UInt8]
    }

    static func inputs(for target: FuzzTarget) throws -> [Input] {
        let study = files(under: ["Codebooks", "Corpus", "Tests/CodeboomTests/Fixtures"])
        let seeds = files(under: ["Fuzz/Seeds/\(target.rawValue)"])
        var inputs: [Input] = []
        switch target {
        case .codebook:
            inputs = try (study.filter { $0.contains("Codebooks/") && $0.hasSuffix(".md") } + seeds).map(read)
        case .transcript:
            let transcripts = study.filter {
                ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && !$0.contains("Codebooks/") && !$0.hasSuffix("README.md")
            }
            inputs = try (transcripts + seeds).map(read)
        case .subtitles:
            inputs = try (study.filter { $0.hasSuffix(".vtt") || $0.hasSuffix(".srt") } + seeds).map(read)
        case .csv:
            for path in study.filter({ $0.hasSuffix(".csv") }) {
                inputs.append(try selected(FuzzTarget.CSVKind(path: path).rawValue, path))
                inputs.append(try selected(FuzzTarget.CSVKind.any.rawValue, path))
            }
            inputs += try seeds.map { try selected(FuzzTarget.CSVKind(path: $0).rawValue, $0) }
        case .archive:
            for path in study where path.hasSuffix(".docx") {
                inputs += [try selected(FuzzTarget.ArchiveKind.zip.rawValue, path), try selected(FuzzTarget.ArchiveKind.docx.rawValue, path),
                           try packed(.packedDocx, path)]
            }
            for path in study where path.hasSuffix(".odt") {
                inputs += [try selected(FuzzTarget.ArchiveKind.odt.rawValue, path), try packed(.packedODT, path)]
            }
            inputs += try seeds.map(read)
        case .refiImport:
            inputs = try refiInputs() + seeds.map(read)
        }
        // Saved findings already start with their selector byte: replayed as the fuzzer ran them.
        return inputs + (try files(under: ["Fuzz/Findings/\(target.rawValue)"]).map(read))
    }

    /// Files under the package's folders, by relative path, in name order.
    private static func files(under folders: [String]) -> [String] {
        folders.flatMap { folder -> [String] in
            let root = TestPaths.packageRoot.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
            return enumerator.compactMap { item in
                guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
                return folder + "/" + url.path.dropFirst(root.path.count + 1)
            }
        }.sorted()
    }

    private static func read(_ path: String) throws -> Input {
        Input(name: path, bytes: Array(try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent(path))))
    }

    private static func selected(_ selector: UInt8, _ path: String) throws -> Input {
        let file = try read(path)
        return Input(name: path, bytes: [selector] + file.bytes)
    }

    /// The REFI-QDA fixtures, as `Scripts/fuzz.sh` seeds the import target: each folder packed as a `.qdpx`
    /// (selector 0) and as its `project.qde` and texts in the order the project names them (selector 1), and
    /// each `.qdc` (selector 2).
    private static func refiInputs() throws -> [Input] {
        var inputs: [Input] = []
        let root = REFIFixtures.folder
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let path = "Tests/CodeboomTests/Fixtures/refi/\(name)"
            if name.hasSuffix(".qdc") {
                inputs.append(try selected(FuzzTarget.ImportKind.qdc.rawValue, path))
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            let entries = try REFIFixtures.entries(of: name)
            var writer = TestZipWriter()
            for entry in entries { writer.add(TestZipWriter.Entry(name: entry.name, data: entry.data)) }
            inputs.append(Input(name: path, bytes: [FuzzTarget.ImportKind.qdpx.rawValue] + Array(writer.archive())))
            // The texts in the order their `internal://` paths first appear in the project file.
            guard let project = entries.first(where: { $0.name == "project.qde" })?.data else { continue }
            let text = String(decoding: project, as: UTF8.self)
            var parts = [Array(project)]
            var seen: Set<String> = []
            for piece in text.components(separatedBy: "internal://").dropFirst() {
                let name = String(piece.prefix { $0 != "\"" && $0 != "'" && $0 != "<" })
                guard !name.isEmpty, seen.insert(name).inserted else { continue }
                let data = entries.first { $0.name == "sources/" + name || $0.name == "Sources/" + name }?.data ?? Data()
                parts.append(Array(data))
            }
            inputs.append(Input(name: path, bytes: [FuzzTarget.ImportKind.packed.rawValue] + Array(parts.joined(separator: [0xFF]))))
        }
        return inputs
    }

    /// A document's XML parts, 0xFF between them, as the archive target packs them into an archive again.
    private static func packed(_ kind: FuzzTarget.ArchiveKind, _ path: String) throws -> Input {
        // A file that is no archive (an encrypted .docx) gives empty parts, as `unzip -p` does for the script.
        let archive = try? ZipArchive(data: Data(try read(path).bytes))
        let parts = kind.parts.map { name in (try? archive?.data(for: name)).flatMap { $0.map { Array($0) } } ?? [] }
        return Input(name: path, bytes: [kind.rawValue] + Array(parts.joined(separator: [0xFF])))
    }
}
