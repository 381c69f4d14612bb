extension String {
    /// The text with its first letter a capital, as a Dutch sentence or table heading starts:
    /// "vrijwilligers" → "Vrijwilligers", "één van de …" → "Eén van de …" (Dutch capitalises only
    /// the e, and drops its accent), "ijverige …" → "IJverige …" (the digraph ij is one letter).
    /// The rest of the text is left as it is.
    var capitalisingFirstLetter: String {
        if hasPrefix("één") { return "Eén" + dropFirst(3) }
        if hasPrefix("ij") { return "IJ" + dropFirst(2) }
        return prefix(1).uppercased() + dropFirst()
    }
}
