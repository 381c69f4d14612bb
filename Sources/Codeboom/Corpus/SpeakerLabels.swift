/// The speaker labels of a document's body, found once per line.
///
/// A label of several words that occurs only once ("Achteraf denk ik: …") is far more often a
/// sentence than a speaker, so it is read as text and `check` says so.
struct SpeakerLabels {
    /// A body line that opens with a label: the label's number and where the spoken text starts.
    struct Turn {
        var label: Int
        var textOffset: Int
        var textByteOffset: Int
    }

    /// Per body line, its turn, or nil when it has no label.
    private(set) var turns: [Turn?] = []
    /// Distinct labels in order of first use; a turn refers to them by number.
    private var labels: [String] = []
    private var accepted: [Bool] = []
    /// Up to this many distinct labels are looked up in `labels` itself; beyond it, in a dictionary.
    private static let listedLabels = 16

    /// - Complexity: O(n) in the length of the body; a labelled line costs a search of a short list, or one hash.
    init(_ body: ArraySlice<LineTable.Line>, bytes: UnsafeBufferPointer<UInt8>, file: String, diagnostics: inout [Diagnostic]) {
        var numbers: [String: Int] = [:]
        var counts: [Int] = []
        var firstLines: [Int] = []
        turns.reserveCapacity(body.count)
        for line in body {
            guard let parsed = SpeakerLabel.parse(bytes: bytes.bytes(of: line)) else {
                turns.append(nil)
                continue
            }
            let number: Int
            // A transcript has a handful of speakers: a short list is searched faster than hashed.
            if let known = labels.count <= Self.listedLabels ? labels.firstIndex(of: parsed.label) : numbers[parsed.label] {
                number = known
                counts[known] += 1
            } else {
                number = labels.count
                labels.append(parsed.label)
                if labels.count > Self.listedLabels {
                    if numbers.isEmpty { for (index, label) in labels.enumerated() { numbers[label] = index } }
                    numbers[parsed.label] = number
                }
                counts.append(1)
                firstLines.append(line.number)
            }
            turns.append(Turn(label: number, textOffset: parsed.textOffset, textByteOffset: parsed.textByteOffset))
        }
        for (number, label) in labels.enumerated() {
            let isSentence = counts[number] == 1 && label.contains(" ") && !label.contains("(")
            accepted.append(!isSentence)
            if isSentence {
                diagnostics.append(.warning(SourceLocation(file: file, line: firstLines[number], column: 1),
                                            "\"\(label):\" is read as text, not as a speaker (a label of several words used once)",
                                            advice: "if it is a speaker, write the label as one word, e.g. with its respondent id"))
            }
        }
    }

    func isAccepted(_ number: Int) -> Bool { accepted[number] }

    func label(_ number: Int) -> String { labels[number] }
}
