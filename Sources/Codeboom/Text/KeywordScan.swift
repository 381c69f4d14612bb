/// One pass of a `KeywordMatcher` over one UTF-8 text: folding, stepping the automaton, and
/// turning the automaton's reports into `KeywordMatch`es.
///
/// The hot loop keeps three numbers per scan: the automaton row, the UTF-8 offset, and how many
/// more bytes than scalars have been read (so the scalar offset is one subtraction away). Where a
/// hit started is worked out only when it is reported, by walking back over the text.
///
/// A table-driven automaton waits on one memory load per byte, so a long text is scanned as two
/// halves at once: the two chains of loads are independent and the processor overlaps them. The
/// halves meet at a white space byte; the first half runs on past it until its automaton is back
/// at the root, and keeps only the hits that start before the meeting point.
struct KeywordScan {
    let tables: KeywordAutomaton.Tables
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let termCount: Int

    /// Texts shorter than this are scanned in one piece.
    static let splitThreshold = 2048

    init(tables: KeywordAutomaton.Tables, bytes: UnsafePointer<UInt8>, count: Int, termCount: Int) {
        self.tables = tables
        self.bytes = bytes
        self.count = count
        self.termCount = termCount
    }

    /// Where one half of the scan is. Passed by value so the hot loop keeps it in registers.
    struct Cursor {
        /// The automaton row.
        var row = 0
        /// The UTF-8 offset of the next scalar.
        var index: Int
        /// UTF-8 bytes read minus scalars read, counted from where this half started.
        var extraBytes: Int

        /// The scalar offset of the next scalar.
        var scalar: Int { index &- extraBytes }

        /// A cursor at a scalar boundary `index`, counting scalars from there.
        init(index: Int) {
            self.index = index
            self.extraBytes = index
        }
    }

    /// Every match, ordered by start, then term, then end.
    func run() -> [KeywordMatch] {
        guard count >= Self.splitThreshold, let split = whiteSpace(from: count / 2) else {
            return withStream { stream in
                var cursor = Cursor(index: 0)
                let end = count
                while cursor.index < end { step(&cursor, &stream) }
                flush(cursor, &stream)
                return stream.found
            }
        }
        return withStream { first in
            withStream { second in
                var one = Cursor(index: 0)
                var two = Cursor(index: split)
                let end = count
                while one.index < split, two.index < end {
                    step(&one, &first)
                    step(&two, &second)
                }
                while one.index < split { step(&one, &first) }
                // Run on until every term that started before the split has ended or failed.
                let splitScalar = one.scalar
                repeat {
                    step(&one, &first)
                } while one.index < end && one.row != 0 && one.row != tables.rootAfterWordRow
                if one.index == end { flush(one, &first) }
                while two.index < end { step(&two, &second) }
                flush(two, &second)

                var found = first.found.filter { $0.start < splitScalar }
                found.reserveCapacity(found.count + second.found.count)
                for match in second.found {
                    found.append(KeywordMatch(termIndex: match.termIndex, start: match.start + splitScalar,
                                              end: match.end + splitScalar))
                }
                return found
            }
        }
    }

    /// The first white space byte at or after `index`, where the text can be split.
    func whiteSpace(from index: Int) -> Int? {
        var index = index
        while index < count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x09, 0x0D: return index
            default: index += 1
            }
        }
        return nil
    }

    /// Calls `body` with a fresh stream whose buffer lives for the call.
    func withStream<Result>(_ body: (inout Stream) -> Result) -> Result {
        let lastReported = UnsafeMutablePointer<KeywordMatch>.allocate(capacity: termCount)
        lastReported.initialize(repeating: KeywordMatch(termIndex: -1, start: -1, end: -1), count: termCount)
        defer { lastReported.deallocate() }
        var stream = Stream(lastReported: lastReported)
        return body(&stream)
    }

    /// Folds the scalar at the cursor and feeds its symbols to the automaton.
    ///
    /// A space after a space folds away; the automaton stays put on it (see `KeywordAutomaton`),
    /// so white space needs no special case here.
    @inline(__always)
    func step(_ cursor: inout Cursor, _ stream: inout Stream) {
        let byte = bytes[cursor.index]
        guard byte < 0x80 else {
            cursor = feedNonASCII(cursor, &stream)
            return
        }
        cursor.row = tables.next(cursor.row, Int(tables.asciiClasses[Int(byte)]))
        if cursor.row >= tables.firstOutputRow {
            report(row: cursor.row, index: cursor.index, scalar: cursor.scalar, symbol: 0, &stream)
        }
        cursor.index &+= 1
    }

    /// The end of the text is a word boundary: steps over a separator for the final `E`.
    func flush(_ cursor: Cursor, _ stream: inout Stream) {
        let row = tables.next(cursor.row, KeywordAutomaton.otherSeparatorClass * 4)
        if row >= tables.firstOutputRow {
            report(row: row, index: count, scalar: cursor.scalar, symbol: 0, &stream)
        }
    }

    /// Folds the non-ASCII scalar at the cursor and feeds its symbols.
    @inline(never)
    func feedNonASCII(_ start: Cursor, _ stream: inout Stream) -> Cursor {
        var cursor = start
        let index = cursor.index
        let scalar = cursor.scalar
        let (value, length) = KeywordFolding.decode(bytes, at: index, count: count)
        func feed(_ symbol: UInt8, _ offset: Int) {
            cursor.row = tables.next(cursor.row, Int(tables.symbolClasses[Int(symbol)]))
            if cursor.row >= tables.firstOutputRow {
                report(row: cursor.row, index: index, scalar: scalar, symbol: offset, &stream)
            }
        }
        switch KeywordFolding.fold(value) {
        case .ignored:
            break
        case .space:
            feed(KeywordFolding.space, 0)
        case .separator(let symbol):
            feed(symbol, 0)
        case .letters(let first, let second):
            feed(first, 0)
            if second != 0 { feed(second, 1) }
        case .kept:
            for offset in 0..<length { feed(bytes[index + offset], offset) }
        }
        cursor.index += length
        cursor.extraBytes += length - 1
        return cursor
    }

    /// Records the hits of the reporting state at `row`.
    ///
    /// The state was reached by symbol number `symbol` (from 0) of the scalar at UTF-8 offset
    /// `index`, scalar offset `scalar`. Terms that need a boundary after them are reported one
    /// symbol late (see `KeywordAutomaton`): they ended at the previous symbol, and `scalar` is
    /// where they end, including any ignored scalars (combining marks) after their last letter.
    @inline(never)
    func report(row: Int, index: Int, scalar: Int, symbol: Int, _ stream: inout Stream) {
        let slot = tables.outputSlot(row)
        let next = index < count ? index + KeywordFolding.decode(bytes, at: index, count: count).length : count
        for output in Int(tables.outputStarts[slot])..<Int(tables.outputStarts[slot + 1]) {
            let term = Int(tables.outputs[output])
            let boundaries = tables.boundaries[term]
            let late = boundaries & 2 != 0
            // Symbols of the term before the current scalar's first symbol.
            let before = Int(tables.patternLengths[term]) - 1 - symbol + (late ? 1 : 0)
            var (startIndex, start) = (index, scalar)
            if before > 0 { (startIndex, start) = matchStart(index: index, scalar: scalar, symbols: before) }
            if boundaries & 1 == 0 { start = wordStart(at: startIndex, scalar: start, &stream.wordStartCache) }
            let end = late ? scalar : wordEnd(from: next, scalar: scalar + 1, &stream.wordEndCache)
            let match = KeywordMatch(termIndex: term, start: start, end: end)
            if stream.lastReported[term] != match {
                stream.lastReported[term] = match
                stream.insert(match)
            }
        }
    }

    /// The scalar that produced the folded symbol `symbols` symbols before the first symbol of
    /// the scalar at UTF-8 offset `index` (scalar offset `scalar`).
    ///
    /// Walks back folding as the scan folded forward: a run of white space (with any ignored
    /// scalars in it) is one symbol. Terms never start with a space, so the walk never stops in one.
    func matchStart(index: Int, scalar: Int, symbols: Int) -> (index: Int, scalar: Int) {
        var cursor = index
        var offset = scalar
        var remaining = symbols
        while cursor > 0 {
            let produced: Int
            let byte = bytes[cursor - 1]
            if byte < 0x80, byte > 0x20 {
                // Letters, digits and ASCII punctuation fold to one symbol each.
                cursor -= 1
                produced = 1
            } else {
                let previous = byte < 0x80 ? cursor - 1 : previousScalar(before: cursor)
                let (value, length) = KeywordFolding.decode(bytes, at: previous, count: count)
                cursor = previous
                switch KeywordFolding.fold(value) {
                case .ignored: produced = 0
                case .letters(_, let second): produced = second == 0 ? 1 : 2
                case .kept: produced = length
                case .separator: produced = 1
                case .space:
                    produced = 1
                    // The rest of the run folded away.
                    while cursor > 0 {
                        let earlier = bytes[cursor - 1] < 0x80 ? cursor - 1 : previousScalar(before: cursor)
                        let fold = KeywordFolding.fold(KeywordFolding.decode(bytes, at: earlier, count: count).value)
                        guard fold == .space || fold == .ignored else { break }
                        cursor = earlier
                        offset -= 1
                    }
                }
            }
            offset -= 1
            if remaining <= produced { return (cursor, offset) }
            remaining -= produced
        }
        return (cursor, offset)
    }

    /// The scalar offset where the word running through UTF-8 offset `index` ends.
    ///
    /// Cached per word, so many hits inside one long word cost one walk.
    func wordEnd(from index: Int, scalar: Int, _ cache: inout Stream.WordEnd) -> Int {
        if cache.from <= index, index <= cache.to { return cache.end }
        var cursor = index
        var end = scalar
        while cursor < count {
            let byte = bytes[cursor]
            if byte < 0x80 {
                guard KeywordFolding.isWordSymbol(byte) else { break }
                cursor += 1
            } else {
                let (value, length) = KeywordFolding.decode(bytes, at: cursor, count: count)
                let fold = KeywordFolding.fold(value)
                guard fold.isWord || fold == .ignored else { break }
                cursor += length
            }
            end += 1
        }
        cache = Stream.WordEnd(from: index, to: cursor, end: end)
        return end
    }

    /// The scalar offset of the first word scalar of the word that contains the word scalar at
    /// UTF-8 offset `index` (scalar offset `scalar`).
    ///
    /// Cached, so many hits inside one long word cost one walk back.
    func wordStart(at index: Int, scalar: Int, _ cache: inout Stream.WordStart) -> Int {
        var cursor = index
        var offset = scalar
        var start = scalar
        while cursor > 0 {
            if cursor == cache.from {
                start = cache.start
                break
            }
            let previous: Int
            let fold: KeywordFolding.Fold
            if bytes[cursor - 1] < 0x80 {
                previous = cursor - 1
                guard KeywordFolding.isWordSymbol(bytes[previous]) else { break }
                fold = .kept
            } else {
                previous = previousScalar(before: cursor)
                fold = KeywordFolding.fold(KeywordFolding.decode(bytes, at: previous, count: count).value)
            }
            offset -= 1
            if fold.isWord {
                start = offset
            } else if fold != .ignored {
                break
            }
            cursor = previous
        }
        cache = Stream.WordStart(from: index, start: start)
        return start
    }

    /// The UTF-8 offset of the scalar that ends at `index`, as `decode` would have split it.
    func previousScalar(before index: Int) -> Int {
        var lead = index - 1
        while lead > 0, index - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let (_, length) = KeywordFolding.decode(bytes, at: lead, count: count)
        return lead + length == index ? lead : index - 1
    }

    /// The bookkeeping of one half of the scan.
    struct Stream {
        /// The last range reported per term, to drop repeats (`*e*` hits `beheer` three times).
        let lastReported: UnsafeMutablePointer<KeywordMatch>
        /// The hits so far, ordered by start, then term, then end.
        var found: [KeywordMatch] = []
        var wordStartCache = WordStart(from: -1, start: 0)
        var wordEndCache = WordEnd(from: -1, to: -1, end: 0)

        /// The word that contains the scalar at UTF-8 offset `from` starts at scalar `start`.
        struct WordStart {
            var from: Int
            var start: Int
        }

        /// The word that contains UTF-8 offsets `from...to` ends at scalar `end`; `to` is its UTF-8 end.
        struct WordEnd {
            var from: Int
            var to: Int
            var end: Int
        }

        init(lastReported: UnsafeMutablePointer<KeywordMatch>) {
            self.lastReported = lastReported
        }

        /// Adds `match` in order. Hits arrive ordered by where they end, so a new one only moves
        /// past the few recent hits that start later.
        mutating func insert(_ match: KeywordMatch) {
            var slot = found.count
            found.append(match)
            while slot > 0, match < found[slot - 1] {
                found[slot] = found[slot - 1]
                slot -= 1
            }
            found[slot] = match
        }
    }
}
