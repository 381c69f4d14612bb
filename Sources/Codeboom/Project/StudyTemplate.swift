/// The files of a new study, as `codeboom init` writes them: a codebook with the skeleton the Dutch
/// studies use, the corpus's tables with their headers, a README with the next steps and, unless
/// empty, one example theme per category and one example transcript that codes each of them.
///
/// The texts are Swift literals, not package resources, so a statically linked binary carries them.
public struct StudyTemplate: Sendable, Equatable {
    /// What a new study holds besides its folders, its codebook's categories and its tables' headers.
    public enum Content: Sendable, Equatable {
        /// An example theme in each category, an example transcript coding them and one pseudonym:
        /// `check` is clean and `report` writes pages with themes and quotes at once.
        case example
        /// Only the skeleton: categories without themes, tables with only their headers, no transcript.
        case empty
    }

    /// One file of the study.
    public struct File: Sendable, Equatable {
        /// Relative to the study's folder, with `/` between folders.
        public var path: String
        /// The whole text, UTF-8 when written.
        public var text: String
    }

    /// Which variant this is.
    public var content: Content
    /// The files in the order they are written; folders come from their paths.
    public var files: [File]

    /// The codebook's path in a new study.
    public static let codebookPath = "Codebooks/codeboom.md"
    /// The example transcript's path.
    public static let exampleTranscriptPath = "Corpus/interview-01.txt"

    /// The study with or without example content.
    public init(_ content: Content = .example) {
        self.content = content
        let example = content == .example
        var files = [
            File(path: "README.md", text: Self.readme(example: example)),
            File(path: Self.codebookPath, text: Self.codebook(example: example)),
        ]
        if example { files.append(File(path: Self.exampleTranscriptPath, text: Self.exampleTranscript)) }
        files += [
            File(path: "Corpus/respondenten.csv", text: "respondent,perspectief,document,spreker\n"),
            File(path: "Corpus/documenten.csv", text: "document,type,perspectief,respondent\n"),
            File(path: "Corpus/pseudoniemen.csv", text: "naam,pseudoniem\n" + (example ? Self.examplePseudonyms : "")),
        ]
        self.files = files
    }

    /// The folders the files need, parents before children.
    public var folders: [String] {
        var folders: [String] = []
        for file in files {
            var parts = file.path.split(separator: "/").dropLast()
            var prefixes: [String] = []
            while !parts.isEmpty {
                prefixes.insert(parts.joined(separator: "/"), at: 0)
                parts = parts.dropLast()
            }
            for folder in prefixes where !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }
}
