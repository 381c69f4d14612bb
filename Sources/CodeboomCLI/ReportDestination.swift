import Codeboom
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which folder `codeboom report` writes, and which folders it refuses, because a report replaces
/// a folder as a whole (``ReportFolder``) and a researcher must never lose a file to it.
///
/// - Without `--out`: the project's `Reports/`, always; a `Reports/` written before manifests
///   existed has its pages (files with a page's name) replaced and everything else kept.
/// - `--out DIR` is refused, even with `--force` (usage error): the root folder, the home folder,
///   the project folder or any folder that holds it, and `Corpus/`, `Codebooks/` or any folder
///   inside them (their files are the project's input). An empty value is refused by the parser.
/// - `--out DIR` needs `--force` when DIR already holds files but no manifest, i.e. when
///   `codeboom report` did not write it; with `--force` its files stay and those with a page's
///   name are replaced.
/// - Otherwise (a new folder, an empty one, or one with a manifest) the report is written; a file
///   with a page's name that the manifest does not list stops it, unless `--force`.
///
/// Paths are compared after resolving symbolic links and `..`, so `--out Corpus/../..` is seen
/// for what it is.
enum ReportDestination {
    struct Choice: Equatable {
        var folder: URL
        /// How the folder is named in the list of written files.
        var shown: String
        var replacingUnlisted: Bool
    }

    static func choose(output: String?, projectDirectory: String, force: Bool) throws(UsageError) -> Choice {
        let project = canonical(projectDirectory)
        let reports = join(project, ProjectLoader.reportFolder)
        guard let output else {
            let folder = URL(fileURLWithPath: projectDirectory).appendingPathComponent(ProjectLoader.reportFolder)
            return Choice(folder: folder, shown: ProjectLoader.reportFolder, replacingUnlisted: force || !hasManifest(reports))
        }
        let path = canonical(output)
        func refuse(_ why: String) -> UsageError {
            UsageError(message: "--out \"\(output)\" \(why)", command: "report")
        }
        if path == reports {
            return Choice(folder: URL(fileURLWithPath: output), shown: output, replacingUnlisted: force || !hasManifest(reports))
        }
        if path == "/" { throw refuse("is the root of the file system — give the report a folder of its own, like --out rapport") }
        if homeFolders().contains(path) { throw refuse("is your home folder — give the report a folder of its own, like --out ~/rapport") }
        if isInside(project, path) {
            throw refuse("holds the project itself — leave out --out to write Reports/, or give the report a folder of its own")
        }
        for input in [ProjectLoader.corpusFolder, ProjectLoader.codebookFolder] where isInside(path, join(project, input)) {
            throw refuse("is in \(input)/, which codeboom reads as input — leave out --out to write Reports/, or choose a folder outside \(input)/")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty && !hasManifest(path) && !force {
            throw refuse("already holds files that codeboom report did not write — choose a new or empty folder, or add --force "
                         + "to write the report among them (they stay; files with a report page's name are replaced)")
        }
        return Choice(folder: URL(fileURLWithPath: output), shown: output, replacingUnlisted: force)
    }

    static func hasManifest(_ folder: String) -> Bool {
        ReportFolder.manifest(of: URL(fileURLWithPath: folder)) != nil
    }

    /// `$HOME` and the account's home folder, resolved.
    static func homeFolders() -> Set<String> {
        var folders: Set<String> = [canonical(FileManager.default.homeDirectoryForCurrentUser.path)]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { folders.insert(canonical(home)) }
        return folders
    }

    /// Whether `path` is `folder` or lies inside it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }

    /// An absolute path without `.`, `..` or symbolic links; the part that does not exist yet is
    /// appended to the resolved part that does.
    static func canonical(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while true {
            if let resolved = realpath(existing.path, nil) {
                defer { free(resolved) }
                var result = String(cString: resolved)
                for component in missing.reversed() { result = join(result, component) }
                return result
            }
            guard existing.path != "/" else { return URL(fileURLWithPath: path).standardizedFileURL.path }
            missing.append(existing.lastPathComponent)
            existing = existing.deletingLastPathComponent()
        }
    }
}
