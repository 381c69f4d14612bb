/// A REFI-QDA project (`project.qde` of a `.qdpx`) or codebook (`.qdc`) as read, before it becomes a
/// Codeboom project: only what the import uses, with GUIDs in one form (lower case, without braces).
public struct REFIProject: Sendable, Equatable {
    /// A user of the other tool: a coder.
    public struct User: Sendable, Equatable {
        /// The normalised GUID.
        public var guid: String
        /// `name`, else `id`, else nil.
        public var name: String?
    }

    /// A code of the code tree, with its children.
    public struct Code: Sendable, Equatable {
        /// The normalised GUID.
        public var guid: String
        /// `name` as written.
        public var name: String
        /// `isCodable`; a category the other tool does not let anyone code is false.
        public var isCodable: Bool
        /// `color` (`#RRGGBB`), if given.
        public var color: String?
        /// The `Description`, if any.
        public var description: String?
        /// The codes one level down, in order.
        public var children: [Code]
    }

    /// A `Variable` of the project: a name such as `perspectief` or `Geslacht`.
    public struct Variable: Sendable, Equatable {
        /// The normalised GUID.
        public var guid: String
        /// `name` as written.
        public var name: String
    }

    /// A value of a variable, on a case or a source.
    public struct VariableValue: Sendable, Equatable {
        /// The variable's normalised GUID.
        public var variable: String
        /// The value as text (`TextValue`, `IntegerValue`, …).
        public var value: String
    }

    /// A `Case`: a respondent, an organisation, … with its values and what it covers.
    public struct Case: Sendable, Equatable {
        /// The normalised GUID.
        public var guid: String
        /// `name`, if given.
        public var name: String?
        /// Its variable values.
        public var values: [VariableValue]
        /// Whole sources it covers (`SourceRef`).
        public var sources: [String]
        /// Selections it covers (`SelectionRef`): where the respondent speaks.
        public var selections: [String]
    }

    /// One `Coding` of a selection: a code, by whom.
    public struct Coding: Sendable, Equatable {
        /// The normalised GUID of the coding.
        public var guid: String
        /// The normalised GUID of the code its `CodeRef` names; nil when it has none.
        public var code: String?
        /// `creatingUser` of the coding, else of its selection.
        public var user: String?
    }

    /// A `PlainTextSelection`: code points `start..<end` of its source's text.
    public struct Selection: Sendable, Equatable {
        /// The normalised GUID.
        public var guid: String
        /// `name`, if given; Codeboom's export names a selection an inline tag made after the tag (`#klik`).
        public var name: String? = nil
        /// `startPosition`.
        public var start: Int
        /// `endPosition` (exclusive).
        public var end: Int
        /// Its codings.
        public var codings: [Coding]
        /// The notes it refers to (`NoteRef`), normalised GUIDs.
        public var notes: [String]
    }

    /// The kind of a source, as its element names it.
    public enum SourceKind: String, Sendable, Equatable {
        /// `TextSource`: read.
        case text = "TextSource"
        /// `PDFSource`, skipped unless it carries a text `Representation`.
        case pdf = "PDFSource"
        /// `PictureSource`, skipped.
        case picture = "PictureSource"
        /// `AudioSource`, skipped.
        case audio = "AudioSource"
        /// `VideoSource`, skipped.
        case video = "VideoSource"
    }

    /// A source of the project.
    public struct Source: Sendable, Equatable {
        /// What kind of source.
        public var kind: SourceKind
        /// The normalised GUID.
        public var guid: String
        /// `name`, if given.
        public var name: String?
        /// `plainTextPath` (text sources) or `path` (others), as written.
        public var path: String?
        /// `richTextPath`, as written.
        public var richTextPath: String?
        /// `PlainTextContent`, text held in the project file itself.
        public var content: String?
        /// Its plain-text selections (text sources).
        public var selections: [Selection]
        /// Codings of the whole source.
        public var codings: [Coding]
        /// Selections of other kinds (PDF, picture, audio, video), counted to say what is skipped.
        public var otherSelectionCount: Int
        /// The codings of those selections.
        public var otherSelectionCodingCount: Int = 0
        /// Its variable values (MAXQDA writes them here).
        public var values: [VariableValue]
        /// Notes on the whole source.
        public var notes: [String]
    }

    /// A `Note`: a memo.
    public struct Note: Sendable, Equatable {
        /// The normalised GUID.
        public var guid: String
        /// `name`, if given.
        public var name: String?
        /// `PlainTextContent`.
        public var text: String
    }

    /// `name` of the project (of the file, for a codebook).
    public var name: String
    /// `origin`: the tool that wrote it.
    public var origin: String?
    /// The users.
    public var users: [User]
    /// The code tree's roots.
    public var codes: [Code]
    /// The variables.
    public var variables: [Variable]
    /// The cases.
    public var cases: [Case]
    /// The sources, in document order.
    public var sources: [Source]
    /// The notes.
    public var notes: [Note]
    /// The project's `Description`.
    public var description: String?

    /// The form GUIDs are compared in: lower case, without braces or white space (NVivo writes `{ABC…}`).
    public static func normalisedGUID(_ guid: String) -> String {
        var text = guid.trimmingSpaces
        if text.hasPrefix("{") && text.hasSuffix("}") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return text.lowercased()
    }
}
