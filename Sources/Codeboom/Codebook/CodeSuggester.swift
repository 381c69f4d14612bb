/// Finds the code a mistyped id most likely means: the "did you mean" of `check`, and what tells a
/// typo of a code (`#agendadruk` as `#agendaruk`) from a hashtag that is just text (`#metoo`).
///
/// An id is close to a code when it is close (``NameSuggester``'s rule) to the code's id or to the
/// slug of its label. Safe to use from several threads at once.
public final class CodeSuggester: @unchecked Sendable {
    private let codebook: Codebook
    private let names: NameSuggester

    /// A suggester for the ids and labels of `codebook`; the search structure is built on the first question.
    public init(codebook: Codebook) {
        self.codebook = codebook
        names = NameSuggester(forms: {
            codebook.codes.map { code in
                let id = code.id.folded.unicodeScalars.map(\.value)
                let label = CodeSuggester.slug(of: code.label)
                // Without `{#id}` the id is the label's slug already.
                return label != id ? [id, label] : [id]
            }
        })
    }

    /// The id of the code `id` is closest to, when it is close enough to be a typo of it; nil otherwise.
    ///
    /// - Complexity: that of ``NameSuggester/position(for:)``.
    public func suggestion(for id: String) -> String? {
        names.position(for: id).map { codebook.codes[$0].id }
    }

    /// The largest edit distance still read as a typo of an id of `length` scalars (``NameSuggester``'s).
    static func maximumDistance(forLength length: Int) -> Int {
        NameSuggester.maximumDistance(forLength: length)
    }

    /// `String.slug` of a label, straight from its bytes when it is ASCII (nearly always): a codebook of
    /// 50,000 codes is made into a trie at the first unknown id, and the general path costs most of that.
    static func slug(of label: String) -> [UInt32] {
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

}
