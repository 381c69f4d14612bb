/// When a subtitle turn starts, so coded segments can be traced back to the recording.
public struct CueTime: Sendable, Equatable {
    /// Where the turn's line starts in ``ExtractedText/text``, in Unicode scalars.
    public var offset: Int
    /// The start time of the turn's first cue, in seconds from the start of the recording.
    public var seconds: Double

    /// Creates a cue time.
    public init(offset: Int, seconds: Double) {
        self.offset = offset
        self.seconds = seconds
    }
}
