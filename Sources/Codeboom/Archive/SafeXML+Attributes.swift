extension SafeXML {
    /// An element's attributes in document order, looked up by qualified name.
    ///
    /// Elements have a handful of attributes, so a list searched in order takes less memory
    /// than a dictionary per element (a large document has millions of elements) and is as fast.
    public struct Attributes: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
        private var pairs: [(name: String, value: String)]

        /// Creates attributes from name–value pairs; the parser has refused duplicates.
        init(pairs: [(name: String, value: String)]) {
            self.pairs = pairs
        }

        /// Creates attributes from a literal, as in `["w:id": "1"]`.
        public init(dictionaryLiteral elements: (String, String)...) {
            pairs = elements.map { (name: $0.0, value: $0.1) }
        }

        /// The value of the attribute with this qualified name, such as `w:id`.
        public subscript(name: String) -> String? {
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }

        /// How many attributes there are.
        public var count: Int { pairs.count }

        /// The attributes as `(name, value)` pairs, in document order.
        public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
            pairs.makeIterator()
        }

        /// Equal when they hold the same names with the same values, in any order.
        public static func == (lhs: Attributes, rhs: Attributes) -> Bool {
            guard lhs.count == rhs.count else { return false }
            if zip(lhs.pairs, rhs.pairs).allSatisfy({ $0.name == $1.name && $0.value == $1.value }) { return true }
            let values = Dictionary(lhs.pairs, uniquingKeysWith: { first, _ in first })
            return rhs.pairs.allSatisfy { values[$0.name] == $0.value }
        }
    }
}
