import Foundation
import Testing
@testable import CodeboomTestSupport

/// `kill -9` during `codeboom report`, many times: the report folder must always hold exactly the
/// previous set or exactly the new one, and the next run must leave no temp files anywhere.
@Suite(.serialized) struct ReportInterruptionTests {
    /// A project whose report has one page per perspective; `variant` changes the perspectives,
    /// so the two sets differ in their files, not only in their contents.
    static func project(in folder: URL, variant: String, perspectives: Int) throws {
        var files: [String: String] = ["Codebooks/codeboek.md": """
            # Onderbreking \(variant)

            deelvraag 1: Wat werkt?

            ## Thema's {#themas}
            deelvraag: 1

            ### Klik {#klik}
            wifa: W

            ### Lijnen {#lijnen}
            wifa: A

            """]
        for index in 1...perspectives {
            let sentence = "Dit is een zin over samenwerken in variant \(variant) en perspectief \(index). "
            files["Corpus/interview-\(index).txt"] = """
                ---
                type: interview
                perspectief: groep-\(variant)-\(index)
                respondent: R\(index)
                ---
                I: Hoe gaat het?

                R: \(String(repeating: sentence, count: 3))#klik

                I: En verder?

                R: \(String(repeating: sentence, count: 2))#lijnen

                """
        }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
    }

    /// Every file in the folder (recursively) with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for name in names {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[name] = try Data(contentsOf: url)
            }
        }
        return result
    }

    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Whether a run's staging folder stands beside the report folder.
    static func hasStaging(_ parent: URL) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).contains { $0.contains(".codeboom-new-") }
    }

    @Test("50 kills at random moments: the folder holds the old set or the new set, never a mix, and the next run cleans up")
    func killedRuns() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("oud"), new = root.appendingPathComponent("nieuw")
        try Self.project(in: old, variant: "oud", perspectives: 12)
        try Self.project(in: new, variant: "nieuw", perspectives: 8)
        let parent = root.appendingPathComponent("uitvoer")
        let out = parent.appendingPathComponent("Rapport")
        let notes = "Mijn eigen aantekeningen.\n"

        // The two sets, each from an undisturbed run.
        var sets: [Data: String] = [:]
        var reference: [String: [String: Data]] = [:]
        for (name, project) in [("oud", old), ("nieuw", new)] {
            let folder = root.appendingPathComponent("referentie-\(name)")
            #expect(try Self.run(["report", "--project", project.path, "--out", folder.path]) == 0)
            reference[name] = try Self.snapshot(folder)
            sets[try Data(contentsOf: folder.appendingPathComponent(".codeboom-manifest"))] = name
        }
        let oldSet = try #require(reference["oud"]), newSet = try #require(reference["nieuw"])
        #expect(Set(oldSet.keys) != Set(newSet.keys))

        var rng = SplitMix64(seed: 20_261_206)
        var seen = ["oud": 0, "nieuw": 0]
        var killedWhileWriting = 0
        // How long a run takes, and how long its staging folder exists (writing and flushing the pages).
        var runTime = 0.0, writeTime = 0.001
        for _ in 0..<3 {
            let started = Date()
            let process = try Self.start(["report", "--project", new.path, "--out", out.path])
            var appeared: Date? = nil
            while process.isRunning {
                let staging = Self.hasStaging(parent)
                if staging && appeared == nil { appeared = Date() }
                if !staging, let appeared { writeTime = max(writeTime, Date().timeIntervalSince(appeared)); break }
                usleep(100)
            }
            process.waitUntilExit()
            runTime = max(runTime, Date().timeIntervalSince(started))
        }
        // 50 kills; on a loaded machine, where fewer land while the set is written, up to 100 more until 5 have.
        var iteration = -1
        while iteration < 49 || (iteration < 149 && (killedWhileWriting < 5 || seen["oud"] == 0 || seen["nieuw"] == 0)) {
            iteration += 1
            // The previous set in place, with a file of the researcher's own; this run also cleans up after the last kill.
            #expect(try Self.run(["report", "--project", old.path, "--out", out.path]) == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Rapport"], "iteration \(iteration)")
            #expect(!(try FileManager.default.contentsOfDirectory(atPath: out.path)).contains { $0.hasSuffix(".tmp") })
            try notes.write(to: out.appendingPathComponent("notities.md"), atomically: false, encoding: .utf8)

            let process = try Self.start(["report", "--project", new.path, "--out", out.path])
            if iteration % 2 == 0 {
                // Any moment of the run.
                usleep(UInt32(Double.random(in: 0...1.5, using: &rng) * runTime * 1_000_000))
            } else {
                // A moment while the new set is being written: wait until its staging folder appears.
                let deadline = Date().addingTimeInterval(10)
                while process.isRunning, Date() < deadline, !Self.hasStaging(parent) { usleep(100) }
                // Within the time the staging folder stood in the calibration runs (writing, swap, cleanup):
                // kills before and after the swap.
                usleep(UInt32(Double.random(in: 0...1, using: &rng) * writeTime * 1_000_000))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let leftStaging = Self.hasStaging(parent)

            var found = try Self.snapshot(out)
            #expect(found.removeValue(forKey: "notities.md") == Data(notes.utf8), "iteration \(iteration): the researcher's file is gone or changed")
            let name = found[".codeboom-manifest"].flatMap { sets[$0] }
            #expect(name != nil && found == reference[name!], "iteration \(iteration): the folder is a mix of the two sets")
            if let name { seen[name, default: 0] += 1 }
            // A staging folder beside the old set: the kill came while the new set was being written.
            if leftStaging && name == "oud" { killedWhileWriting += 1 }
        }
        // The next run after the last kill leaves nothing behind either.
        #expect(try Self.run(["report", "--project", new.path, "--out", out.path]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Rapport"])
        var final = try Self.snapshot(out)
        #expect(final.removeValue(forKey: "notities.md") == Data(notes.utf8))
        #expect(final == newSet)
        // The test means something only if kills landed inside the write phase and both outcomes occurred.
        #expect(killedWhileWriting >= 5, "only \(killedWhileWriting) kills landed while the new set was being written")
        print("ReportInterruptionTests: outcomes \(seen), \(killedWhileWriting) kills while the new set was being written (run \(Int(runTime * 1000)) ms, writing \(Int(writeTime * 1000)) ms)")
        #expect(seen["oud"]! > 0 && seen["nieuw"]! > 0, "outcomes: \(seen)")
    }
}
