import Foundation

/// The "did you mean" of Codeboom, one rule for every name a person can mistype: a code id in a tag,
/// a coder or document named on the command line, a perspective, a front-matter key. A written name
/// is close to a known one when their folded forms (case and diacritics ignored) are within
/// ``maximumDistance(forLength:)`` edits.
///
/// The known forms are held in a trie that is walked with a Levenshtein band cut off at that
/// distance, so only prefixes that can still be close are looked at; every distinct name is looked
/// up once (the answers are cached). Safe to use from several threads at once.
public final class NameSuggester: @unchecked Sendable {
    /// One node of the trie of folded forms (ids and label slugs): its first child, its next sibling,
    /// the scalar on the edge into it, and the earliest candidate whose form ends there (or -1).
    private struct Node {
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        var edge: UInt32 = 0
        var candidate: Int32 = -1
    }

    /// The folded forms of each candidate, by position; asked for at the first question.
    private let forms: @Sendable () -> [[[UInt32]]]
    private let lock = NSLock()
    /// Built at the first question: most projects have no unknown name at all.
    private var builtTrie: (nodes: [Node], longestForm: Int)?
    private var cache: [String: Int?] = [:]

    /// A suggester over `names`, each compared folded; ``suggestion(for:)`` answers with one of them.
    public convenience init(names: [String]) {
        self.init(forms: { names.map { [$0.folded.unicodeScalars.map(\.value)] } })
    }

    /// A suggester over candidates with one or more folded forms each (a code's id and its label's slug),
    /// given by `forms` when the first question comes.
    init(forms: @escaping @Sendable () -> [[[UInt32]]]) {
        self.forms = forms
    }

    /// The candidate `names` holds that `value` is closest to, when it is close enough to be a typo of it.
    public static func suggestion(for value: String, among names: [String]) -> String? {
        NameSuggester(names: names).position(for: value).map { names[$0] }
    }

    /// The position of the candidate `value` is closest to, the earliest on a tie; nil when none is close.
    ///
    /// - Complexity: O(k) for the k trie nodes whose form is within the allowed distance of a prefix
    ///   of `value`: a few hundred in an ordinary list, more where thousands of names differ in a
    ///   character or two (`categorie-1` … `categorie-50000`); O(1) for a value asked about before.
    ///   The first question also builds the trie, O(total length of the forms).
    public func position(for value: String) -> Int? {
        lock.lock()
        let cached = cache[value]
        if builtTrie == nil, cached == nil { builtTrie = Self.trie(of: forms()) }
        let trie = builtTrie
        lock.unlock()
        if let cached { return cached }
        // Built above whenever the answer was not cached.
        guard let trie else { return nil }
        let found = Self.search(Array(value.folded.unicodeScalars.map(\.value)), in: trie.nodes, longestForm: trie.longestForm)
        lock.lock()
        cache[value] = found
        lock.unlock()
        return found
    }

    /// The position of the candidate other than `excluded` that `value` is closest to (the nearest
    /// neighbour of a candidate among the others); not cached.
    public func position(for value: String, excluding excluded: Int) -> Int? {
        lock.lock()
        if builtTrie == nil { builtTrie = Self.trie(of: forms()) }
        let trie = builtTrie!
        lock.unlock()
        return Self.search(Array(value.folded.unicodeScalars.map(\.value)), in: trie.nodes, longestForm: trie.longestForm, excluding: excluded)
    }

    /// The largest edit distance still read as a typo of a name of `length` scalars: 2, but at most half
    /// the length, so that a short word is not taken for a short name it has little in common with.
    public static func maximumDistance(forLength length: Int) -> Int {
        min(2, length / 2)
    }

    /// The trie; node 0 is the root.
    private static func trie(of candidates: [[[UInt32]]]) -> (nodes: [Node], longestForm: Int) {
        var nodes = [Node()]
        var longestForm = 0
        // Children found by hashing while building: a node may have thousands (names in any script).
        var childByEdge: [UInt64: Int32] = [:]
        for (position, forms) in candidates.enumerated() {
            for form in forms where !form.isEmpty {
                var node: Int32 = 0
                for scalar in form {
                    let key = UInt64(UInt32(node)) << 32 | UInt64(scalar)
                    if let child = childByEdge[key] {
                        node = child
                        continue
                    }
                    let child = Int32(nodes.count)
                    nodes.append(Node(firstChild: -1, nextSibling: nodes[Int(node)].firstChild, edge: scalar, candidate: -1))
                    nodes[Int(node)].firstChild = child
                    childByEdge[key] = child
                    node = child
                }
                if nodes[Int(node)].candidate < 0 { nodes[Int(node)].candidate = Int32(position) }
                longestForm = max(longestForm, form.count)
            }
        }
        return (nodes, longestForm)
    }

    /// Walks the trie with the band of one Levenshtein row per node (the cells within the limit of the
    /// diagonal; the others exceed it anyway), leaving every branch whose band already exceeds the
    /// limit: the closest form, the earliest candidate on a tie.
    private static func search(_ wanted: [UInt32], in trie: [Node], longestForm: Int, excluding excluded: Int = -1) -> Int? {
        let limit = maximumDistance(forLength: wanted.count)
        // An id longer than every form by more than the limit is close to none.
        guard wanted.count - limit <= longestForm else { return nil }
        let band = 2 * limit + 1, beyond = limit + 1
        // A path deeper than the id's length plus the limit cannot be close: rows for that many depths suffice.
        let depths = min(wanted.count + limit, longestForm) + 1
        // Cell k of the row at depth i is the distance of the node's form and wanted[..<(i - limit + k)].
        var rows = [Int](repeating: beyond, count: (depths + 1) * band)
        for k in 0..<band where k - limit >= 0 && k - limit <= wanted.count { rows[k] = min(k - limit, beyond) }
        var best: (distance: Int, candidate: Int)? = nil
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
                        if node.candidate >= 0, Int(node.candidate) != excluded, last >= 0, last < band, rows[row + last] <= bound {
                            let distance = rows[row + last], candidate = Int(node.candidate)
                            if best.map({ distance < $0.distance || candidate < $0.candidate }) ?? true { best = (distance, candidate) }
                        }
                        // An exact form cannot be beaten.
                        if best?.distance == 0 { break }
                        guard minimum <= (best.map { min(limit, $0.distance) } ?? limit) else { continue }
                        push(childrenOf: position, depth: depth + 1)
                    }
                }
            }
        }
        return best?.candidate
    }
}
