/// A codings file that `review` and `merge` add answers to and take them back from, one row at a
/// time: `Corpus/codings/CODER.csv`, or the file of rejections beside it (``rejectionsName(of:)``).
///
/// Rows the tool did not write — typed by hand, from another command — are kept byte for byte, in
/// their place; a new row is written in the file's own columns and separator (`;` as Dutch Excel
/// writes it). The text is what the command writes back whole, atomically, after each answer.
public struct ReviewCodingsFile: Sendable, Equatable {
    /// Which coding a row is about: a segment of a document and a code.
    public struct Key: Sendable, Hashable, Comparable {
        /// The document's id.
        public var documentID: String
        /// The segment's number, from 1.
        public var segment: Int
        /// The code's id.
        public var codeID: String

        /// The coding of `codeID` on segment `segment` of `documentID`.
        public init(documentID: String, segment: Int, codeID: String) {
            self.documentID = documentID
            self.segment = segment
            self.codeID = codeID
        }

        /// By document, segment and code.
        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.documentID, lhs.segment, lhs.codeID) < (rhs.documentID, rhs.segment, rhs.codeID)
        }
    }

    /// One record: its lines as written and, when it names a document, segment and code, its key.
    struct Record: Sendable, Equatable {
        var lines: [String]
        var key: Key?
        var values: [String: String]
    }

    /// The header line as written.
    private var headerLine: String
    /// The header's names, lower-cased and trimmed.
    public private(set) var columns: [String]
    private var separator: Character
    private var records: [Record]
    /// The values of the last row of each key, so answers are looked up in constant time.
    private var lastValues: [Key: [String: String]] = [:]

    /// The columns of a new codings file.
    public static let codingColumns = ["document", "segment", "code", "start", "end", "memo"]
    /// The columns of a new rejections file: the suggestion, who suggested it (`from`), the code
    /// given instead (when the coder changed it) and the memo.
    public static let rejectionColumns = ["document", "segment", "code", "from", "instead", "memo"]

    /// The rejections file beside `CODER.csv`: `CODER.rejected.csv`, which is never read as codings.
    public static func rejectionsName(of coder: String) -> String { "\(coder)\(rejectionsSuffix)" }
    /// How the name of a rejections file ends.
    public static let rejectionsSuffix = ".rejected.csv"

    /// The file with `text`, or a new one with `columns` when there is none (`text` nil or empty).
    public init(text: String?, newColumns: [String]) {
        guard let text, !text.trimmingSpaces.isEmpty else {
            headerLine = newColumns.joined(separator: ",")
            columns = newColumns
            separator = ","
            records = []
            return
        }
        let table = CSVTable(text: text)
        // Split on the bytes: as Characters, "\r\n" is one and would not split at "\n".
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        headerLine = lines.first ?? ""
        columns = table.header
        separator = !headerLine.contains(",") && headerLine.contains(";") ? ";" : ","
        var records: [Record] = []
        // Each record runs from its first line to the line before the next record's.
        let starts = table.rows.map { $0.line - 1 }
        // Lines between the header and the first record (blank ones) stay with the header's record.
        if let first = starts.first, first > 1 { records.append(Record(lines: Array(lines[1..<first]), key: nil, values: [:])) }
        for (index, row) in table.rows.enumerated() {
            let start = starts[index]
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count
            guard start < end, end <= lines.count else { continue }
            var values: [String: String] = [:]
            for name in table.header where values[name] == nil { values[name] = row[name] }
            var key: Key? = nil
            if let document = values["document"], let segment = values["segment"].flatMap({ Int($0) }), let code = values["code"] {
                key = Key(documentID: document, segment: segment, codeID: code)
            }
            records.append(Record(lines: Array(lines[start..<end]), key: key, values: values))
        }
        self.records = records
        for record in records { if let key = record.key { lastValues[key] = record.values } }
    }

    /// The whole file as it is to be written.
    public var text: String {
        ([headerLine] + records.flatMap(\.lines)).joined(separator: "\n") + "\n"
    }

    /// Every key the file has rows for.
    public var keys: Set<Key> { Set(lastValues.keys) }

    /// The values of the last row with `key`, by column name; nil when there is none.
    public func values(of key: Key) -> [String: String]? {
        lastValues[key]
    }

    /// Adds a row for `key` with `values` (by column name) in the file's own columns; a value for a
    /// column the file lacks (a memo in a file without `memo`) adds the column to the header.
    public mutating func append(_ key: Key, values extra: [String: String] = [:]) {
        var values = extra.filter { !$0.value.isEmpty }
        values["document"] = key.documentID
        values["segment"] = String(key.segment)
        values["code"] = key.codeID
        for name in values.keys.sorted() where !columns.contains(name) {
            columns.append(name)
            // Before a CRLF file's "\r", which stays the line's end.
            let ending = headerLine.hasSuffix("\r") ? "\r" : ""
            headerLine = String(headerLine.dropLast(ending.count)) + String(separator) + name + ending
        }
        let line = columns.map { name in Self.escape(values[name] ?? "", separator: separator) }.joined(separator: String(separator))
        records.append(Record(lines: [line], key: key, values: values))
        lastValues[key] = values
    }

    /// Removes every row with `key`; whether there was one.
    @discardableResult
    public mutating func remove(_ key: Key) -> Bool {
        let before = records.count
        guard lastValues.removeValue(forKey: key) != nil else { return false }
        records.removeAll { $0.key == key }
        return records.count != before
    }

    /// Whether the file can take rows by segment: it has `document`, `segment` and `code` columns.
    public var hasSegmentColumns: Bool { ["document", "segment", "code"].allSatisfy(columns.contains) }

    private static func escape(_ field: String, separator: Character) -> String {
        let escaped = CSVTable.escape(field)
        // CSVTable quotes on `,` and `;` alike; a field without either needs nothing more.
        return escaped
    }

    /// Why a codings file could not be read: the line to print.
    public struct ReadFailure: Error, Sendable {
        /// `path: error: what — what to do`.
        public var message: String
    }

    /// The text of the file at `absolutePath` (shown as `path`), or nil when there is none yet.
    /// A file that is there but cannot be read or decoded is an error, never taken as empty.
    public static func readText(absolutePath: String, path: String) throws(ReadFailure) -> String? {
        let present: [UInt8]?
        do throws(FileBytes.Failure) {
            present = try FileBytes.readIfPresent(absolutePath)
        } catch {
            throw ReadFailure(message: "\(TerminalText.escaped(path)): error: cannot read (\(error.reason)) — check that it is a file you may read")
        }
        guard let bytes = present else { return nil }
        do throws(TextDecodingError) {
            return try TextDecoder.decode(bytes, file: path).text
        } catch {
            throw ReadFailure(message: error.description)
        }
    }
}
