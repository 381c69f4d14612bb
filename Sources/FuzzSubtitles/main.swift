import Codeboom
import Foundation
import FuzzSupport

// The subtitle reader (.vtt and .srt, told apart by the WEBVTT header), then the transcript parser
// on its text with the cue times, as the document reader does.
FuzzHarness.run { bytes in
    guard let extracted = try? SubtitleReader().read(Data(bytes)) else { return }
    FuzzInvariants.check(extracted)
    let parsed = DocumentParser.parse(extracted.text, file: "Corpus/fuzz.vtt", defaultID: "fuzz",
                                      cueTimes: extracted.cueTimes.map { ($0.offset, $0.seconds) })
    FuzzInvariants.check(parsed)
}
