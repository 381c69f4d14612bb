import Foundation

/// A source's text in the form Codeboom reads it (LF line endings, NFC, no byte-order mark), with the map
/// from the other tool's positions — code points of the text as it wrote it — to code points of this text.
///
/// `\r\n` becomes `\n` and a decomposed `é` (`e` + U+0301) becomes one code point, so positions after them
/// move. Both happen inside one grapheme cluster, so the text is normalised cluster by cluster and only
/// clusters that change are remembered: a position in an unchanged stretch moves by the same amount as
/// the stretch, and one inside a changed cluster goes to the cluster's start (a selection's start) or end
/// (a selection's end), so a selection never loses a character it held.
struct REFIImportText: Sendable {
    /// The normalised text.
    let text: String
    /// Its length in code points.
    let scalarCount: Int
    /// The original length in code points, without a byte-order mark.
    let originalScalarCount: Int
    /// The clusters that normalising changed, in order: where they start and how long they are, before and after.
    private let changes: [Change]

    private struct Change: Sendable {
        var originalStart: Int
        var originalCount: Int
        var start: Int
        var count: Int
    }

    /// Normalises `original`; a leading byte-order mark is dropped and not counted.
    ///
    /// - Complexity: O(n); text of ASCII without `\r` (and any text below U+0300 without `\r`) is taken as it is.
    init(_ original: String) {
        var original = original
        if original.unicodeScalars.first == "\u{FEFF}" { original = String(original.unicodeScalars.dropFirst()) }
        let (hasCarriageReturn, mayNeedNFC, scalars) = original.withUTF8 { bytes -> (Bool, Bool, Int) in
            var highest: UInt8 = 0
            var carriageReturn = false
            var scalars = 0
            for byte in bytes {
                highest = max(highest, byte)
                if byte == 13 { carriageReturn = true }
                if byte & 0xC0 != 0x80 { scalars += 1 }
            }
            return (carriageReturn, highest >= 0xCC, scalars)
        }
        originalScalarCount = scalars
        guard hasCarriageReturn || mayNeedNFC else {
            text = original
            scalarCount = scalars
            changes = []
            return
        }
        var result = ""
        result.reserveCapacity(original.utf8.count)
        var changes: [Change] = []
        var originalPosition = 0
        var position = 0
        for cluster in original {
            let scalarsOfCluster = cluster.unicodeScalars
            let originalCount = scalarsOfCluster.count
            let needsWork = scalarsOfCluster.contains { $0 == "\r" || $0.value >= 0x300 }
            if needsWork {
                let normalised = TextDecoder.normalise(String(cluster))
                let count = normalised.unicodeScalars.count
                if normalised.unicodeScalars.elementsEqual(scalarsOfCluster) {
                    result.append(cluster)
                } else {
                    changes.append(Change(originalStart: originalPosition, originalCount: originalCount, start: position, count: count))
                    result += normalised
                }
                position += count
            } else {
                result.append(cluster)
                position += originalCount
            }
            originalPosition += originalCount
        }
        // Normalising cluster by cluster is normalising the whole; should the two ever differ, the whole wins
        // and positions are mapped as well as the clusters allow.
        let whole = TextDecoder.normalise(result)
        text = whole
        scalarCount = whole == result ? position : whole.unicodeScalars.count
        self.changes = changes
    }

    /// Where an original position lands; `isEnd` rounds a position inside a changed cluster up, else down.
    /// Nil for a position outside the original text.
    func position(of original: Int, isEnd: Bool) -> Int? {
        guard original >= 0, original <= originalScalarCount else { return nil }
        // The last change that starts at or before the position.
        var low = 0
        var high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle].originalStart <= original { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return min(original, scalarCount) }
        let change = changes[low - 1]
        let offsetInChange = original - change.originalStart
        if offsetInChange == 0 { return change.start }
        if offsetInChange < change.originalCount { return isEnd ? change.start + change.count : change.start }
        return min(change.start + change.count + (original - change.originalStart - change.originalCount), scalarCount)
    }
}
