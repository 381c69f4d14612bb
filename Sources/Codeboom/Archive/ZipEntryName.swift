import Foundation

/// Decoding and safety checks for entry names, which come from untrusted bytes
/// and would otherwise let an archive point outside the folder it is read into.
enum ZipEntryName {
    /// Decodes name bytes: UTF-8 when valid (or flagged), else IBM code page 437 as the ZIP format specifies.
    static func decode(_ bytes: Data, isUTF8: Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if isUTF8 { return String(decoding: bytes, as: UTF8.self) }
        var text = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 {
                text.append(Unicode.Scalar(byte))
            } else {
                text.append(codePage437High[Int(byte) - 0x80])
            }
        }
        return String(text)
    }

    /// Refuses names that are empty, hold NUL, are absolute or climb out with `..`,
    /// treating `\` as a separator too because some extractors do.
    static func validate(_ name: String) throws(ArchiveError) {
        if name.isEmpty || name.unicodeScalars.contains("\0") {
            throw .invalidEntryName(entry: name)
        }
        let scalars = Array(name.unicodeScalars.prefix(2))
        if scalars[0] == "/" || scalars[0] == "\\" {
            throw .absolutePath(entry: name)
        }
        if scalars.count == 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic {
            throw .absolutePath(entry: name)
        }
        let components = name.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }
        if components.contains(where: { $0 == ".." }) {
            throw .pathTraversal(entry: name)
        }
    }

    private static let codePage437High: [Unicode.Scalar] = Array(
        ("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}").unicodeScalars
    )
}
