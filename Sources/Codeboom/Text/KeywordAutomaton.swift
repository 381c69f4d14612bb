/// The Aho–Corasick automaton behind `KeywordMatcher`, built once so a scan costs one table
/// lookup per folded byte whatever the number of terms.
///
/// Folded symbols are first mapped to *classes*: every byte that occurs in a term gets its own
/// class, all other word bytes share one, all other separators another, and the space has its
/// own. This keeps the dense transition table a few dozen columns wide instead of 256.
///
/// Word boundaries are part of the automaton, so hits that fail a boundary cost nothing. Think
/// of the folded text as carrying two invisible symbols: `B` before every word and `E` after it.
/// `zorg` becomes the pattern `B z o r g E`, `zorg*` is `B z o r g`, `*zorg` is `z o r g E`, and
/// `"eerste lijn"` is `B e e r s t e E ␣ B l i j n E`. The automaton is built over classes plus
/// `B` and `E`, then folded back to real classes: a state knows whether the last symbol was part
/// of a word (the root is split in two for this), so the transition on a letter after a
/// separator already includes the step over `B`, and the one on a separator after a letter the
/// step over `E`. Terms that end in `E` are reported one symbol late, from a copy of the target
/// state that carries them. The scan calls `flush` at the end of the text for a final `E`.
///
/// A space after a space folds away: a state reached by a space stays put on another space, so
/// the scan needs no special case for runs of white space.
///
/// States that report terms are numbered last, so "does this state report anything?" is one
/// comparison of the row offset.
///
/// The tables grow with the number of states times the number of classes, so building stops
/// with `TooLarge` as soon as they would pass a given size, before that memory is taken.
struct KeywordAutomaton: Sendable {
    /// The tables would need more than the allowed bytes.
    struct TooLarge: Error, Equatable {
        /// The first term (index into the terms) whose states pass the limit.
        var termIndex: Int
    }

    /// The largest tables any automaton may have: row offsets are `Int32` byte offsets.
    static let representableBytes = 1 << 30

    /// The class of word bytes that occur in no term.
    static let otherWordClass = 0
    /// The class of separators that occur in no term; also used to flush the end of a text.
    static let otherSeparatorClass = 1
    /// The class of the space symbol.
    static let spaceClass = 2

    /// The number of symbol classes. A transition row has one more entry: the state's output slot.
    let classCount: Int
    /// Rows (byte offsets) at or above this belong to states that report terms.
    let firstOutputRow: Int
    /// The row of the root after a letter or digit.
    let rootAfterWordRow: Int
    /// The longest term, in folded symbols; 0 when no term can match.
    let longestPattern: Int
    /// The most terms one state reports: how many hits one symbol can bring at most.
    let mostOutputs: Int
    /// All tables in one buffer, so a scan takes one pointer and touches no reference counts.
    private let storage: [Int32]
    private let layout: Layout

    /// Where each table starts in `storage`.
    private struct Layout {
        var asciiClasses = 0
        var symbolClasses = 0
        var patternLengths = 0
        var boundaries = 0
        var outputStarts = 0
        var outputs = 0
        var depths = 0
        var transitions = 0
    }

    /// The automaton's tables as raw pointers, valid inside `withTables`.
    ///
    /// Rows and classes are byte offsets (state × row width × 4, class × 4), so a step is one
    /// addition and one load.
    struct Tables {
        /// At byte offset `row + class`, the `Int32` row of the next state. A row has one more
        /// entry after the classes: the state's output slot.
        let transitions: UnsafeRawPointer
        /// The class offset of each raw ASCII byte's folded symbol (`A` and `a` share one).
        let asciiClasses: UnsafePointer<Int32>
        /// The class offset of each folded symbol.
        let symbolClasses: UnsafePointer<Int32>
        /// The number of folded symbols in each term.
        let patternLengths: UnsafePointer<Int32>
        /// Per term: bit 0 set when it needs a word boundary before, bit 1 after.
        let boundaries: UnsafePointer<Int32>
        /// A reporting state with output slot `k` reports `outputs[outputStarts[k]..<outputStarts[k + 1]]`.
        let outputStarts: UnsafePointer<Int32>
        /// Term indices, grouped by output slot.
        let outputs: UnsafePointer<Int32>
        /// Rows at or above this belong to states that report terms.
        let firstOutputRow: Int
        /// The byte offset of the output slot within a row.
        let outputSlotOffset: Int
        /// The row of the root after a letter or digit (the start row, 0, is the root after a separator).
        let rootAfterWordRow: Int
        /// Per state (row / row width), how many folded symbols of a term it has read: the
        /// longest partial match that may still become a hit ends here and is this long.
        let depths: UnsafePointer<Int32>
        /// The bytes of one row.
        let rowWidth: Int

        /// The row after feeding a symbol of class offset `symbolClass` in `row`.
        @inline(__always)
        func next(_ row: Int, _ symbolClass: Int) -> Int {
            Int(transitions.load(fromByteOffset: row &+ symbolClass, as: Int32.self))
        }

        /// The output slot of a reporting row.
        func outputSlot(_ row: Int) -> Int {
            Int(transitions.load(fromByteOffset: row + outputSlotOffset, as: Int32.self))
        }

        /// How many folded symbols the partial match in progress at `row` has read.
        func depth(_ row: Int) -> Int {
            Int(depths[row / rowWidth])
        }
    }

    /// The bytes the tables take.
    var tableBytes: Int { storage.count * 4 }

    /// Calls `body` with pointers to the tables.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result? {
        storage.withUnsafeBufferPointer { buffer in
            // Never nil: the storage always ends in a padding entry.
            guard let base = buffer.baseAddress else { return nil }
            return body(Tables(
                transitions: UnsafeRawPointer(base + layout.transitions),
                asciiClasses: base + layout.asciiClasses,
                symbolClasses: base + layout.symbolClasses,
                patternLengths: base + layout.patternLengths,
                boundaries: base + layout.boundaries,
                outputStarts: base + layout.outputStarts,
                outputs: base + layout.outputs,
                firstOutputRow: firstOutputRow,
                outputSlotOffset: classCount * 4,
                rootAfterWordRow: rootAfterWordRow,
                depths: base + layout.depths,
                rowWidth: (classCount + 1) * 4
            ))
        }
    }

    /// Builds the automaton for `terms` (terms with an empty `folded` never match), or throws
    /// `TooLarge` when its tables would take more than `tableLimit` bytes (at most
    /// `representableBytes`). Building takes about twice the limit at most, and is refused
    /// before it does.
    ///
    /// - Complexity: O(*s* · *c*) where *s* is the number of states (at most the total folded
    ///   length of the terms, plus copies for late reports) and *c* the number of classes.
    init(terms: [KeywordTerm], tableLimit: Int) throws(TooLarge) {
        let limit = min(tableLimit, Self.representableBytes)
        let patterns = terms.map { Array($0.folded.utf8) }

        var symbolClasses = (0..<256).map { byte -> Int32 in
            Int32(KeywordFolding.isWordSymbol(UInt8(byte)) ? Self.otherWordClass : Self.otherSeparatorClass)
        }
        symbolClasses[Int(KeywordFolding.space)] = Int32(Self.spaceClass)
        var classIsWord = [true, false, false]
        for pattern in patterns {
            for byte in pattern where symbolClasses[Int(byte)] <= Self.otherSeparatorClass {
                symbolClasses[Int(byte)] = Int32(classIsWord.count)
                classIsWord.append(KeywordFolding.isWordSymbol(byte))
            }
        }
        let classCount = classIsWord.count
        let wordStart = classCount, wordEnd = classCount + 1, width = classCount + 2

        // A term as the trie reads it: its classes, with B before and E after each word.
        func trieSymbols(_ term: KeywordTerm, _ pattern: [UInt8]) -> [Int] {
            var symbols: [Int] = term.needsBoundaryBefore ? [wordStart] : []
            for (offset, byte) in pattern.enumerated() {
                let symbolClass = Int(symbolClasses[Int(byte)])
                if offset > 0, classIsWord[symbolClass] != KeywordFolding.isWordSymbol(pattern[offset - 1]) {
                    symbols.append(classIsWord[symbolClass] ? wordStart : wordEnd)
                }
                symbols.append(symbolClass)
            }
            if term.needsBoundaryAfter { symbols.append(wordEnd) }
            return symbols
        }
        // At most one state per symbol: room for that (within the limit) is taken at once, so the
        // tables never grow by doubling past what they need.
        let mostStates = min(1 + zip(terms, patterns).reduce(0) { $0 + ($1.1.isEmpty ? 0 : trieSymbols($1.0, $1.1).count) },
                             limit / ((classCount + 1) * 4) + 1)

        // The trie over classes plus the invisible B and E; -1 marks a missing edge.
        var delta = [Int32](repeating: -1, count: width)
        delta.reserveCapacity(mostStates * width)
        var termsAt: [[Int32]] = [[]]
        var incoming = [-1]
        // Real symbols (not B or E) from the root to each state.
        var trieDepth: [Int32] = [0]
        var lastTerm = 0
        for (termIndex, (term, pattern)) in zip(terms, patterns).enumerated() where !pattern.isEmpty {
            lastTerm = termIndex
            let symbols = trieSymbols(term, pattern)
            var state = 0
            for symbol in symbols {
                let edge = state * width + symbol
                if delta[edge] < 0 {
                    // Every state becomes at least one row of the final tables.
                    guard (termsAt.count + 1) * (classCount + 1) * 4 <= limit else { throw TooLarge(termIndex: termIndex) }
                    delta[edge] = Int32(termsAt.count)
                    termsAt.append([])
                    incoming.append(symbol)
                    trieDepth.append(trieDepth[state] + (symbol < classCount ? 1 : 0))
                    delta.append(contentsOf: repeatElement(-1, count: width))
                }
                state = Int(delta[edge])
            }
            termsAt[state].append(Int32(termIndex))
        }

        // Breadth-first: failure links, completed transitions, and inherited outputs.
        var failure = [Int](repeating: 0, count: termsAt.count)
        var queue: [Int] = []
        for symbol in 0..<width {
            let child = Int(delta[symbol])
            if child < 0 { delta[symbol] = 0 } else { queue.append(child) }
        }
        var head = 0
        // Inherited outputs take room too: many terms that end alike (`*e`, `*ne`, `*ene`…) list each other.
        var outputCount = termsAt.reduce(0) { $0 + $1.count }
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputCount += termsAt[failure[state]].count
            guard (termsAt.count * (classCount + 1) + outputCount) * 4 <= limit else { throw TooLarge(termIndex: lastTerm) }
            termsAt[state].append(contentsOf: termsAt[failure[state]])
            for symbol in 0..<width {
                let edge = state * width + symbol
                let fallback = delta[failure[state] * width + symbol]
                if delta[edge] < 0 {
                    delta[edge] = fallback
                } else {
                    failure[Int(delta[edge])] = Int(fallback)
                    queue.append(Int(delta[edge]))
                }
            }
        }

        // Fold B and E into the real classes, discovering the reachable states breadth-first.
        struct Node: Hashable {
            /// The trie state.
            var state: Int
            /// Whether the last symbol belonged to a word; only the root needs this stored.
            var afterWord: Bool
            /// The state after an `E` whose terms this node reports late, or -1.
            var lateFrom: Int
        }
        var nodes = [Node(state: 0, afterWord: false, lateFrom: -1)]
        var nodeIndex = [nodes[0]: 0]
        nodeIndex.reserveCapacity(termsAt.count + 1)
        // Row after row, the node each class leads to; every state is at least one node.
        var targets: [Int32] = []
        targets.reserveCapacity((termsAt.count + 1) * classCount)
        var next = 0
        while next < nodes.count {
            let node = nodes[next]
            next += 1
            for symbolClass in 0..<classCount {
                let isWord = classIsWord[symbolClass]
                var target: Node
                if symbolClass == Self.spaceClass, node.state != 0, incoming[node.state] == Self.spaceClass {
                    // A space after a space folds away: stay (but do not report twice).
                    target = Node(state: node.state, afterWord: false, lateFrom: -1)
                } else {
                    var from = node.state
                    var lateFrom = -1
                    if isWord, !node.afterWord {
                        from = Int(delta[from * width + wordStart])
                    } else if !isWord, node.afterWord {
                        from = Int(delta[from * width + wordEnd])
                        if !termsAt[from].isEmpty { lateFrom = from }
                    }
                    target = Node(state: Int(delta[from * width + symbolClass]), afterWord: isWord, lateFrom: lateFrom)
                }
                if let index = nodeIndex[target] {
                    targets.append(Int32(index))
                } else {
                    guard (nodes.count + 1) * (classCount + 1) * 4 <= limit else { throw TooLarge(termIndex: lastTerm) }
                    nodeIndex[target] = nodes.count
                    targets.append(Int32(nodes.count))
                    nodes.append(target)
                }
            }
        }
        delta = []
        nodeIndex = [:]

        // Number reporting nodes last and lay out the rows.
        func reports(_ node: Node) -> [Int32] {
            // A node reached by a separator has no terms of its own: every term ends in a letter, digit or E.
            node.lateFrom >= 0 ? termsAt[node.lateFrom] : termsAt[node.state]
        }
        let quiet = nodes.indices.filter { reports(nodes[$0]).isEmpty }
        let reporting = nodes.indices.filter { !reports(nodes[$0]).isEmpty }
        var renumbered = [Int](repeating: 0, count: nodes.count)
        for (number, node) in (quiet + reporting).enumerated() { renumbered[node] = number }
        let rowWidth = (classCount + 1) * 4
        var outputStarts: [Int32] = [0]
        var outputs: [Int32] = []
        var mostOutputs = 0
        for node in reporting {
            let terms = reports(nodes[node])
            guard (nodes.count * (classCount + 1) + outputs.count + terms.count) * 4 <= limit else {
                throw TooLarge(termIndex: lastTerm)
            }
            outputs.append(contentsOf: terms)
            outputStarts.append(Int32(outputs.count))
            mostOutputs = max(mostOutputs, terms.count)
        }
        var depths = [Int32](repeating: 0, count: nodes.count)
        for node in nodes.indices { depths[renumbered[node]] = trieDepth[nodes[node].state] }

        self.classCount = classCount
        self.firstOutputRow = quiet.count * rowWidth
        self.rootAfterWordRow = renumbered[Int(targets[Self.otherWordClass])] * rowWidth
        self.longestPattern = patterns.map(\.count).max() ?? 0
        self.mostOutputs = mostOutputs

        var storage: [Int32] = []
        var layout = Layout()
        func append(_ table: [Int32], at offset: WritableKeyPath<Layout, Int>) {
            layout[keyPath: offset] = storage.count
            storage.append(contentsOf: table)
        }
        append(KeywordFolding.asciiSymbols.map { symbolClasses[Int($0)] * 4 }, at: \.asciiClasses)
        append(symbolClasses.map { $0 * 4 }, at: \.symbolClasses)
        append(patterns.map { Int32($0.count) }, at: \.patternLengths)
        append(terms.map { ($0.needsBoundaryBefore ? 1 : 0) | ($0.needsBoundaryAfter ? 2 : 0) }, at: \.boundaries)
        append(outputStarts, at: \.outputStarts)
        append(outputs, at: \.outputs)
        append(depths, at: \.depths)
        // The transitions are written in place, row by row, so no second copy of them is made.
        layout.transitions = storage.count
        storage.reserveCapacity(storage.count + nodes.count * (classCount + 1) + 1)
        storage.append(contentsOf: repeatElement(0, count: nodes.count * (classCount + 1)))
        for node in nodes.indices {
            let row = layout.transitions + renumbered[node] * (classCount + 1)
            for symbolClass in 0..<classCount {
                storage[row + symbolClass] = Int32(renumbered[Int(targets[node * classCount + symbolClass])] * rowWidth)
            }
        }
        for (slot, node) in reporting.enumerated() {
            storage[layout.transitions + renumbered[node] * (classCount + 1) + classCount] = Int32(slot)
        }
        // Keeps every table pointer valid even when a table is empty.
        storage.append(0)
        self.storage = storage
        self.layout = layout
    }
}
