import Codeboom
import Foundation

extension FuzzTarget {
    /// The subtitle reader (.vtt and .srt, told apart by the WEBVTT header): first on its own, checking the
    /// cue times it returns, then from the file as `check` reads it, through decoding and the transcript parser.
    static func subtitles(_ bytes: [UInt8]) {
        if let extracted = try? SubtitleReader(file: "Corpus/fuzz.vtt").read(Data(bytes)) {
            FuzzInvariants.check(extracted)
        }
        guard let parsed = FuzzHarness.readDocument(bytes, named: "fuzz.vtt") else { return }
        FuzzInvariants.check(parsed)
    }
}
