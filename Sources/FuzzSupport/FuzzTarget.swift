/// The readers `Scripts/fuzz.sh` fuzzes, each with the function libFuzzer calls on every input.
///
/// A `Fuzz…` executable (part of the package only for fuzzing: `CODEBOOM_FUZZ=1`, which the script sets)
/// hands one of these to `FuzzHarness`; `FuzzSeedReplayTests` runs every seed and every saved finding
/// through each in the ordinary test run, so a target that no longer runs, or a finding that comes back,
/// fails CI without fuzzing.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `CodebookParser` and the keyword rules, matched against the codebook's own text.
    case codebook
    /// `.txt`/`.md` bytes: `TextDecoder`, `DocumentParser`, speakers, auto-coding.
    case transcript
    /// `CSVTable` and the project's CSV tables; the first byte chooses which.
    case csv
    /// `ZipArchive`, `.docx` and `.odt`; the first byte chooses what the rest is.
    case archive
    /// `.vtt`/`.srt` through `SubtitleReader` and `DocumentParser`.
    case subtitles
    /// `REFIImport`: a `.qdpx`, a packed `project.qde` with its texts, or a `.qdc`; the first byte chooses.
    case refiImport = "import"

    /// Runs the target's readers on one input. A broken promise traps (`FuzzInvariants`), as a crash does.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .codebook: Self.codebook(bytes)
        case .transcript: Self.transcript(bytes)
        case .csv: Self.csv(bytes)
        case .archive: Self.archive(bytes)
        case .subtitles: Self.subtitles(bytes)
        case .refiImport: Self.refiImport(bytes)
        }
    }
}
