/// Wraps a label into lines for a chart without cutting it: lines break between words at about `width`
/// characters; a word longer than that stands on a line of its own, whole. Without font metrics, a
/// character counts as its estimated width (``estimatedWidth(_:size:)``), so a chart reserves room for it.
enum LabelWrapper {
    static func lines(_ label: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in label.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// An upper estimate of the width of `text` in pixels at font size `size`: wide letters count more.
    static func estimatedWidth(_ text: String, size: Int = 12, bold: Bool = false) -> Double {
        var units = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "I", "'", ".", ",", ":", ";", "!", "|", " ", "(", ")", "f", "t", "r": units += 0.35
            case "m", "w", "M", "W", "%", "@", "—": units += 0.9
            default: units += character.isUppercase ? 0.7 : 0.57
            }
        }
        return units * Double(size) * (bold ? 1.08 : 1)
    }
}
