import Foundation

/// A CSV file read into rows by header name, keeping each row's line number for error messages.
public struct CSVTable: Sendable, Equatable {
    /// One record of the file.
    public struct Row: Sendable, Equatable {
        /// 1-based line in the file where the row starts.
        public var line: Int
        /// Values in header order; `columns` (shared by all rows) says where each column is.
        public var values: [String]
        var columns: [String: Int]

        /// The trimmed value of a column, or nil when the column is absent or empty.
        public subscript(column: String) -> String? {
            self[at: columns[column]]
        }

        /// The trimmed value at a column's position (`CSVTable.position(of:)`), for readers of many
        /// rows that look each column up once; nil when the column is absent or the value empty.
        public subscript(at position: Int?) -> String? {
            guard let position, position < values.count else { return nil }
            let value = values[position].trimmingSpaces
            return value.isEmpty ? nil : value
        }
    }

    /// Where a column is in every row; the first one of that name.
    public func position(of column: String) -> Int? { header.firstIndex(of: column) }

    /// The column names of the first record, trimmed and lower-cased.
    public var header: [String]
    /// The records after the header, in file order.
    public var rows: [Row]

    /// Parses RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes); also accepts `;`
    /// as separator when the header has no comma, as Dutch Excel writes it. Header names are lower-cased.
    /// - Complexity: O(n), one pass over the UTF-8 bytes.
    public init(text: String) {
        var records: [(line: Int, fields: [String])] = []
        var text = text
        text.withUTF8 { bytes in
            CSVRecords.forEach(in: bytes) { line, fields in
                records.append((line, (0..<fields.count).map { String(decoding: fields.bytes(at: $0), as: UTF8.self) }))
            }
        }
        header = records.first?.fields.map { $0.trimmingSpaces.lowercased() } ?? []
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        rows = records.dropFirst().map { Row(line: $0.line, values: $0.fields, columns: columns) }
    }

    /// Quotes a field when it holds a separator, quote or line break.
    public static func escape(_ field: String) -> String {
        if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x3B || $0 == 0x0D }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

