import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a report writes, replaced as one set: a reader (or a run that is killed) sees the
/// previous set of pages or the new one, never a mix.
///
/// How: the new set is built in `.NAME.codeboom-new-XXXX/` beside the folder `NAME`, together with
/// everything in the folder that no report wrote (hard links, so nothing is copied); then the two
/// folders are exchanged in one step (`renameat2(RENAME_EXCHANGE)`) and the previous set is removed.
/// Where the file system cannot exchange, the folder is renamed away and the new one renamed in;
/// for that moment the folder is missing, never mixed, and a run that is killed right there has
/// its previous folder put back by the next run.
///
/// The folder's manifest (`.codeboom-manifest`) lists the files the report wrote; only those are
/// ever replaced or removed. Every other file and folder in it, such as a researcher's notes, is
/// carried over unchanged. Leftovers of an interrupted run beside the folder, and `.NAME.UUID.tmp`
/// files of earlier versions inside it, are removed by the next run. Two runs on one folder at the
/// same time are never interleaved: the second waits for the first (at most 15 seconds, then it is refused).
public enum ReportFolder {
    /// The manifest: one file name per line, after a comment line.
    public static let manifestName = ".codeboom-manifest"
    static let manifestHeader = "# Geschreven door codeboom report: deze bestanden vervangt of verwijdert de volgende run; andere bestanden in deze map blijven staan."

    /// Why a report could not be put in place; the previous report is left as it was.
    public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Something that is not a folder stands where the report folder should be.
        case notAFolder(path: String)
        /// Another report is being written into the folder.
        case busy(path: String)
        /// A file the report would write exists and is not in the manifest: a person's file.
        case wouldReplace(path: String)
        /// A file of the researcher's in the folder could not be carried over to the new report.
        case cannotCarryOver(path: String, reason: String)
        /// The report could not be written.
        case cannotWrite(path: String, reason: String)

        /// `path: error: what — what to do`.
        public var description: String {
            switch self {
            case .notAFolder(let path):
                "\(TerminalText.escaped(path)): error: not a folder — give --out a folder (new or empty) for the report"
            case .busy(let path):
                "\(TerminalText.escaped(path)): error: another codeboom report is writing this folder — wait until it is done"
            case .wouldReplace(let path):
                "\(TerminalText.escaped(path)): error: was not written by codeboom report and the report would replace it — "
                    + "rename or move it, or pass --force to replace it"
            case .cannotCarryOver(let path, let reason):
                "\(TerminalText.escaped(path)): error: cannot keep this file in the new report folder (\(reason)) — "
                    + "move it out of the report folder; nothing was changed"
            case .cannotWrite(let path, let reason):
                "\(TerminalText.escaped(path)): error: cannot write (\(reason)) — check that the folder and the folder around it are writable; nothing was changed"
            }
        }
    }

    /// What a replacement did.
    public struct Outcome: Sendable, Equatable {
        /// The pages, in the order given.
        public var written: [String] = []
        /// Pages of the previous report that this one no longer writes.
        public var removed: [String] = []
        /// Files and folders not written by a report, carried over unchanged.
        public var kept: [String] = []
        /// Files without a manifest entry that the report replaced (only when allowed).
        public var replaced: [String] = []
        /// Whether the folder had a manifest before this run.
        public var hadManifest = false
        /// Leftovers of an interrupted run that were removed or, for a missing folder, put back.
        public var recovered: [String] = []
    }

    /// The file names a report wrote into `folder`, or nil when it has no manifest.
    public static func manifest(of folder: URL) -> [String]? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(manifestName), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Replaces the report in `folder` by `pages` as one set.
    /// - Parameter replacingUnlisted: also replace existing files with a page's name that the
    ///   manifest does not list (as for a folder written before manifests existed, or when the caller allows it);
    ///   otherwise such a file stops the run before anything changes.
    public static func replace(_ folder: URL, with pages: [(file: String, content: String)],
                               replacingUnlisted: Bool = false) throws(WriteError) -> Outcome {
        try replace(folder, with: pages.map { (file: $0.file, bytes: Array($0.content.utf8)) }, replacingUnlisted: replacingUnlisted, exchanging: true)
    }

    /// Replaces the report in `folder` by `files` (text or binary, such as a `.docx`) as one set. A file's
    /// name may hold one folder (`figuren/x.svg`): that folder is shared with the researcher, whose own files
    /// in it stay, like those beside the pages.
    public static func replace(_ folder: URL, with files: [(file: String, bytes: [UInt8])],
                               replacingUnlisted: Bool = false) throws(WriteError) -> Outcome {
        try replace(folder, with: files, replacingUnlisted: replacingUnlisted, exchanging: true)
    }

    /// `exchanging: false` takes the way of file systems that cannot exchange (for tests).
    static func replace(_ folder: URL, with pages: [(file: String, content: String)],
                        replacingUnlisted: Bool, exchanging: Bool) throws(WriteError) -> Outcome {
        try replace(folder, with: pages.map { (file: $0.file, bytes: Array($0.content.utf8)) }, replacingUnlisted: replacingUnlisted, exchanging: exchanging)
    }

    static func replace(_ folder: URL, with pages: [(file: String, bytes: [UInt8])],
                        replacingUnlisted: Bool, exchanging: Bool) throws(WriteError) -> Outcome {
        let target = resolved(folder)
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: target.path, reason: error.localizedDescription)
        }
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY)
        guard lock >= 0 else { throw .cannotWrite(path: parent.path, reason: String(cString: strerror(errno))) }
        defer { close(lock) }
        // Another run writing here (or a report folder beside this one) holds the lock for a moment;
        // wait for it, but not without end.
        var attempts = 0
        while flock(lock, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw .cannotWrite(path: parent.path, reason: String(cString: strerror(errno))) }
            attempts += 1
            guard attempts < 300 else { throw .busy(path: target.path) }
            usleep(50_000)
        }

        var outcome = Outcome()
        outcome.recovered = recoverLeftovers(of: name, in: parent)
        let previous = kind(of: target.path)
        guard previous == nil || previous == S_IFDIR else { throw .notAFolder(path: target.path) }
        let listed = previous == nil ? nil : manifest(of: target)
        outcome.hadManifest = listed != nil
        let pageNames = Set(pages.map(\.file))
        let ours = Set(listed ?? [])

        // What stays: everything a report did not write, and not the manifest or old temp files.
        var carried: [String] = []
        if previous != nil {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
            } catch {
                throw .cannotWrite(path: target.path, reason: error.localizedDescription)
            }
            // Folders that pages are written into (`figuren/`), or that held pages: sorted file by file, one level deep.
            let sharedFolders = Set((pageNames.union(ours)).compactMap { name in name.firstIndex(of: "/").map { String(name[..<$0]) } })
            for entry in names where entry != manifestName && !AtomicFileWriter.isTemporaryName(entry) {
                let path = target.appendingPathComponent(entry).path
                if sharedFolders.contains(entry) && kind(of: path) == S_IFDIR {
                    let inner: [String]
                    do {
                        inner = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                    } catch {
                        throw .cannotWrite(path: path, reason: error.localizedDescription)
                    }
                    for name in inner where !AtomicFileWriter.isTemporaryName(name) {
                        if let kept = try sort(entry + "/" + name) { carried.append(kept) }
                    }
                    continue
                }
                if sharedFolders.contains(entry) && pageNames.contains(where: { $0.hasPrefix(entry + "/") }) {
                    // A file of the researcher's where the report needs its folder.
                    throw .wouldReplace(path: path)
                }
                if let kept = try sort(entry) { carried.append(kept) }
            }
            /// Whether a report file is dropped (listed), replaced (allowed) or kept (returned).
            func sort(_ entry: String) throws(WriteError) -> String? {
                let path = target.appendingPathComponent(entry).path
                let isFile = kind(of: path) == S_IFREG
                if ours.contains(entry) && isFile {
                    if !pageNames.contains(entry) { outcome.removed.append(entry) }
                    return nil
                }
                if pageNames.contains(entry) {
                    guard replacingUnlisted, isFile else { throw .wouldReplace(path: path) }
                    outcome.replaced.append(entry)
                    return nil
                }
                return entry
            }
        }
        outcome.kept = carried

        let staging = parent.appendingPathComponent(".\(name).codeboom-new-\(randomSuffix())")
        var previousSet: URL? = nil
        var swapped = false
        defer {
            // Whichever set is not the folder now: the staging folder, or the previous set after the swap.
            if let leftover = swapped ? previousSet : staging { try? FileManager.default.removeItem(at: leftover) }
        }
        guard mkdir(staging.path, 0o777) == 0 else { throw .cannotWrite(path: staging.path, reason: String(cString: strerror(errno))) }
        if previous != nil {
            var status = stat()
            if stat(target.path, &status) == 0 { chmod(staging.path, status.st_mode & 0o7777) }
        }
        // The shared folders first, with the researcher's permissions on them.
        let folders = Set((carried + pages.map(\.file)).compactMap { name in name.firstIndex(of: "/").map { String(name[..<$0]) } }).sorted()
        for inner in folders {
            let url = staging.appendingPathComponent(inner)
            var status = stat()
            let mode = stat(target.appendingPathComponent(inner).path, &status) == 0 ? status.st_mode & 0o7777 | 0o700 : 0o777
            guard mkdir(url.path, mode) == 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        }
        for entry in carried {
            try carryOver(target.appendingPathComponent(entry), to: staging.appendingPathComponent(entry))
        }
        let manifestText = ([manifestHeader] + pages.map(\.file)).joined(separator: "\n") + "\n"
        for (file, bytes) in pages + [(file: manifestName, bytes: Array(manifestText.utf8))] {
            try writeDurably(bytes, to: staging.appendingPathComponent(file))
        }
        for inner in folders { try syncFolder(staging.appendingPathComponent(inner)) }
        try syncFolder(staging)

        if previous != nil {
            if exchanging && exchange(staging.path, target.path) {
                previousSet = staging
            } else {
                // No exchange on this file system: rename away, rename in; the next run puts a lost folder back.
                let aside = parent.appendingPathComponent(".\(name).codeboom-old-\(randomSuffix())")
                guard rename(target.path, aside.path) == 0 else { throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno))) }
                guard rename(staging.path, target.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    rename(aside.path, target.path)
                    throw .cannotWrite(path: target.path, reason: reason)
                }
                previousSet = aside
            }
        } else {
            guard rename(staging.path, target.path) == 0 else { throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno))) }
        }
        swapped = true
        _ = try? syncFolder(parent)
        outcome.written = pages.map(\.file)
        return outcome
    }

    /// Removes what an interrupted run left beside the folder; when the folder itself is missing
    /// because a run was killed between its two renames, puts the previous folder back first.
    static func recoverLeftovers(of name: String, in parent: URL) -> [String] {
        let prefix = ".\(name).codeboom-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var leftovers = names.filter { $0.hasPrefix(prefix + "new-") || $0.hasPrefix(prefix + "old-") }.sorted()
        var recovered: [String] = []
        let target = parent.appendingPathComponent(name)
        if kind(of: target.path) == nil, let aside = leftovers.first(where: { $0.hasPrefix(prefix + "old-") }),
           rename(parent.appendingPathComponent(aside).path, target.path) == 0 {
            recovered.append(aside)
            leftovers.removeAll { $0 == aside }
        }
        for leftover in leftovers where kind(of: parent.appendingPathComponent(leftover).path) == S_IFDIR {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(leftover))
            recovered.append(leftover)
        }
        return recovered
    }

    /// A folder given through a symbolic link is replaced where the link points; the link stays.
    static func resolved(_ folder: URL) -> URL {
        let standard = folder.standardizedFileURL
        if kind(of: standard.path) == S_IFLNK { return standard.resolvingSymlinksInPath() }
        return standard
    }

    /// The file type bits of `path` without following a last symbolic link; nil when nothing is there.
    static func kind(of path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// Puts `source` into the new folder without copying its bytes where possible: a hard link for
    /// a file, the same tree for a folder, the same target for a link.
    static func carryOver(_ source: URL, to destination: URL) throws(WriteError) {
        var status = stat()
        guard lstat(source.path, &status) == 0 else { throw .cannotCarryOver(path: source.path, reason: String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            if link(source.path, destination.path) == 0 { return }
            // Another device below the folder, or hard links not allowed: copy.
            do {
                try FileManager.default.copyItem(at: source, to: destination)
            } catch {
                throw .cannotCarryOver(path: source.path, reason: error.localizedDescription)
            }
        case S_IFDIR:
            guard mkdir(destination.path, status.st_mode & 0o7777 | 0o700) == 0 else {
                throw .cannotCarryOver(path: source.path, reason: String(cString: strerror(errno)))
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: source.path)
            } catch {
                throw .cannotCarryOver(path: source.path, reason: error.localizedDescription)
            }
            for entry in names {
                try carryOver(source.appendingPathComponent(entry), to: destination.appendingPathComponent(entry))
            }
            chmod(destination.path, status.st_mode & 0o7777)
        case S_IFLNK:
            let pointee: String
            do {
                pointee = try FileManager.default.destinationOfSymbolicLink(atPath: source.path)
            } catch {
                throw .cannotCarryOver(path: source.path, reason: error.localizedDescription)
            }
            guard symlink(pointee, destination.path) == 0 else {
                throw .cannotCarryOver(path: source.path, reason: String(cString: strerror(errno)))
            }
        case S_IFIFO:
            guard mkfifo(destination.path, status.st_mode & 0o7777) == 0 else {
                throw .cannotCarryOver(path: source.path, reason: String(cString: strerror(errno)))
            }
        default:
            throw .cannotCarryOver(path: source.path, reason: "not a file, folder or link")
        }
    }

    /// Writes a page and flushes it to disk, so the exchanged folder holds whole files even after a power cut.
    static func writeDurably(_ content: [UInt8], to url: URL) throws(WriteError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if let error = AtomicFileWriter.writeAll([content], to: descriptor) {
            throw .cannotWrite(path: url.path, reason: String(cString: strerror(error)))
        }
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
    }

    static func syncFolder(_ folder: URL) throws(WriteError) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw .cannotWrite(path: folder.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: folder.path, reason: String(cString: strerror(errno))) }
    }

    /// Exchanges two paths in one step with Linux's `renameat2(RENAME_EXCHANGE)`, looked up at run
    /// time because Glibc declares it only for `_GNU_SOURCE`. False where it is missing or the file
    /// system cannot exchange; then nothing was changed.
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let renameat2 = RenameAt2.function else { return false }
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, RenameAt2.exchange) == 0
    }

    private enum RenameAt2 {
        typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        static let exchange: UInt32 = 1 << 1
        static let function: Function? = {
            #if os(Linux)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: Function.self)
            #else
            return nil
            #endif
        }()
    }

    private static func randomSuffix() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}
