/// The speaker labels of a document's body, found once per line, and which of them start turns.
///
/// A document is in turn mode only when a label recurs (is on two or more lines) or is declared: a
/// conventional label (`I`, `Interviewer`, `R`, …), a label `respondenten.csv` lists for the
/// document, the front matter's `respondent` or one of its `sprekers`, or one its reader settled.
/// Otherwise every label is text: one "Source:" paragraph in a long document does not make the rest
/// of it one turn, and `check` notes it. In turn mode a label used once starts a turn too (a speaker
/// who says one thing), except an undeclared one of several words ("Achteraf denk ik: …"), which is
/// far more often a sentence: text, with a warning.
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

    /// `isDeclared` is asked once per distinct label. With `onlyDeclared` (a reader settled the labels),
    /// the declared labels are the speakers and the others text, without a note of the parser's own.
    /// - Complexity: O(n) in the length of the body; a labelled line costs a search of a short list, or one hash.
    init(_ body: ArraySlice<LineTable.Line>, bytes: UnsafeBufferPointer<UInt8>, file: String,
         isDeclared: (String) -> Bool = SpeakerLabel.isConventional, onlyDeclared: Bool = false, diagnostics: inout [Diagnostic]) {
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
        if onlyDeclared {
            accepted = labels.map(isDeclared)
            return
        }
        let established = labels.indices.map { counts[$0] >= 2 || isDeclared(labels[$0]) }
        guard established.contains(true) else {
            accepted = Array(repeating: false, count: labels.count)
            if let first = labels.first {
                diagnostics.append(CorpusError.oneOffLabelReadAsText(SourceLocation(file: file, line: firstLines[0], column: 1),
                                                                     label: first, others: labels.count - 1))
            }
            return
        }
        for (number, label) in labels.enumerated() {
            let isSentence = !established[number] && label.contains(" ") && !label.contains("(")
            accepted.append(!isSentence)
            if isSentence {
                diagnostics.append(CorpusError.sentenceLabelReadAsText(SourceLocation(file: file, line: firstLines[number], column: 1), label: label))
            }
        }
    }

    /// The turns a transcription tool's layout settled (``TranscriptLayout``), by 1-based line number:
    /// each is a speaker, however often it is used and however many words it has.
    init(_ body: ArraySlice<LineTable.Line>, layoutTurns: [Int: TranscriptLayout.Turn]) {
        var numbers: [String: Int] = [:]
        turns.reserveCapacity(body.count)
        for line in body {
            guard let turn = layoutTurns[line.number] else {
                turns.append(nil)
                continue
            }
            let number: Int
            if let known = numbers[turn.label] {
                number = known
            } else {
                number = labels.count
                numbers[turn.label] = number
                labels.append(turn.label)
                accepted.append(true)
            }
            turns.append(Turn(label: number, textOffset: turn.textOffset, textByteOffset: turn.textByteOffset))
        }
    }

    func isAccepted(_ number: Int) -> Bool { accepted[number] }

    func label(_ number: Int) -> String { labels[number] }
}
