/// One line of a cue's text as it is shown: the words, and the voice that speaks them, if the cue says.
struct CueTextLine: Equatable, Sendable {
    /// Which line of the cue's text (from 0) the shown line starts on, to point at it in the file.
    var lineOffset: Int
    /// The WebVTT voice (`<v Anouk>`) of the line's first words; nil without one.
    var voice: String?
    /// The shown text, markup removed and character references decoded; white space as in the file.
    var text: String
}
