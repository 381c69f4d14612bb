extension String {
    /// Orders ids the way people number them: V2 before V10, interview-9 before interview-10.
    public func precedesNaturally(_ other: String) -> Bool {
        var left = unicodeScalars.makeIterator(), right = other.unicodeScalars.makeIterator()
        var a = left.next(), b = right.next()
        while let x = a, let y = b {
            if x.properties.numericType != nil && ("0"..."9").contains(x) && ("0"..."9").contains(y) {
                var first = "", second = ""
                while let digit = a, ("0"..."9").contains(digit) { first.unicodeScalars.append(digit); a = left.next() }
                while let digit = b, ("0"..."9").contains(digit) { second.unicodeScalars.append(digit); b = right.next() }
                let trimmedFirst = first.drop { $0 == "0" }, trimmedSecond = second.drop { $0 == "0" }
                if trimmedFirst.count != trimmedSecond.count { return trimmedFirst.count < trimmedSecond.count }
                if trimmedFirst != trimmedSecond { return trimmedFirst < trimmedSecond }
                continue
            }
            if x != y { return x.value < y.value }
            a = left.next(); b = right.next()
        }
        return a == nil && b != nil
    }
}
