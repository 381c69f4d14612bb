import Codeboom
import CodeboomCLI
import Foundation

let result = CommandRunner.run(arguments: Array(CommandLine.arguments.dropFirst()))
// Messages are for people: whatever a file name or an argument holds, it cannot steer their terminal.
// Output to a terminal likewise; output to a file or pipe stays exactly what the command produced.
let output = isatty(STDOUT_FILENO) == 1 ? TerminalText.escaped(result.standardOutput, keepingLineBreaks: true) : result.standardOutput
let errors = TerminalText.escaped(result.standardError, keepingLineBreaks: true)
if !output.isEmpty { FileHandle.standardOutput.write(Data(output.utf8)) }
if !errors.isEmpty { FileHandle.standardError.write(Data(errors.utf8)) }
exit(result.exitStatus)
