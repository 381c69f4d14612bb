/// Reads subtitle timestamps: `hh:mm:ss.ttt` and `mm:ss.ttt` (WebVTT, where hours may have any number
/// of digits) and `hh:mm:ss,ttt` (SubRip). As SubRip files in the wild do, minutes and seconds may
/// have one digit and the fraction one to three.
enum SubtitleTimestamp {
    /// Seconds from the start, or nil when the whole text is not a timestamp.
    static func seconds(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        guard let (seconds, end) = scan(scalars, from: 0), end == scalars.count else { return nil }
        return seconds
    }

    /// Collects a timestamp starting at `start`, as WebVTT's "collect a WebVTT timestamp" does:
    /// the seconds and where the text after it begins, or nil when none starts there.
    static func scan(_ scalars: [Unicode.Scalar], from start: Int) -> (seconds: Double, end: Int)? {
        var index = start
        func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var value = 0, digits = 0
            while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                digits += 1
                guard digits <= maxDigits else { return nil }
                value = value * 10 + Int(scalars[index].value - 0x30)
                index += 1
            }
            return digits == 0 ? nil : (value, digits)
        }
        guard let first = number(maxDigits: 9), index < scalars.count, scalars[index] == ":" else { return nil }
        index += 1
        guard let second = number(maxDigits: 2) else { return nil }
        var hours = 0, minutes = first.value, seconds = second.value
        if index < scalars.count, scalars[index] == ":" {
            index += 1
            guard let third = number(maxDigits: 2) else { return nil }
            (hours, minutes, seconds) = (first.value, second.value, third.value)
        } else if first.digits > 2 {
            return nil // more than two digits can only be hours, and then minutes and seconds follow
        }
        guard index < scalars.count, scalars[index] == "." || scalars[index] == "," else { return nil }
        index += 1
        guard let fraction = number(maxDigits: 3), minutes < 60, seconds < 60 else { return nil }
        let fractionValue = Double(fraction.value) / [1.0, 10, 100, 1000][fraction.digits]
        return (Double(hours * 3600 + minutes * 60 + seconds) + fractionValue, index)
    }
}
