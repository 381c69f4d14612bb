/// Rolling captions (YouTube's automatic captions, broadcast roll-up): each cue shows the line of the
/// cue before it again above its new words, so a transcript that kept every cue would say everything twice.
///
/// The file is taken to roll when at least two cues, and at least half of all cues after the first,
/// open with the last line(s) of the cue before; then those repeated lines are read once. A file where
/// a line repeats now and then ("Ja." after "Ja.") does not roll, and keeps every line.
enum RollingCaptions {
    /// The most lines a cue may repeat: roll-up captions show two or three.
    static let longestRepeat = 4

    /// For each cue, how many of its first lines repeat the last lines of the cue with text before it;
    /// all zero when the cues do not roll.
    ///
    /// - Complexity: O(*n*) in the number of lines.
    static func repeatedLineCounts<Line: Equatable>(_ cues: [[Line]]) -> [Int] {
        var counts = [Int](repeating: 0, count: cues.count)
        var previous: [Line]? = nil
        var transitions = 0, repeats = 0
        for (index, cue) in cues.enumerated() where !cue.isEmpty {
            if let previous {
                transitions += 1
                let longest = min(cue.count, previous.count, longestRepeat)
                if let count = stride(from: longest, through: 1, by: -1).first(where: { cue.prefix($0).elementsEqual(previous.suffix($0)) }) {
                    counts[index] = count
                    repeats += 1
                }
            }
            previous = cue
        }
        guard repeats >= 2, repeats * 2 >= transitions else { return [Int](repeating: 0, count: cues.count) }
        return counts
    }
}
