/// WebVTT cue text read by the W3C "WebVTT cue text parsing rules": the cue text tokenizer's tags
/// (`<c.class>`, `<i>`, `<b>`, `<u>`, `<v Name>`, `<lang en>`, `<ruby>`/`<rt>`, unknown ones ignored),
/// timestamp tags (`<00:00:01.000>`, as YouTube writes between words), and character references.
///
/// What is kept is what a viewer reads: the text objects, with ruby text left out as the spec's
/// "rules for extracting the chapter title" leave it out (an annotation on the words, not words).
/// Each text carries the innermost voice it stands in, so `<v A>…\n<v B>…` gives two speakers.
enum WebVTTCueText {
    /// The cue text's shown lines, in order.
    ///
    /// - Complexity: O(*n*) in the length of the cue text.
    static func lines(_ text: Substring) -> [CueTextLine] {
        let scalars = Array(text.unicodeScalars)
        var builder = Builder()
        var nodes: [Node] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "&" {
                if let (decoded, next) = CharacterReference.consume(scalars, at: index + 1) {
                    builder.append(decoded, in: nodes)
                    index = next
                } else {
                    builder.append("&", in: nodes)
                    index += 1
                }
                continue
            }
            if scalar == "<" {
                let (token, next) = Tag.read(scalars, from: index + 1)
                builder.skipLines(in: scalars[index..<next])
                apply(token, to: &nodes)
                index = next
                continue
            }
            if scalar == "\n" {
                builder.newLine()
            } else {
                builder.append(scalar, in: nodes)
            }
            index += 1
        }
        return builder.finish()
    }

    /// An open element of the cue text: the internal node objects of the spec, with what its text inherits.
    struct Node: Equatable {
        enum Kind: String { case c, i, b, u, ruby, rt, v, lang }
        var kind: Kind
        /// The innermost voice's name (a `v` node's annotation) at this node, nil outside any voice.
        var voice: String?
        /// Whether this node is or stands in ruby text.
        var isRubyText: Bool
    }

    /// The spec's tree building, kept as the stack of open nodes from the root to `current`; each node
    /// carries what it inherits, so deep nesting costs nothing per character.
    static func apply(_ token: Tag.Token, to nodes: inout [Node]) {
        switch token {
        case .start(let name, let annotation):
            guard let kind = Node.Kind(rawValue: name) else { return }
            if kind == .rt && nodes.last?.kind != .ruby { return }
            nodes.append(Node(kind: kind, voice: kind == .v ? (annotation ?? "") : nodes.last?.voice,
                              isRubyText: kind == .rt || nodes.last?.isRubyText == true))
        case .end(let name):
            guard let current = nodes.last else { return }
            if current.kind.rawValue == name {
                nodes.removeLast()
            } else if name == "ruby", current.kind == .rt {
                nodes.removeLast(min(2, nodes.count))
            }
        case .timestamp:
            // A karaoke time inside the cue: no text.
            return
        }
    }

    /// Collects the shown text line by line.
    private struct Builder {
        var lines: [CueTextLine] = []
        var current = CueTextLine(lineOffset: 0, voice: nil, text: "")
        var hasVisibleText = false
        var rawLine = 0

        mutating func append(_ text: String, in nodes: [Node]) {
            for scalar in text.unicodeScalars { append(scalar, in: nodes) }
        }

        mutating func append(_ scalar: Unicode.Scalar, in nodes: [Node]) {
            // Ruby text annotates the words before it; the words themselves are read.
            if nodes.last?.isRubyText == true { return }
            if current.text.isEmpty { current.lineOffset = rawLine }
            if !hasVisibleText, !scalar.properties.isWhitespace {
                hasVisibleText = true
                current.voice = nodes.last?.voice.flatMap { $0.isEmpty ? nil : $0 }
            }
            current.text.unicodeScalars.append(scalar)
        }

        /// Line feeds inside a tag end no shown line, but the next text stands on a later line of the file.
        mutating func skipLines(in scalars: ArraySlice<Unicode.Scalar>) {
            for scalar in scalars where scalar == "\n" { rawLine += 1 }
        }

        mutating func newLine() {
            lines.append(current)
            rawLine += 1
            current = CueTextLine(lineOffset: rawLine, voice: nil, text: "")
            hasVisibleText = false
        }

        mutating func finish() -> [CueTextLine] {
            lines.append(current)
            return lines
        }
    }

    /// The tag states of the WebVTT cue text tokenizer, from just after a `<`.
    enum Tag {
        enum Token: Equatable {
            /// A start tag: its name (classes dropped) and annotation (white space collapsed), if it has one.
            case start(name: String, annotation: String?)
            case end(name: String)
            case timestamp(String)
        }

        /// The token and the index just after it (after its `>`, or the end of the text).
        static func read(_ scalars: [Unicode.Scalar], from start: Int) -> (Token, Int) {
            enum State { case tag, startTag, startTagClass, startTagAnnotation, endTag, timestampTag }
            var state = State.tag
            var result = String.UnicodeScalarView()
            var buffer = String.UnicodeScalarView()
            var hasAnnotation = false
            var index = start
            func token() -> Token {
                switch state {
                case .tag, .startTag, .startTagClass:
                    return .start(name: String(result), annotation: nil)
                case .startTagAnnotation:
                    let words = String(buffer).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" || $0 == "\r" })
                    return .start(name: String(result), annotation: hasAnnotation ? words.joined(separator: " ") : nil)
                case .endTag:
                    return .end(name: String(result))
                case .timestampTag:
                    return .timestamp(String(result))
                }
            }
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == ">" { return (token(), index + 1) }
                let isSpace = scalar == "\t" || scalar == "\u{0C}" || scalar == " "
                switch state {
                case .tag:
                    if isSpace || scalar == "\n" {
                        state = .startTagAnnotation
                        hasAnnotation = true
                    } else if scalar == "." {
                        state = .startTagClass
                    } else if scalar == "/" {
                        state = .endTag
                    } else if ("0"..."9").contains(scalar) {
                        result.append(scalar)
                        state = .timestampTag
                    } else {
                        result.append(scalar)
                        state = .startTag
                    }
                case .startTag:
                    if isSpace || scalar == "\n" {
                        state = .startTagAnnotation
                        hasAnnotation = true
                    } else if scalar == "." {
                        state = .startTagClass
                    } else {
                        result.append(scalar)
                    }
                case .startTagClass:
                    // Classes style the text; which ones does not change what is said.
                    if isSpace || scalar == "\n" {
                        state = .startTagAnnotation
                        hasAnnotation = true
                    }
                case .startTagAnnotation:
                    if scalar == "&" {
                        if let (decoded, next) = CharacterReference.consume(scalars, at: index + 1, additionallyAllowed: ">") {
                            buffer.append(contentsOf: decoded.unicodeScalars)
                            index = next
                            continue
                        }
                    }
                    buffer.append(scalar)
                case .endTag, .timestampTag:
                    result.append(scalar)
                }
                index += 1
            }
            return (token(), index)
        }
    }
}
