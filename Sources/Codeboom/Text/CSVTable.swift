import Foundation

/// A CSV file read into rows by header name, keeping each row's line number for error messages.
public struct CSVTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 1-based line in the file where the row starts.
        public var line: Int
        public var fields: [String: String]

        /// The trimmed value of a column, or nil when the column is absent or empty.
        public subscript(column: String) -> String? {
            guard let value = fields[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
    }

    public var header: [String]
    public var rows: [Row]

    /// Parses RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes); also accepts `;`
    /// as separator when the header has no comma, as Dutch Excel writes it. Header names are lower-cased.
    public init(text: String) {
        let separator: Character = {
            let firstLine = text.prefix(while: { $0 != "\n" })
            return firstLine.contains(",") || !firstLine.contains(";") ? "," : ";"
        }()
        var records: [(line: Int, fields: [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append((recordLine, fields))
            }
            fields = []
            field = ""
        }
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                field = ""
                inQuotes = true
            } else if character == separator {
                fields.append(field)
                field = ""
            } else if character == "\n" {
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        header = records.first?.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
        let names = header
        rows = records.dropFirst().map { record in
            var byName: [String: String] = [:]
            for (index, name) in names.enumerated() where index < record.fields.count {
                byName[name] = record.fields[index]
            }
            return Row(line: record.line, fields: byName)
        }
    }

    /// Quotes a field when it holds a separator, quote or line break.
    public static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == ";" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

