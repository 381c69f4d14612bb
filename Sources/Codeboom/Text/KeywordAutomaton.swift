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
struct KeywordAutomaton: Sendable {
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

        /// The row after feeding a symbol of class offset `symbolClass` in `row`.
        @inline(__always)
        func next(_ row: Int, _ symbolClass: Int) -> Int {
            Int(transitions.load(fromByteOffset: row &+ symbolClass, as: Int32.self))
        }

        /// The output slot of a reporting row.
        func outputSlot(_ row: Int) -> Int {
            Int(transitions.load(fromByteOffset: row + outputSlotOffset, as: Int32.self))
        }
    }

    /// Calls `body` with pointers to the tables.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        storage.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
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
                rootAfterWordRow: rootAfterWordRow
            ))
        }
    }

    /// Builds the automaton for `terms` (terms with an empty `folded` never match).
    ///
    /// - Complexity: O(*s* · *c*) where *s* is the number of states (at most the total folded
    ///   length of the terms, plus copies for late reports) and *c* the number of classes.
    init(terms: [KeywordTerm]) {
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

        // The trie over classes plus the invisible B and E; -1 marks a missing edge.
        var delta = [Int32](repeating: -1, count: width)
        var termsAt: [[Int32]] = [[]]
        var incoming = [-1]
        for (termIndex, (term, pattern)) in zip(terms, patterns).enumerated() where !pattern.isEmpty {
            var symbols: [Int] = term.needsBoundaryBefore ? [wordStart] : []
            for (offset, byte) in pattern.enumerated() {
                let symbolClass = Int(symbolClasses[Int(byte)])
                if offset > 0, classIsWord[symbolClass] != KeywordFolding.isWordSymbol(pattern[offset - 1]) {
                    symbols.append(classIsWord[symbolClass] ? wordStart : wordEnd)
                }
                symbols.append(symbolClass)
            }
            if term.needsBoundaryAfter { symbols.append(wordEnd) }
            var state = 0
            for symbol in symbols {
                let edge = state * width + symbol
                if delta[edge] < 0 {
                    delta[edge] = Int32(termsAt.count)
                    termsAt.append([])
                    incoming.append(symbol)
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
        while head < queue.count {
            let state = queue[head]
            head += 1
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
        var targets: [[Int]] = []
        var next = 0
        while next < nodes.count {
            let node = nodes[next]
            next += 1
            var row: [Int] = []
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
                    row.append(index)
                } else {
                    nodeIndex[target] = nodes.count
                    row.append(nodes.count)
                    nodes.append(target)
                }
            }
            targets.append(row)
        }

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
        precondition(nodes.count * rowWidth < Int(Int32.max), "keyword set too large for one automaton")
        var transitions = [Int32](repeating: 0, count: nodes.count * (classCount + 1))
        var outputStarts: [Int32] = [0]
        var outputs: [Int32] = []
        for node in nodes.indices {
            let row = renumbered[node] * (classCount + 1)
            for symbolClass in 0..<classCount {
                transitions[row + symbolClass] = Int32(renumbered[targets[node][symbolClass]] * rowWidth)
            }
        }
        for (slot, node) in reporting.enumerated() {
            transitions[renumbered[node] * (classCount + 1) + classCount] = Int32(slot)
            outputs.append(contentsOf: reports(nodes[node]))
            outputStarts.append(Int32(outputs.count))
        }

        self.classCount = classCount
        self.firstOutputRow = quiet.count * rowWidth
        self.rootAfterWordRow = nodeIndex[Node(state: 0, afterWord: true, lateFrom: -1)].map { renumbered[$0] * rowWidth } ?? -1
        self.longestPattern = patterns.map(\.count).max() ?? 0

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
        append(transitions, at: \.transitions)
        // Keeps every table pointer valid even when a table is empty.
        storage.append(0)
        self.storage = storage
        self.layout = layout
    }
}
