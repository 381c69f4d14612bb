/// The code tree of a study with its deelvragen, as read from a Markdown codebook.
public struct Codebook: Sendable, Equatable {
    /// The `#` title.
    public var title: String
    /// Text under the title, before the first category.
    public var introduction: String
    /// Codes in codebook order (depth-first, as written).
    public var codes: [Code]
    /// The question of each deelvraag, by number.
    public var deelvraagQuestions: [Int: String]
    /// The codebook file, relative to the project.
    public var file: String

    private var indexByID: [String: Int]

    /// A codebook of `codes` in codebook order, read from `file`.
    public init(title: String, introduction: String, codes: [Code], deelvraagQuestions: [Int: String], file: String) {
        self.title = title
        self.introduction = introduction
        self.codes = codes
        self.deelvraagQuestions = deelvraagQuestions
        self.file = file
        var index: [String: Int] = [:]
        for (position, code) in codes.enumerated() where index[code.id] == nil { index[code.id] = position }
        self.indexByID = index
    }

    /// The code with this id, or nil.
    public func code(id: String) -> Code? {
        indexByID[id].map { codes[$0] }
    }

    /// Position of a code in codebook order, for sorting.
    public func position(of id: String) -> Int? { indexByID[id] }

    /// The code and everything below it, the set a parent's count covers.
    public func subtree(of id: String) -> Set<String> {
        var result: Set<String> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            for child in code(id: next)?.childIDs ?? [] where result.insert(child).inserted {
                stack.append(child)
            }
        }
        return result
    }

    /// Ids from the top category down to the code, the `path` column of the frequency table.
    public func path(of id: String) -> [String] {
        var result: [String] = []
        var current: String? = id
        while let currentID = current, let node = code(id: currentID) {
            result.insert(currentID, at: 0)
            current = node.parentID
        }
        return result
    }

    /// The top-level categories in order.
    public var categories: [Code] { codes.filter(\.isCategory) }

    /// All deelvraag numbers, from questions and from codes.
    public var deelvraagNumbers: [Int] {
        Set(deelvraagQuestions.keys).union(codes.flatMap(\.deelvragen)).sorted()
    }
}
