/// One pass of a `KeywordMatcher` over one UTF-8 text: folding, stepping the automaton, and
/// turning the automaton's reports into `KeywordMatch`es, handed on in order as soon as they are
/// settled, so memory does not grow with the text or its number of hits.
///
/// The hot loop keeps three numbers per scan: the automaton row, the UTF-8 offset, and how many
/// more bytes than scalars have been read (so the scalar offset is one subtraction away). Where a
/// hit started is worked out only when it is reported, by walking back over the text.
///
/// A table-driven automaton waits on one memory load per byte, so the text is scanned by two
/// cursors at once, a *lead* and a *follower*: the two chains of loads are independent and the
/// processor overlaps them. The text is taken a stretch (`pairLength`) at a time; the follower
/// starts at a white space byte in the middle of the stretch, from the root. The lead scans up to
/// that middle and runs on past it until no partial match that began before the middle is left,
/// keeping only hits that start before the middle; the follower keeps the rest and goes on as
/// the lead of the next stretch.
///
/// Hits arrive ordered by where they end; they are handed on ordered by where they start. The
/// lead hands on every hit that starts before the earliest place a later hit could start: the
/// start of the word in which the partial match in progress began (the automaton state says how
/// many symbols long it is). The follower's hits wait for the lead; a follower holding too many
/// stops running alongside, and the lead finishes its part alone.
struct KeywordScan {
    let tables: KeywordAutomaton.Tables
    let bytes: UnsafePointer<UInt8>
    let count: Int

    let tuning: Tuning
    /// Bytes scanned between looks at the waiting hits: fewer when one symbol can bring many
    /// hits, so that what waits stays bounded.
    let chunkLength: Int

    /// The sizes that decide how the text is cut up; tests make them small to exercise every cut.
    struct Tuning {
        /// Texts shorter than this are scanned by one cursor.
        var splitThreshold = 2048
        /// The stretch a lead and follower scan together.
        var pairLength = 1 << 16
        /// The most hits a follower holds before it stops running alongside the lead.
        var followerLimit = 1 << 16
        /// Settled hits are handed on once this many wait.
        var releaseThreshold = 1024
        /// Bytes between looks at the waiting hits when one symbol brings at most one hit.
        var chunkLength = 4096

        static let standard = Tuning()
    }

    init(tables: KeywordAutomaton.Tables, bytes: UnsafePointer<UInt8>, count: Int, mostOutputs: Int, tuning: Tuning = .standard) {
        self.tables = tables
        self.bytes = bytes
        self.count = count
        self.tuning = tuning
        self.chunkLength = max(1, tuning.chunkLength / max(1, mostOutputs))
    }

    /// Where one cursor of the scan is. Passed by value so the hot loop keeps it in registers.
    struct Cursor {
        /// The automaton row.
        var row = 0
        /// The UTF-8 offset of the next scalar.
        var index: Int
        /// UTF-8 bytes read minus scalars read, counted from where this cursor started.
        var extraBytes: Int

        /// The scalar offset of the next scalar.
        var scalar: Int { index &- extraBytes }

        /// A cursor at a scalar boundary `index`, counting scalars from there.
        init(index: Int) {
            self.index = index
            self.extraBytes = index
        }
    }

    /// Hands every match to `deliver`, ordered by start, then term, then end; returns the most
    /// hits that waited at once (seen between chunks), which tests hold to a bound.
    ///
    /// The stepping is done a chunk at a time by `stepTogether` and `stepAlone`, which take and
    /// return cursors by value and know nothing of `deliver`: so they are the same code for every
    /// caller and the hot loop keeps its cursors in registers.
    @discardableResult
    func run(_ deliver: (KeywordMatch) -> Void) -> Int {
        var mostWaiting = 0
        var lead = Cursor(index: 0)
        var leadHits = Stream(releaseThreshold: tuning.releaseThreshold)
        while true {
            let pairEnd = count - lead.index > tuning.pairLength ? lead.index + tuning.pairLength : count
            guard pairEnd - lead.index >= tuning.splitThreshold,
                  let middle = whiteSpace(from: lead.index + (pairEnd - lead.index) / 2, before: pairEnd)
            else {
                while lead.index < pairEnd {
                    lead = stepAlone(lead, &leadHits, to: min(pairEnd, lead.index + chunkLength))
                    mostWaiting = max(mostWaiting, leadHits.waiting)
                    release(lead, &leadHits, deliver)
                }
                guard lead.index < count else { break }
                continue
            }
            // The follower counts scalars from the middle; its hits move by the middle's offset
            // once the lead has counted that far.
            var follower = Cursor(index: middle)
            var followerHits = Stream(releaseThreshold: tuning.releaseThreshold)
            while lead.index < middle, follower.index < pairEnd {
                (lead, follower) = stepTogether(lead, &leadHits, follower, &followerHits,
                                                leadEnd: min(middle, lead.index + chunkLength), followerEnd: pairEnd)
                mostWaiting = max(mostWaiting, leadHits.waiting + followerHits.waiting)
                release(lead, &leadHits, deliver)
                if followerHits.waiting > tuning.followerLimit { break }
            }
            while lead.index < middle {
                lead = stepAlone(lead, &leadHits, to: min(middle, lead.index + chunkLength))
                mostWaiting = max(mostWaiting, leadHits.waiting + followerHits.waiting)
                release(lead, &leadHits, deliver)
            }
            let middleScalar = lead.scalar
            leadHits.keepBefore = middleScalar
            lead = runOn(lead, &leadHits, past: middle)
            if lead.index >= count { flush(lead, &leadHits) }
            mostWaiting = max(mostWaiting, leadHits.waiting + followerHits.waiting)
            leadHits.releaseAll(deliver)
            lead = follower
            lead.extraBytes -= middleScalar
            leadHits = followerHits
            leadHits.move(by: middleScalar)
        }
        flush(lead, &leadHits)
        mostWaiting = max(mostWaiting, leadHits.waiting)
        leadHits.releaseAll(deliver)
        return mostWaiting
    }

    /// Steps the lead up to `leadEnd` and the follower up to `followerEnd`, side by side, until
    /// one gets there.
    @inline(never)
    func stepTogether(_ leadStart: Cursor, _ leadHits: inout Stream, _ followerStart: Cursor, _ followerHits: inout Stream,
                      leadEnd: Int, followerEnd: Int) -> (Cursor, Cursor) {
        var lead = leadStart, follower = followerStart
        while lead.index < leadEnd, follower.index < followerEnd {
            step(&lead, &leadHits)
            step(&follower, &followerHits)
        }
        return (lead, follower)
    }

    /// Steps one cursor up to `end`.
    @inline(never)
    func stepAlone(_ start: Cursor, _ stream: inout Stream, to end: Int) -> Cursor {
        var cursor = start
        while cursor.index < end { step(&cursor, &stream) }
        return cursor
    }

    /// Steps the lead past `middle` until every partial match that began before it has become a
    /// hit or failed. Partial matches are at most as long as the longest term, so this is short;
    /// white space is not counted, so a long run of it is crossed in one go without looking back.
    func runOn(_ start: Cursor, _ stream: inout Stream, past middle: Int) -> Cursor {
        var cursor = start
        var symbols = 0
        while cursor.index < count, tables.depth(cursor.row) > symbols {
            let byte = bytes[cursor.index]
            if byte > 0x20, byte < 0x80 {
                symbols += 1
            } else if byte >= 0x80 {
                let (value, length) = KeywordFolding.decode(bytes, at: cursor.index, count: count)
                switch KeywordFolding.fold(value) {
                case .letters(_, let second): symbols += second == 0 ? 1 : 2
                case .symbols(let folded): symbols += folded.count
                case .kept: symbols += length
                case .separator: symbols += 1
                case .space, .ignored: break
                }
            }
            step(&cursor, &stream)
        }
        return cursor
    }

    /// Hands on the hits that no later hit can precede, when enough of them wait.
    func release(_ cursor: Cursor, _ stream: inout Stream, _ deliver: (KeywordMatch) -> Void) {
        guard stream.waiting >= stream.nextRelease else { return }
        stream.release(before: settledScalar(cursor), deliver)
        // When little could go, look again only after as many more hits, so this stays linear.
        stream.nextRelease = max(tuning.releaseThreshold, 2 * stream.waiting)
    }

    /// The earliest scalar a hit reported after this point can start at: the start of the word
    /// in which the partial match in progress began, or of the word the cursor is in.
    func settledScalar(_ cursor: Cursor) -> Int {
        let depth = tables.depth(cursor.row)
        var (index, scalar) = (cursor.index, cursor.scalar)
        if depth > 0 { (index, scalar) = matchStart(index: index, scalar: scalar, symbols: depth) }
        // Back over the word (and any marks) the partial match or the cursor is in.
        while index > 0 {
            let previous = bytes[index - 1] < 0x80 ? index - 1 : previousScalar(before: index)
            let fold = KeywordFolding.fold(KeywordFolding.decode(bytes, at: previous, count: count).value)
            guard fold.isWord || fold == .ignored else { break }
            index = previous
            scalar -= 1
        }
        return scalar
    }

    /// The first white space byte in `index..<end`, where the text can be split.
    func whiteSpace(from index: Int, before end: Int) -> Int? {
        var index = index
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x09, 0x0D: return index
            default: index += 1
            }
        }
        return nil
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
        case .symbols(let folded):
            for offset in 0..<folded.count { feed(folded[offset], offset) }
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
            // The lead keeps, past the middle, only what began before it; the follower has the rest.
            guard start < stream.keepBefore else { continue }
            stream.insert(KeywordMatch(termIndex: term, start: start, end: end))
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
                case .symbols(let folded): produced = folded.count
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

    /// The hits of one cursor that are not handed on yet, and its caches.
    struct Stream {
        /// Hits ordered by start, then term, then end; those before `head` are handed on.
        private var found: [KeywordMatch] = []
        private var head = 0
        /// Hits that start at or after this scalar are left to the follower.
        var keepBefore = Int.max
        /// How many must wait before the next look at what is settled.
        var nextRelease: Int
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

        init(releaseThreshold: Int) {
            nextRelease = releaseThreshold
        }

        /// Hits not handed on yet.
        var waiting: Int { found.count - head }

        /// Adds `match` in order, once: `*e*` reports `beheer` at every `e`, always with the same
        /// range. Hits arrive ordered by where they end, so a new one only moves past the few
        /// recent hits that start later, and never past one already handed on.
        mutating func insert(_ match: KeywordMatch) {
            var slot = found.count
            while slot > head, match < found[slot - 1] { slot -= 1 }
            if slot > head, found[slot - 1] == match { return }
            found.insert(match, at: slot)
        }

        /// Hands on the hits that start before scalar `settled`.
        mutating func release(before settled: Int, _ deliver: (KeywordMatch) -> Void) {
            while head < found.count, found[head].start < settled {
                deliver(found[head])
                head += 1
            }
            if head == found.count {
                found.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 4096, head > found.count / 2 {
                found.removeFirst(head)
                head = 0
            }
        }

        /// Hands on every hit.
        mutating func releaseAll(_ deliver: (KeywordMatch) -> Void) {
            release(before: .max, deliver)
        }

        /// Moves every scalar offset by `offset`: a follower's offsets, counted from the middle,
        /// become offsets in the text.
        mutating func move(by offset: Int) {
            for index in head..<found.count {
                found[index].start += offset
                found[index].end += offset
            }
            wordStartCache.start += offset
            wordEndCache.end += offset
        }
    }
}
