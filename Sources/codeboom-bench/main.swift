#if canImport(Glibc)
import Glibc
#endif
import Codeboom
import Foundation

/// Benchmarks on a synthetic corpus. Figures are reported as ratios to a baseline measured in the
/// same run (reading the same files), so they compare across machines.
///
/// Usage: swift run -c release codeboom-bench [--documents N] [--kilobytes K] [--codes C] [--terms T]
///        [--commands] [--runs R] [--breakdown] [--parse-only] [--keep] [--reuse]
///        codeboom-bench --documents N --match-only [--reuse --keep]  (matching alone, best of 15)
///        codeboom-bench --single-segment WORDS [--runs R]    (search and autocode on one segment)
///        codeboom-bench --long-line MEGABYTES                (autocode's peak memory on one line)
///
/// `--commands` runs ripgrep and each command R times (default 3), in turns, and reports the
/// median of each, so a passing disturbance on the machine moves neither figure much.

func argument(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }
func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }

// One huge segment: linearity of search and autocode, and memory on one long line.
let codeboomBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("codeboom").path
if CommandLine.arguments.contains("--single-segment") {
    try SingleSegmentBench.runLinearity(words: argument("--single-segment", default: 47_000), runs: max(1, argument("--runs", default: 3)),
                                        binary: codeboomBinary)
    exit(0)
}
if CommandLine.arguments.contains("--long-line") {
    try SingleSegmentBench.runLongLine(megabytes: argument("--long-line", default: 50), binary: codeboomBinary)
    exit(0)
}

let documents = argument("--documents", default: 5000)
let kilobytes = argument("--kilobytes", default: 20)
let codes = argument("--codes", default: 25)
let termsPerCode = argument("--terms", default: 10)
let root = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-bench-\(documents)")
let corpus = SyntheticCorpus(root: root, documentCount: documents, kilobytes: kilobytes, codeCount: codes, termsPerCode: termsPerCode)

// --reuse keeps a corpus an earlier --keep left, so a profiler sees only the measured work.
let reuse = CommandLine.arguments.contains("--reuse") && FileManager.default.fileExists(atPath: root.appendingPathComponent("terms.txt").path)
let generation = try seconds { if !reuse { try corpus.write() } }
let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Corpus").path)
var bytes = 0
let baseline = seconds {
    for file in files {
        bytes += (try? Data(contentsOf: root.appendingPathComponent("Corpus").appendingPathComponent(file)))?.count ?? 0
    }
}
print("corpus: \(documents) documents, \(format(Double(bytes) / 1_048_576)) MB, \(codes) codes × \(termsPerCode) terms (generated in \(format(generation)) s)")
print("baseline (read every file once): \(format(baseline)) s")

// --parse-only: parsing alone, for profiling the parser.
if CommandLine.arguments.contains("--parse-only") {
    let urls = files.map { root.appendingPathComponent("Corpus").appendingPathComponent($0) }
    let texts = urls.map { (try? TextDecoder.decode(Array((try? Data(contentsOf: $0)) ?? Data())))?.text ?? "" }
    let table = RespondentTable(file: "r.csv")
    let elapsed = seconds {
        for text in texts {
            var parsed = DocumentParser.parse(text, file: "x", defaultID: "x")
            RespondentResolver.resolve(&parsed.document, table: table)
        }
    }
    print("parse+resolve, one thread: \(format(elapsed)) s for \(texts.count) documents")
    // The whole reading path a command takes per file: open, read, check and decode the bytes, parse.
    let reading = seconds {
        for url in urls { _ = DocumentReader.read(file: url.path, relativePath: "Corpus/" + url.lastPathComponent) }
    }
    print("read+decode+parse (DocumentReader), one thread: \(format(reading)) s for \(urls.count) documents")
    // Only this, so a profiler sees only it.
    if !CommandLine.arguments.contains("--keep") { try? FileManager.default.removeItem(at: root) }
    exit(0)
}

// --match-only: the keyword scan alone, and auto-coding's rows with it, one thread, best of 15 rounds
// over every document: the least a busy machine lets it take, to compare two builds.
if CommandLine.arguments.contains("--match-only") {
    let urls = files.map { root.appendingPathComponent("Corpus").appendingPathComponent($0) }
    let texts = urls.map { (try? TextDecoder.decode(Array((try? Data(contentsOf: $0)) ?? Data())))?.text ?? "" }
    let codebookURL = root.appendingPathComponent("Codebooks/synthetisch.md")
    let codebook = CodebookParser.parse(try String(contentsOf: codebookURL, encoding: .utf8), file: "c.md").codebook
    let rules = KeywordRules(codebook: codebook)
    var best = Double.infinity
    var count = 0
    for _ in 0..<15 {
        count = 0
        best = min(best, seconds { for text in texts { count += rules.matcher.matches(in: text).count } })
    }
    print("match only, one thread, best of 15: \(milliseconds(best)) for \(texts.count) documents, \(count) matches")
    let parsedDocuments = texts.map { DocumentParser.parse($0, file: "x", defaultID: "x").document }
    let coder = AutoCoder(rules: rules)
    var bestRows = Double.infinity
    var rowBytes = 0
    for _ in 0..<15 {
        rowBytes = 0
        bestRows = min(bestRows, seconds { for document in parsedDocuments { rowBytes += coder.sidecarRows(in: document).rows.count } })
    }
    print("autocode rows incl. match, one thread, best of 15: \(milliseconds(bestRows)), \(rowBytes) bytes of rows")
    if !CommandLine.arguments.contains("--keep") { try? FileManager.default.removeItem(at: root) }
    exit(0)
}

var load: ProjectLoad?
let loading = try seconds { load = try ProjectLoader.load(directory: root.path) }
print("load + check: \(format(loading)) s = \(format(loading / baseline))× baseline; \(load!.project.documents.count) documents, \(load!.project.codings.count) codings, \(load!.errors.count) errors")
var table: FrequencyTable?
let counting = seconds { table = FrequencyTable(project: load!.project, coder: "inline") }
print("freq (counting only): \(format(counting)) s = \(format(counting / baseline))× baseline; \(table!.rows.count) rows")
let rendering = seconds { _ = FrequencyCSVRenderer.render(table!) }
print("freq csv rendering: \(format(rendering)) s")
print("peak memory: \(format(peakResidentMegabytes())) MB (corpus \(format(Double(bytes) / 1_048_576)) MB)")


if CommandLine.arguments.contains("--breakdown") {
    let urls = files.prefix(3000).map { root.appendingPathComponent("Corpus").appendingPathComponent($0) }
    let raw = urls.map { Array((try? Data(contentsOf: $0)) ?? Data()) }
    var texts: [String] = []
    let decoding = seconds { texts = raw.map { (try? TextDecoder.decode($0))?.text ?? "" } }
    let validating = seconds { _ = raw.map { String(validating: $0, as: UTF8.self) } }
    let nfc = seconds { _ = texts.map { $0.precomposedStringWithCanonicalMapping } }
    var parsed: [ParsedDocument] = []
    let parsing = seconds { parsed = texts.map { DocumentParser.parse($0, file: "x", defaultID: "x") } }
    let reading = seconds { _ = urls.map { try? Data(contentsOf: $0) } }
    let rules = KeywordRules(codebook: load!.project.codebook)
    let coder = AutoCoder(rules: rules)
    let matching = seconds { for document in parsed { _ = rules.matcher.matches(in: document.document.text) } }
    let hitting = seconds { for document in parsed { _ = coder.hits(in: document.document) } }
    print("\(urls.count) docs, one thread: read \(milliseconds(reading)), decode \(milliseconds(decoding)) (validate \(milliseconds(validating)), nfc \(milliseconds(nfc))), parse \(milliseconds(parsing)), match \(milliseconds(matching)), hits incl. match \(milliseconds(hitting))")
}

if CommandLine.arguments.contains("--breakdown") {
    let project = load!.project
    var perspectives: [Perspective] = []
    let p1 = seconds { perspectives = project.perspectives }
    let p2 = seconds { for p in perspectives { _ = project.respondents(in: p) } }
    print("perspectives \(format(p1)) s, respondents(in:) \(format(p2)) s")
}


if CommandLine.arguments.contains("--commands") {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("codeboom").path
    let corpusPath = root.appendingPathComponent("Corpus").path
    let ripgrep = ["/usr/bin/rg", "/usr/local/bin/rg"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let megabytes = Double(bytes) / 1_048_576
    let runs = max(1, argument("--runs", default: 3))
    // The loaded project is not needed any more; let it go before other programs are timed.
    load = nil
    table = nil
    let commands: [(name: String, executable: String, arguments: [String])] =
        (ripgrep.map { [("rg -c -i -w -f TERMS CORPUS", $0, ["-c", "-i", "-w", "-f", root.appendingPathComponent("terms.txt").path, corpusPath])] } ?? [])
        + [("codeboom autocode", binary, ["autocode", "--project", root.path]),
           ("codeboom freq", binary, ["freq", "--format", "csv", "--project", root.path]),
           ("codeboom search", binary, ["search", "term1x1", "term7x3*", "\"gewoon eigenlijk\"", "--project", root.path])]
    // In turns: run k of every command before run k + 1 of any.
    var results = commands.map { _ in [(seconds: Double, megabytes: Double?)]() }
    for _ in 0..<runs {
        for (index, command) in commands.enumerated() {
            let result = measure(command.executable, command.arguments)
            results[index].append((result.seconds, result.megabytes))
        }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    print("\ncommands on the same files (median wall time of \(runs) runs, peak memory):")
    if ripgrep == nil { print("ripgrep not installed (apt-get install ripgrep): no ratio") }
    let rgSeconds = ripgrep == nil ? nil : median(results[0].map(\.seconds))
    for (index, command) in commands.enumerated() {
        let seconds = median(results[index].map(\.seconds))
        let all = results[index].map { format($0.seconds) }.joined(separator: ", ")
        let ratio = rgSeconds.map { index == 0 ? "" : " = \(format(seconds / $0))× ripgrep" } ?? ""
        let peak = results[index].compactMap(\.megabytes).max()
        let memory = peak.map { "\(format($0)) MB = \(format($0 / megabytes))× corpus" } ?? "?"
        print("\(command.name): \(format(seconds)) s (\(all))\(ratio); \(memory)")
    }
}



if !CommandLine.arguments.contains("--keep") { try? FileManager.default.removeItem(at: root) }
