extension Array where Element == String {
    /// The items as Dutch lists them in a sentence: "a", "a en b", "a, b en c"; empty for no items.
    var joinedAsDutchList: String {
        guard let last, count > 1 else { return last ?? "" }
        return dropLast().joined(separator: ", ") + " en " + last
    }
}
