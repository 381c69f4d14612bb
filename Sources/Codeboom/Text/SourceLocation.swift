/// Where in a file something stands; columns count Unicode scalars from 1.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path as the user should see it, relative to the project folder; empty for text that no file
    /// is known for yet (bytes handed to a decoder or reader without a name).
    public var file: String
    /// The line, from 1; nil when the problem is about the whole file.
    public var line: Int?
    /// The column, from 1, in Unicode scalars of the line; nil when only the line is known.
    public var column: Int?
    /// The row of a table, from 1 (its header row), for a file read as a table rather than as lines:
    /// a Word coding sheet. Shown as `file: row N`.
    public var row: Int?

    /// A place in `file`, at a line and column when they are known.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Row `row` of the table in `file`.
    public init(file: String, row: Int) {
        self.file = file
        self.row = row
    }

    /// `file:line:col` (as far as they are known); without a file, `line:col`; a table's row as `file: row N`.
    public var description: String {
        if let row, line == nil { return file.isEmpty ? "row \(row)" : "\(file): row \(row)" }
        var parts = file.isEmpty ? [] : [file]
        if let line {
            parts.append(String(line))
            if let column { parts.append(String(column)) }
        }
        return parts.joined(separator: ":")
    }

    /// By file, then line, then column; a place without a line comes first in its file.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? lhs.row ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? rhs.row ?? 0, rhs.column ?? 0)
    }
}
