import Codeboom
import Foundation

extension FuzzTarget {
    /// What the first byte of an `archive` input selects (modulo 5). The packed kinds hold XML parts
    /// separated by 0xFF bytes, which the target packs into a valid archive, so that mutations reach the
    /// XML readers instead of failing the archive's checksums; an empty part is left out.
    public enum ArchiveKind: UInt8, CaseIterable, Sendable {
        /// Any ZIP archive, every entry inflated.
        case zip = 0
        case docx = 1
        case odt = 2
        /// The parts of a .docx, in the order of `parts`.
        case packedDocx = 3
        /// The `content.xml` of an .odt.
        case packedODT = 4

        /// The entries a packed kind's parts become.
        public var parts: [String] {
            switch self {
            case .packedDocx: ["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "_rels/.rels"]
            case .packedODT: ["content.xml"]
            default: []
            }
        }
    }

    static func archive(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let rest = bytes.dropFirst()
        let kind = ArchiveKind(rawValue: selector % 5)!
        switch kind {
        case .zip:
            guard let archive = try? ZipArchive(data: Data(rest)) else { return }
            for name in archive.entryNames { _ = try? archive.data(for: name) }
        case .docx: readArchive(Data(rest), as: "docx")
        case .odt: readArchive(Data(rest), as: "odt")
        case .packedDocx: readArchive(packed(rest, as: kind.parts), as: "docx")
        case .packedODT: readArchive(packed(rest, as: kind.parts), as: "odt")
        }
    }

    /// The reader on its own, checking the comment ranges it returns, then the file as `check` reads it,
    /// with its comments turned into codings.
    private static func readArchive(_ data: Data, as format: String) {
        if let extracted = try? (format == "docx" ? WordDocumentReader().read(data) : OpenDocumentReader().read(data)) {
            FuzzInvariants.check(extracted)
        }
        guard let parsed = FuzzHarness.readDocument(data, named: "fuzz.\(format)") else { return }
        FuzzInvariants.check(parsed)
        _ = CommentCodings.read(parsed.annotations, document: parsed.document, codebook: FuzzFixtures.codebook)
    }

    private static func packed(_ bytes: ArraySlice<UInt8>, as names: [String]) -> Data {
        let parts = bytes.split(separator: 0xFF, maxSplits: names.count - 1, omittingEmptySubsequences: false)
        return StoredZip.archive(zip(names, parts).filter { !$1.isEmpty }.map { ($0, Array($1)) })
    }
}
