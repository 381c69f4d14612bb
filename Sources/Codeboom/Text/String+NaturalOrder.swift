extension String {
    /// Orders ids the way people number them: V2 before V10, interview-9 before interview-10.
    ///
    /// Runs of digits compare as numbers (leading zeros aside), everything else by Unicode scalar;
    /// read on the UTF-8 bytes, whose order is the scalars' order, without making a string.
    public func precedesNaturally(_ other: String) -> Bool {
        var left = self, right = other
        return left.withUTF8 { a in right.withUTF8 { b in Self.precedesNaturally(a, b) } }
    }

    private static func precedesNaturally(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let x = a[i], y = b[j]
            if isDigit(x) && isDigit(y) {
                var endA = i, endB = j
                while endA < a.count, isDigit(a[endA]) { endA += 1 }
                while endB < b.count, isDigit(b[endB]) { endB += 1 }
                while i < endA, a[i] == 0x30 { i += 1 }
                while j < endB, b[j] == 0x30 { j += 1 }
                if endA - i != endB - j { return endA - i < endB - j }
                while i < endA {
                    if a[i] != b[j] { return a[i] < b[j] }
                    i += 1
                    j += 1
                }
                i = endA
                j = endB
                continue
            }
            if x != y { return x < y }
            i += 1
            j += 1
        }
        return i == a.count && j < b.count
    }
}
