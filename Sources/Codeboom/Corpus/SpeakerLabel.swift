/// Recognises speaker lines (`Interviewer: …`, `V3: …`, `Vrijwilliger (V3): …`).
public enum SpeakerLabel {
    /// Labels that mark the person asking questions; compared folded.
    public static let interviewerLabels: Set<String> = ["i", "int", "interviewer", "gespreksleider", "onderzoeker",
                                                         "interviewster", "moderator"]

    /// The label and where the spoken text starts, when the line opens a turn.
    ///
    /// A label is 1–40 characters, starts with a letter or digit, holds letters, digits, spaces and
    /// `.-'()/&_`, at most four words, and is followed by a colon and a space or the end of the line.
    public static func parse<S: StringProtocol>(_ line: S) -> (label: String, textOffset: Int)? {
        // Most lines are not speaker lines: reject those without a colon near the start, byte-wise.
        guard Substring(line).containsByte(UInt8(ascii: ":"), within: 41 * 4) else { return nil }
        var count = 0
        var words = 1
        var previousWasSpace = false
        for scalar in line.unicodeScalars {
            if scalar == ":" {
                guard count >= 1, !previousWasSpace else { return nil }
                let rest = line.unicodeScalars.dropFirst(count + 1)
                guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
                let label = String(String.UnicodeScalarView(line.unicodeScalars.prefix(count)))
                let spaces = rest.prefix(while: { $0 == " " || $0 == "\t" }).count
                return (label, count + 1 + spaces)
            }
            count += 1
            if count > 40 { return nil }
            let properties = scalar.properties
            if count == 1 {
                guard properties.isAlphabetic || properties.numericType != nil else { return nil }
            } else if scalar == " " {
                if previousWasSpace { return nil }
                words += 1
                if words > 4 { return nil }
            } else if !(properties.isAlphabetic || properties.numericType != nil || ".-'()/&_".unicodeScalars.contains(scalar)) {
                return nil
            }
            previousWasSpace = scalar == " "
        }
        return nil
    }

    public static func isInterviewer(_ label: String) -> Bool {
        interviewerLabels.contains(label.folded)
    }
}
