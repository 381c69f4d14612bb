import Testing

@testable import Codeboom

@Suite struct REFIGUIDTests {
    // Expected values from Python's uuid.uuid5 and hashlib.sha1, an independent implementation.
    @Test("GUIDs are the version-5 UUIDs Python's uuid.uuid5 gives for the same names", arguments: [
        ("code:juiste-match", "5eb44386-35a2-5937-9f28-c54a2f17b372"),
        ("user:TS", "6bb62fd0-15c0-5ed0-8433-df6451c375d1"),
        ("source:interview-05", "86ad5d9e-ec19-57ee-a3ca-5b6842390f3a"),
        ("variable:perspectief", "78b3eef9-8d03-521a-bb5b-96576a5cc861"),
        ("case:V1", "3c82cc16-a65b-5a17-a289-799c0eec3a66"),
        ("selection:tekens#0", "aae42bb4-df63-5830-8a9f-035348ace6ad"),
        ("code:Thema · één 😀", "de3d60a8-af29-527d-968d-30d707e82c7b"),
    ])
    func matchesPython(name: String, guid: String) {
        #expect(REFIGUID.make(name) == guid)
    }

    @Test("the helpers name what they derive from")
    func helpersUseTheirPrefix() {
        #expect(REFIGUID.code("juiste-match") == "5eb44386-35a2-5937-9f28-c54a2f17b372")
        #expect(REFIGUID.user("TS") == "6bb62fd0-15c0-5ed0-8433-df6451c375d1")
        #expect(REFIGUID.source("interview-05") == "86ad5d9e-ec19-57ee-a3ca-5b6842390f3a")
        #expect(REFIGUID.respondentCase("V1") == "3c82cc16-a65b-5a17-a289-799c0eec3a66")
    }

    @Test("a document's selections, codings and notes are numbered within its source GUID")
    func partsAreNumbered() {
        let source = REFIGUID.bytes(of: "source:tekens")
        #expect(REFIGUID.source("tekens") == "ff47045f-9b59-5fb7-9d06-64f34c30ee49")
        #expect(REFIGUID.part(.selection, of: source, number: 258) == "ff47045f-9b59-5fb7-9d06-010000000102")
        #expect(REFIGUID.part(.note, of: source, number: 0) == "ff47045f-9b59-5fb7-9d06-030000000000")
    }

    @Test("SHA-1 gives the FIPS 180 test vectors, across block boundaries", arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        (String(repeating: "a", count: 1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
    ])
    func sha1(message: String, digest: String) {
        let hex = SHA1.digest(Array(message.utf8)).map { String($0, radix: 16).leftPadded() }.joined()
        #expect(hex == digest)
    }
}

extension String {
    fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
