import Foundation

/// Recognises speaker lines (`Interviewer: …`, `V3: …`, `Vrijwilliger (V3): …`).
public enum SpeakerLabel {
    /// Labels that mark the person asking questions; compared folded.
    public static let interviewerLabels: Set<String> = ["i", "int", "interviewer", "gespreksleider", "onderzoeker",
                                                         "interviewster", "moderator"]

    /// Labels that transcribers use for the person interviewed; like the interviewer labels, they are
    /// speakers even when they occur once. Compared folded.
    public static let respondentLabels: Set<String> = ["r", "resp", "respondent"]

    /// The label and where the spoken text starts, when the line opens a turn.
    ///
    /// A label is 1–40 characters, starts with a letter or digit, holds letters, digits, spaces and
    /// `.-'()/&_`, at most four words, and is followed by a colon and a space or the end of the line.
    public static func parse<S: StringProtocol>(_ line: S) -> (label: String, textOffset: Int)? {
        // Most lines are not speaker lines: reject those without a colon near the start, byte-wise.
        guard Substring(line).containsByte(UInt8(ascii: ":"), within: 41 * 4) else { return nil }
        if let ascii = parseASCII(line.utf8) { return ascii.label.isEmpty ? nil : ascii }
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

    /// The same rule on a line's UTF-8 bytes, as the parser reads them: `textOffset` counts
    /// scalars, `textByteOffset` bytes. Only lines with a non-ASCII byte before the colon are made a string.
    static func parse(bytes line: UnsafeBufferPointer<UInt8>) -> (label: String, textOffset: Int, textByteOffset: Int)? {
        guard let base = line.baseAddress, memchr(base, 0x3A, Swift.min(line.count, 41 * 4)) != nil else { return nil }
        if let ascii = parseASCII(line) {
            return ascii.label.isEmpty ? nil : (ascii.label, ascii.textOffset, ascii.textOffset)
        }
        guard let parsed = parse(line.string) else { return nil }
        // The label may hold multi-byte scalars; the colon and the spaces after it are one byte each.
        let byteOffset = parsed.textOffset - parsed.label.unicodeScalars.count + parsed.label.utf8.count
        return (parsed.label, parsed.textOffset, byteOffset)
    }

    /// The same rule on bytes, for labels that are plain ASCII (almost all): nil when a non-ASCII
    /// byte comes before the colon (the scalar path decides), an empty label when the line is no speaker line.
    private static func parseASCII<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (label: String, textOffset: Int)? {
        let noSpeaker = (label: "", textOffset: 0)
        var count = 0
        var words = 1
        var previousWasSpace = false
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: ":") {
                guard count >= 1, !previousWasSpace else { return noSpeaker }
                var rest = bytes.index(after: index)
                guard rest == bytes.endIndex || bytes[rest] == 0x20 || bytes[rest] == 0x09 else { return noSpeaker }
                var spaces = 0
                while rest != bytes.endIndex, bytes[rest] == 0x20 || bytes[rest] == 0x09 { spaces += 1; bytes.formIndex(after: &rest) }
                return (String(decoding: bytes.prefix(count), as: UTF8.self), count + 1 + spaces)
            }
            count += 1
            if count > 40 { return noSpeaker }
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if count == 1 {
                guard isAlphanumeric else { return noSpeaker }
            } else if byte == 0x20 {
                if previousWasSpace { return noSpeaker }
                words += 1
                if words > 4 { return noSpeaker }
            } else if !(isAlphanumeric || ".-'()/&_".utf8.contains(byte)) {
                return noSpeaker
            }
            previousWasSpace = byte == 0x20
            bytes.formIndex(after: &index)
        }
        return noSpeaker
    }

    /// Whether the label is a respondent id as such: one word holding a digit (`V1`, `P12`, `S01`,
    /// `SPEAKER_00`, `G3P1`), or a conventional label. Such a label is cited as written.
    public static func isIdentifier(_ label: String) -> Bool {
        if isConventional(label) { return true }
        return !label.contains(" ") && label.unicodeScalars.contains { ("0"..."9").contains($0) }
    }

    /// Whether the label is a transcription tool's anonymous one: `Speaker 1`, `Spreker 2`, `Speaker A`,
    /// `S01`, `SPEAKER_00`, `Unknown Speaker`, which say nothing about who is the interviewer.
    public static func isGeneric(_ label: String) -> Bool {
        let folded = label.folded
        if ["unknown speaker", "onbekende spreker", "unbekannter sprecher"].contains(folded) { return true }
        let words = folded.split(separator: " ")
        if words.count == 2, ["speaker", "spreker", "sprecher", "persoon", "person", "participant", "deelnemer"].contains(String(words[0])),
           (1...3).contains(words[1].count), words[1].allSatisfy({ $0.isNumber || $0.isLetter }),
           words[1].allSatisfy(\.isNumber) || words[1].count == 1 {
            return true
        }
        if words.count == 1 {
            let word = words[0]
            if word.hasPrefix("speaker_"), word.dropFirst(8).allSatisfy(\.isNumber), word.count > 8 { return true }
            if word.first == "s", word.count >= 2, word.count <= 4, word.dropFirst().allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    /// Whether the label is an interviewer's (`I`, `Interviewer`, `Gespreksleider`, …), compared folded.
    public static func isInterviewer(_ label: String) -> Bool {
        interviewerLabels.contains(label.folded)
    }

    /// Whether the label is one transcribers use for a speaker by convention (`I`, `Interviewer`, `R`, `Respondent`, …).
    public static func isConventional(_ label: String) -> Bool {
        let folded = label.folded
        return interviewerLabels.contains(folded) || respondentLabels.contains(folded)
    }
}
