import Foundation

/// Finds the code a mistyped id most likely means: the "did you mean" of `check`, and what tells a
/// typo of a code (`#agendadruk` as `#agendaruk`) from a hashtag that is just text (`#metoo`).
///
/// An id is close to a code when its folded form (case and diacritics ignored) is within a small
/// edit distance of the code's id or of the slug of its label. The search is bounded: the forms are
/// held in a trie that is walked with a Levenshtein band cut off at that distance, so only prefixes
/// that can still be close are looked at, whatever the size of the codebook; and every distinct id
/// is looked up once (the answers are cached). Safe to use from several threads at once.
public final class CodeSuggester: @unchecked Sendable {
    private let ids: [String]
    /// The folded forms (ids and label slugs) as a trie, in parallel arrays: a node's first child, its
    /// next sibling, the scalar on the edge into it, and the earliest code whose form ends there (or -1).
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var edge: [UInt32] = [0]
    private var code: [Int32] = [-1]
    private let lock = NSLock()
    private var cache: [String: Int?] = [:]

    /// - Complexity: O(total length of the codes' ids and labels).
    public init(codebook: Codebook) {
        ids = codebook.codes.map(\.id)
        for (position, code) in codebook.codes.enumerated() {
            insert(code.id.folded, code: position)
            insert(code.label.slug, code: position)
        }
    }

    /// The id of the code `id` is closest to, when it is close enough to be a typo of it; nil otherwise.
    ///
    /// - Complexity: O(k × m) for an id of m scalars, where k is the number of trie nodes within the
    ///   allowed distance of a prefix of it (independent of the codebook's size for ordinary ids);
    ///   O(1) for an id asked about before.
    public func suggestion(for id: String) -> String? {
        lock.lock()
        let cached = cache[id]
        lock.unlock()
        if let cached { return cached.map { ids[$0] } }
        let found = search(Array(id.folded.unicodeScalars.map(\.value)))
        lock.lock()
        cache[id] = found
        lock.unlock()
        return found.map { ids[$0] }
    }

    /// The largest edit distance still read as a typo of an id of `length` scalars: 2, but at most half
    /// the length, so that a short word is not taken for a short code it has little in common with.
    static func maximumDistance(forLength length: Int) -> Int {
        min(2, length / 2)
    }

    private func insert(_ form: String, code position: Int) {
        guard !form.isEmpty else { return }
        var node: Int32 = 0
        for scalar in form.unicodeScalars.map(\.value) {
            var child = firstChild[Int(node)]
            while child >= 0, edge[Int(child)] != scalar { child = nextSibling[Int(child)] }
            if child < 0 {
                child = Int32(edge.count)
                edge.append(scalar)
                firstChild.append(-1)
                code.append(-1)
                nextSibling.append(firstChild[Int(node)])
                firstChild[Int(node)] = child
            }
            node = child
        }
        if code[Int(node)] < 0 { code[Int(node)] = Int32(position) }
    }

    /// Walks the trie with the band of one Levenshtein row per node (the cells within the limit of the
    /// diagonal; the others exceed it anyway), leaving every branch whose band already exceeds the
    /// limit: the closest form, the earliest code on a tie.
    private func search(_ wanted: [UInt32]) -> Int? {
        let limit = Self.maximumDistance(forLength: wanted.count)
        let band = 2 * limit + 1, beyond = limit + 1
        // Cell k of the row at depth i is the distance of the node's form and wanted[..<(i - limit + k)].
        func root(_ k: Int) -> Int { let j = k - limit; return j < 0 || j > wanted.count ? beyond : min(j, beyond) }
        var rows = (0..<band).map(root)
        var best: (distance: Int, code: Int)? = nil
        var stack: [(node: Int32, depth: Int)] = []
        var child = firstChild[0]
        while child >= 0 { stack.append((child, 1)); child = nextSibling[Int(child)] }
        while let (node, depth) = stack.popLast() {
            // A form longer than the id by more than the limit cannot be close, nor can anything below it.
            guard depth <= wanted.count + limit else { continue }
            if rows.count < (depth + 1) * band { rows += [Int](repeating: beyond, count: band) }
            let above = (depth - 1) * band, row = depth * band
            let scalar = edge[Int(node)]
            var minimum = beyond
            for k in 0..<band {
                let j = depth - limit + k
                guard j >= 0, j <= wanted.count else { rows[row + k] = beyond; continue }
                guard j > 0 else { rows[row + k] = min(depth, beyond); minimum = min(minimum, rows[row + k]); continue }
                let diagonal = rows[above + k] + (wanted[j - 1] == scalar ? 0 : 1)
                let up = k + 1 < band ? rows[above + k + 1] + 1 : beyond
                let left = k > 0 ? rows[row + k - 1] + 1 : beyond
                let value = min(diagonal, up, left, beyond)
                rows[row + k] = value
                minimum = min(minimum, value)
            }
            let bound = best.map { min(limit, $0.distance) } ?? limit
            let last = wanted.count - depth + limit
            if code[Int(node)] >= 0, last >= 0, last < band, rows[row + last] <= bound {
                let distance = rows[row + last], position = Int(code[Int(node)])
                if best == nil || distance < best!.distance || position < best!.code { best = (distance, position) }
            }
            guard minimum <= bound else { continue }
            var next = firstChild[Int(node)]
            while next >= 0 { stack.append((next, depth + 1)); next = nextSibling[Int(next)] }
        }
        return best?.code
    }
}
