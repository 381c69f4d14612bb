/// The notes of a project as the import keeps them (364,000 of them for 10,000 transcripts): by compact GUID,
/// each text once and each name once, in the project's order with duplicates, for the memos of the codings and
/// the message about the notes linked to no coded selection.
struct REFIImportNotes {
    /// Every note's GUID in order, duplicates too.
    private(set) var order: [REFIImportGUIDKey] = []
    /// The text, name (an index into `names`, -1: none) and place in `order` of the first note with each GUID.
    private var entries: [REFIImportGUIDKey: (text: String, name: Int32, first: Int32)] = [:]
    /// The names of the notes that repeat an earlier GUID, by their place in `order`.
    private var duplicateNames: [Int: Int32] = [:]
    private var names: [String] = []
    private var nameIndex: [String: Int32] = [:]
    /// One message per note whose GUID an earlier note has.
    private(set) var warnings: [String] = []

    /// Adds the notes in order.
    mutating func add(_ notes: [REFIProject.Note]) {
        for note in notes { add(REFIImportGUIDKey(note.guid), name: note.name, text: note.text) }
    }

    mutating func add(_ key: REFIImportGUIDKey, name: String?, text: String) {
        let nameNumber: Int32
        if let name {
            if let number = nameIndex[name] { nameNumber = number } else {
                names.append(name)
                nameNumber = Int32(names.count - 1)
                nameIndex[name] = nameNumber
            }
        } else {
            nameNumber = -1
        }
        order.append(key)
        if entries[key] != nil {
            warnings.append("note \(key) has the GUID of an earlier note; the second was left out")
            duplicateNames[order.count - 1] = nameNumber
            return
        }
        entries[key] = (text, nameNumber, Int32(order.count - 1))
    }

    /// `other`'s notes after these, in its order.
    mutating func append(_ other: REFIImportNotes) {
        for (position, key) in other.order.enumerated() {
            let first = other.entries[key]!
            let name = other.duplicateNames[position] ?? first.name
            add(key, name: name >= 0 ? other.names[Int(name)] : nil, text: first.text)
        }
    }

    /// The place in `order` of the first note with this GUID: all notes with it are that one for a coding.
    func first(of key: REFIImportGUIDKey) -> Int? { entries[key].map { Int($0.first) } }

    /// The text of the first note with this GUID.
    func text(of key: REFIImportGUIDKey) -> String? { entries[key]?.text }

    /// The name of the note at `position` in `order`.
    func name(at position: Int) -> String? {
        let number = duplicateNames[position] ?? entries[order[position]]?.name ?? -1
        return number >= 0 ? names[Int(number)] : nil
    }
}
