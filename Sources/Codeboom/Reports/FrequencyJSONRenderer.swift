import Foundation

/// The frequency table as JSON, with the same numbers as the CSV.
public enum FrequencyJSONRenderer {
    struct Payload: Encodable {
        struct Row: Encodable {
            var code: String
            var path: String
            var perspective: String
            var segments: Int
            var documents: Int
            var respondents: Int
            var respondents_in_perspective: Int
        }
        struct PerspectiveSize: Encodable {
            var name: String
            var respondents: Int
        }
        var coder: String
        var perspectives: [PerspectiveSize]
        var rows: [Row]
    }

    /// The table as one JSON document.
    public static func render(_ table: FrequencyTable) -> String {
        let sizes = table.columns.map { perspective in
            Payload.PerspectiveSize(name: perspective.name,
                                    respondents: table.rows.first(where: { $0.perspective == perspective })?.respondentsInPerspective ?? 0)
        }
        let rows = table.rows.map { row in
            Payload.Row(code: row.codeID, path: row.path.joined(separator: "/"), perspective: row.perspective?.name ?? FrequencyTable.totalName,
                        segments: row.segments, documents: row.documents, respondents: row.respondents,
                        respondents_in_perspective: row.respondentsInPerspective)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Payload(coder: table.coder, perspectives: sizes, rows: rows))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
