import Foundation

/// Finds the code a mistyped id most likely means: the "did you mean" of `check`, and what tells a
/// typo of a code (`#agendadruk` as `#agendaruk`) from a hashtag that is just text (`#metoo`).
///
/// An id is close to a code when its folded form (case and diacritics ignored) is within a small
/// edit distance of the code's id or of the slug of its label. The search is bounded: the forms are
/// held in a trie that is walked with a Levenshtein band cut off at that distance, so only prefixes
/// that can still be close are looked at, not every code; and every distinct id is looked up once
/// (the answers are cached). Safe to use from several threads at once.
public final class CodeSuggester: @unchecked Sendable {
    /// One node of the trie of folded forms (ids and label slugs): its first child, its next sibling,
    /// the scalar on the edge into it, and the earliest code whose form ends there (or -1).
    private struct Node {
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        var edge: UInt32 = 0
        var code: Int32 = -1
    }

    private let codebook: Codebook
    private let lock = NSLock()
    /// Built at the first question: most projects have no unknown id at all.
    private var builtTrie: (nodes: [Node], longestForm: Int)?
    private var cache: [String: Int?] = [:]

    /// A suggester for the ids and labels of `codebook`; the search structure is built on the first question.
    public init(codebook: Codebook) {
        self.codebook = codebook
    }

    /// The id of the code `id` is closest to, when it is close enough to be a typo of it; nil otherwise.
    ///
    /// - Complexity: O(k) for the k trie nodes whose form is within the allowed distance of a prefix
    ///   of `id`: a few hundred in an ordinary codebook, more where thousands of ids differ in a
    ///   character or two (`categorie-1` … `categorie-50000`); O(1) for an id asked about before.
    ///   The first question also builds the trie, O(total length of the ids and labels).
    public func suggestion(for id: String) -> String? {
        lock.lock()
        let cached = cache[id]
        if builtTrie == nil, cached == nil { builtTrie = Self.trie(of: codebook) }
        let trie = builtTrie
        lock.unlock()
        if let cached { return cached.map { codebook.codes[$0].id } }
        // Built above whenever the answer was not cached.
        guard let trie else { return nil }
        let found = Self.search(Array(id.folded.unicodeScalars.map(\.value)), in: trie.nodes, longestForm: trie.longestForm)
        lock.lock()
        cache[id] = found
        lock.unlock()
        return found.map { codebook.codes[$0].id }
    }

    /// The largest edit distance still read as a typo of an id of `length` scalars: 2, but at most half
    /// the length, so that a short word is not taken for a short code it has little in common with.
    static func maximumDistance(forLength length: Int) -> Int {
        min(2, length / 2)
    }

    /// The trie; node 0 is the root.
    private static func trie(of codebook: Codebook) -> (nodes: [Node], longestForm: Int) {
        var nodes = [Node()]
        var longestForm = 0
        // Children found by hashing while building: a node may have thousands (ids in any script).
        var childByEdge: [UInt64: Int32] = [:]
        func insert(_ form: [UInt32], code position: Int) {
            guard !form.isEmpty else { return }
            var node: Int32 = 0
            var length = 0
            for scalar in form {
                length += 1
                let key = UInt64(UInt32(node)) << 32 | UInt64(scalar)
                if let child = childByEdge[key] {
                    node = child
                    continue
                }
                let child = Int32(nodes.count)
                nodes.append(Node(firstChild: -1, nextSibling: nodes[Int(node)].firstChild, edge: scalar, code: -1))
                nodes[Int(node)].firstChild = child
                childByEdge[key] = child
                node = child
            }
            if nodes[Int(node)].code < 0 { nodes[Int(node)].code = Int32(position) }
            longestForm = max(longestForm, length)
        }
        for (position, code) in codebook.codes.enumerated() {
            let id = code.id.folded.unicodeScalars.map(\.value)
            let label = slug(of: code.label)
            insert(id, code: position)
            // Without `{#id}` the id is the label's slug already.
            if label != id { insert(label, code: position) }
        }
        return (nodes, longestForm)
    }

    /// `String.slug` of a label, straight from its bytes when it is ASCII (nearly always): a codebook of
    /// 50,000 codes is made into a trie at the first unknown id, and the general path costs most of that.
    private static func slug(of label: String) -> [UInt32] {
        guard label.utf8.allSatisfy({ $0 < 0x80 }) else { return label.slug.unicodeScalars.map(\.value) }
        var result: [UInt32] = []
        result.reserveCapacity(label.utf8.count)
        var pendingDash = false
        for byte in label.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash && !result.isEmpty { result.append(0x2D) }
                pendingDash = false
                result.append(UInt32(lower))
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// Walks the trie with the band of one Levenshtein row per node (the cells within the limit of the
    /// diagonal; the others exceed it anyway), leaving every branch whose band already exceeds the
    /// limit: the closest form, the earliest code on a tie.
    private static func search(_ wanted: [UInt32], in trie: [Node], longestForm: Int) -> Int? {
        let limit = maximumDistance(forLength: wanted.count)
        // An id longer than every form by more than the limit is close to none.
        guard wanted.count - limit <= longestForm else { return nil }
        let band = 2 * limit + 1, beyond = limit + 1
        // A path deeper than the id's length plus the limit cannot be close: rows for that many depths suffice.
        let depths = min(wanted.count + limit, longestForm) + 1
        // Cell k of the row at depth i is the distance of the node's form and wanted[..<(i - limit + k)].
        var rows = [Int](repeating: beyond, count: (depths + 1) * band)
        for k in 0..<band where k - limit >= 0 && k - limit <= wanted.count { rows[k] = min(k - limit, beyond) }
        var best: (distance: Int, code: Int)? = nil
        var stack: [(node: Int32, depth: Int)] = []
        // Unchecked buffers: this loop is the whole cost of a suggestion.
        trie.withUnsafeBufferPointer { nodes in
            wanted.withUnsafeBufferPointer { wanted in
                rows.withUnsafeMutableBufferPointer { rows in
                    // Children go on the stack with the one that follows the id's own next scalar on top: the
                    // closest forms are met first, and the bound they set prunes the rest of the walk.
                    func push(childrenOf parent: Int32, depth: Int) {
                        let following = depth - 1 < wanted.count ? wanted[depth - 1] : nil
                        var matching: Int32 = -1
                        var child = nodes[Int(parent)].firstChild
                        while child >= 0 {
                            if nodes[Int(child)].edge == following { matching = child } else { stack.append((child, depth)) }
                            child = nodes[Int(child)].nextSibling
                        }
                        if matching >= 0 { stack.append((matching, depth)) }
                    }
                    push(childrenOf: 0, depth: 1)
                    while let (position, depth) = stack.popLast() {
                        guard depth < depths else { continue }
                        let node = nodes[Int(position)]
                        let above = (depth - 1) * band, row = depth * band
                        var minimum = beyond
                        for k in 0..<band {
                            let j = depth - limit + k
                            let value: Int
                            if j < 0 || j > wanted.count {
                                value = beyond
                            } else if j == 0 {
                                value = min(depth, beyond)
                            } else {
                                let diagonal = rows[above + k] + (wanted[j - 1] == node.edge ? 0 : 1)
                                let up = k + 1 < band ? rows[above + k + 1] + 1 : beyond
                                let left = k > 0 ? rows[row + k - 1] + 1 : beyond
                                value = min(diagonal, up, left, beyond)
                            }
                            rows[row + k] = value
                            minimum = min(minimum, value)
                        }
                        let bound = best.map { min(limit, $0.distance) } ?? limit
                        let last = wanted.count - depth + limit
                        if node.code >= 0, last >= 0, last < band, rows[row + last] <= bound {
                            let distance = rows[row + last], code = Int(node.code)
                            if best.map({ distance < $0.distance || code < $0.code }) ?? true { best = (distance, code) }
                        }
                        // An exact form cannot be beaten.
                        if best?.distance == 0 { break }
                        guard minimum <= (best.map { min(limit, $0.distance) } ?? limit) else { continue }
                        push(childrenOf: position, depth: depth + 1)
                    }
                }
            }
        }
        return best?.code
    }
}
