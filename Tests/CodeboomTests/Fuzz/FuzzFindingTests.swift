import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

/// Inputs that `Scripts/fuzz.sh` found to crash, hang or break a reader's promises, kept as regression
/// tests. Each says which target found it and what went wrong; where the fuzzer's bytes are not
/// readable, a hand-reduced input with the same cause stands in for them.
@Suite struct FuzzFindingTests {
    // csv target, timeout (over 10 s for a 433-byte pseudoniemen.csv applied to a 200-character text;
    // 315 bytes minimised): each row replaced the names in the output of the rows before it, so a
    // pseudonym that holds its own name multiplies it once per row. The fuzzer's table listed "\0" (no
    // letters, so a whole word wherever it stands) several times, with a pseudonym of a dozen NULs: the
    // text grew 12-fold per row, to 28.7 million scalars. Since TextDecoder refuses NUL bytes that file
    // no longer gets this far, but "-" does the same, and so does a real name.
    // Fixed by the one-pass PseudonymTable (issue 12 items 2–3).
    @Test("pseudonyms replace each name in the original text once, however often the table lists it")
    func pseudonymsThatHoldTheirNameDoNotMultiply() {
        let table = PseudonymTable.parse("naam,pseudoniem\nAnouk,Anouk Anouk\nAnouk,Anouk Anouk\nAnouk,Anouk Anouk\n",
                                         file: "Corpus/pseudoniemen.csv").table
        #expect(table.apply(to: "Anouk zegt ja.") == "Anouk Anouk zegt ja.")
    }

    @Test("a listed name without letters cannot make the output grow with every row")
    func nameWithoutLettersDoesNotMultiply() {
        let pseudonym = Array(repeating: "-", count: 12).joined(separator: " ")
        let rows = Array(repeating: "-,\(pseudonym)\n", count: 4).joined()
        let table = PseudonymTable.parse("naam,pseudoniem\n" + rows, file: "Corpus/pseudoniemen.csv").table
        let text = "Anouk - Bram: ja - nee."
        // One pass replaces each scalar at most once, by one pseudonym: the output cannot be longer than this.
        let bound = text.unicodeScalars.count * pseudonym.unicodeScalars.count
        #expect(table.apply(to: text).unicodeScalars.count <= bound)
    }

    // archive target, crash (SIGSEGV): FoundationXML's XMLParser passed a NULL pointer to strlen for a
    // processing instruction without data. The fuzzer's input (3,811 bytes) was the parts of a .docx
    // whose XML declaration had become `<?xmlurn:oasis:names:tc:opendocument:xmlns:office:1.0?>`.
    // Fixed by SafeXML's own parser (which skips processing instructions) before this test was written.
    @Test("a processing instruction without data is skipped, before the root and inside a paragraph")
    func processingInstructionWithoutData() throws {
        var word = TestZipWriter()
        word.add("word/document.xml", """
            <?xmlurn:oasis:names:tc:opendocument:xmlns:office:1.0?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>R: Het klikt.</w:t></w:r><?target?></w:p></w:body></w:document>
            """)
        #expect(try WordDocumentReader().read(word.archive()).text == "R: Het klikt.")

        var openDocument = TestZipWriter()
        openDocument.add("content.xml", """
            <?target?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>\
            <text:p>R: Het <?target?>klikt.</text:p></office:text></office:body></office:document-content>
            """)
        #expect(try OpenDocumentReader().read(openDocument.archive()).text == "R: Het klikt.")
    }
}
