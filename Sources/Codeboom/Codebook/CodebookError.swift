/// A problem in the codebook: its headings, its attributes or its keyword rules.
///
/// Every case carries the place it applies to; columns count Unicode scalars. `check` prints
/// them through `Diagnostic.init(_:)`.
public enum CodebookError: SourceProblem {
    /// A `#` heading after the title: a codebook has one title.
    case secondTitle(SourceLocation, title: String)
    /// A heading whose text gives no id (only punctuation) and that has no `{#id}`.
    case emptyID(SourceLocation, heading: String)
    /// A heading whose id an earlier heading (at `firstLine`) already has.
    case duplicateID(SourceLocation, id: String, firstLine: Int)
    /// A `###` (or deeper) heading before the first `##` category.
    case codeBeforeCategory(SourceLocation, heading: String)
    /// An attribute (`wifa:`, `trefwoorden:`, …) given a second time in one code's section.
    case attributeGivenTwice(SourceLocation, key: String, codeID: String, firstLine: Int)
    /// No `#` title anywhere in the file.
    case noTitle(SourceLocation)
    /// No `##` or deeper heading became a code.
    case noCodes(SourceLocation)
    /// A `deelvraag:` value that is not a list of numbers.
    case deelvraagNotANumber(SourceLocation, value: String)
    /// A `wifa:` value that is none of the four dimensions.
    case unknownWIFADimension(SourceLocation, value: String)
    /// A `vraag:` on a heading without exactly one deelvraag, so it cannot say whose question it is.
    case questionWithoutOneDeelvraag(SourceLocation)
    /// A `deelvraag X: question` line under the title whose X is not a number.
    case deelvraagQuestionWithoutNumber(SourceLocation, key: String)
    /// A mistake in a code's `trefwoorden:` or `uitsluiten:` list (`key`), at the column of the
    /// mistake in the codebook line.
    case keywordRule(SourceLocation, key: String, codeID: String, KeywordRuleError)

    /// Every codebook problem but a repeated attribute stops counting.
    public var severity: Diagnostic.Severity {
        switch self {
        case .attributeGivenTwice: .warning
        default: .error
        }
    }

    /// The line (and column) in the codebook.
    public var location: SourceLocation {
        switch self {
        case .secondTitle(let location, _), .emptyID(let location, _), .duplicateID(let location, _, _),
             .codeBeforeCategory(let location, _), .attributeGivenTwice(let location, _, _, _), .noTitle(let location),
             .noCodes(let location), .deelvraagNotANumber(let location, _), .unknownWIFADimension(let location, _),
             .questionWithoutOneDeelvraag(let location), .deelvraagQuestionWithoutNumber(let location, _),
             .keywordRule(let location, _, _, _):
            location
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case .secondTitle(_, let title): "a second title (`#` heading) \"\(title)\""
        case .emptyID(_, let heading): "heading \"\(heading)\" gives an empty id"
        case .duplicateID(_, let id, let firstLine): "code id \"\(id)\" is defined twice (first at line \(firstLine))"
        case .codeBeforeCategory(_, let heading): "code \"\(heading)\" stands before any category"
        case .attributeGivenTwice(_, let key, let codeID, let firstLine):
            "`\(key):` is given twice for \"\(codeID)\" (first at line \(firstLine)); only this line counts"
        case .noTitle: "the codebook has no `#` title"
        case .noCodes: "the codebook has no codes"
        case .deelvraagNotANumber(_, let value): "deelvraag \"\(value)\" is not a number"
        case .unknownWIFADimension(_, let value): "wifa \"\(value)\" is not a WIFA dimension"
        case .questionWithoutOneDeelvraag: "`vraag:` needs exactly one deelvraag on this heading"
        case .deelvraagQuestionWithoutNumber(_, let key): "\"\(key)\" does not name a deelvraag number"
        case .keywordRule(_, let key, let codeID, let error): "\(key) of \"\(codeID)\": \(error.message)"
        }
    }

    /// What the researcher can do about it.
    public var advice: String {
        switch self {
        case .secondTitle: "keep one `#` title; use `##` for categories"
        case .emptyID: "add an id at the end of the heading, like `{#my-code}`"
        case .duplicateID: "rename one, e.g. with `{#another-id}` at the end of the heading"
        case .codeBeforeCategory: "put a `##` category heading above it"
        case .attributeGivenTwice(_, let key, _, _): "put everything on one `\(key):` line"
        case .noTitle: "start the file with a line like `# Codeboom of my study`"
        case .noCodes: "add categories as `##` headings and codes as `###` headings"
        case .deelvraagNotANumber: "write the number of the sub-question, like `deelvraag: 2` or `deelvraag: 1, 2`"
        case .unknownWIFADimension: "use W, I, F or A (Waardering, Informeren, Faciliteren, Afstemming)"
        case .questionWithoutOneDeelvraag: "put `deelvraag: N` above the `vraag:` line"
        case .deelvraagQuestionWithoutNumber: "write it as `deelvraag 1: the question`"
        case .keywordRule(_, _, _, let error): error.advice
        }
    }
}
