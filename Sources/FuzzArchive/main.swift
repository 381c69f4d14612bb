import Codeboom
import Foundation
import FuzzSupport

// The ZIP reader and the .docx and .odt readers. The first byte picks what the rest is:
// 0 any archive, every entry inflated; 1 a .docx; 2 an .odt; 3 the parts of a .docx and
// 4 the content.xml of an .odt, separated by 0xFF bytes and packed into a valid archive here,
// so mutations reach the XML readers instead of failing the archive's checksums.
let wordParts = ["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "_rels/.rels"]
let openDocumentParts = ["content.xml"]

// The reader on its own, checking the comment ranges it returns, then the file as `check` reads it,
// with its comments turned into codings.
func read(_ data: Data, as format: String) {
    if let extracted = try? (format == "docx" ? WordDocumentReader().read(data) : OpenDocumentReader().read(data)) {
        FuzzInvariants.check(extracted)
    }
    guard let parsed = FuzzHarness.readDocument(data, named: "fuzz.\(format)") else { return }
    FuzzInvariants.check(parsed)
    _ = CommentCodings.read(parsed.annotations, document: parsed.document, codebook: FuzzFixtures.codebook)
}

func packed(_ bytes: ArraySlice<UInt8>, as names: [String]) -> Data {
    let parts = bytes.split(separator: 0xFF, maxSplits: names.count - 1, omittingEmptySubsequences: false)
    // An empty part is left out, so one input can hold any subset of the parts.
    return StoredZip.archive(zip(names, parts).filter { !$1.isEmpty }.map { ($0, Array($1)) })
}

FuzzHarness.run { bytes in
    guard let selector = bytes.first else { return }
    let rest = bytes.dropFirst()
    switch selector % 5 {
    case 0:
        guard let archive = try? ZipArchive(data: Data(rest)) else { return }
        for name in archive.entryNames { _ = try? archive.data(for: name) }
    case 1: read(Data(rest), as: "docx")
    case 2: read(Data(rest), as: "odt")
    case 3: read(packed(rest, as: wordParts), as: "docx")
    default: read(packed(rest, as: openDocumentParts), as: "odt")
    }
}
