/// A number with its noun in singular or plural, as Dutch wants it: "1 treffer", "3 treffers",
/// "0 documenten".
enum Counted {
    static func phrase(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
