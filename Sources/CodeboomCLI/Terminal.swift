import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal an interactive command (`review`, `merge`) talks to: keys read one at a time in raw
/// mode (no echo, no line editing, Ctrl-C as a key), screens written as they are. The settings the
/// terminal had are put back when the command ends, also after SIGTERM or SIGHUP.
final class Terminal {
    /// A key as the commands read it.
    enum Key: Equatable {
        /// A printable character.
        case character(Character)
        case enter, backspace, escape, tab, left, right, up, down
        /// Ctrl-C or Ctrl-D: leave.
        case interrupt
        /// The input is gone (the terminal closed).
        case endOfInput
    }

    private let input: Int32
    private let output: Int32
    private var saved: termios?

    /// The terminal on stdin and stdout, or nil when either is not a terminal.
    init?(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        guard isatty(input) == 1, isatty(output) == 1 else { return nil }
        self.input = input
        self.output = output
    }

    /// Columns of the terminal; `COLUMNS`, else 80 when it does not say.
    static func width(of descriptor: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Columns of this terminal.
    var width: Int { Self.width(of: output) }

    /// Switches to raw mode: keys arrive one by one, unechoed, Ctrl-C as a byte.
    func enterRawMode() {
        var settings = termios()
        guard tcgetattr(input, &settings) == 0 else { return }
        saved = settings
        Terminal.restoreOnSignal = (input, settings)
        for signalNumber in [SIGTERM, SIGHUP] {
            signal(signalNumber) { number in
                if var settings = Terminal.restoreOnSignal?.settings, let input = Terminal.restoreOnSignal?.input {
                    tcsetattr(input, TCSANOW, &settings)
                }
                _exit(128 + number)
            }
        }
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        settings.c_iflag &= ~tcflag_t(IXON | ICRNL)
        // Whole keys: at least one byte, no timeout.
        withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        tcsetattr(input, TCSANOW, &settings)
    }

    /// Puts back the settings the terminal had.
    func restore() {
        guard var settings = saved else { return }
        tcsetattr(input, TCSANOW, &settings)
        saved = nil
        Terminal.restoreOnSignal = nil
    }

    /// What a signal handler restores; a handler can capture nothing.
    nonisolated(unsafe) static var restoreOnSignal: (input: Int32, settings: termios)?

    /// Writes text as it is.
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Foundation.write(output, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            written += count
        }
    }

    /// Clears the screen and writes `text` from the top left.
    func show(_ text: String) {
        write("\u{1B}[H\u{1B}[2J" + text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    /// The next key; blocks until one comes.
    func readKey() -> Key {
        guard let byte = readByte() else { return .endOfInput }
        switch byte {
        case 0x03, 0x04: return .interrupt
        case 0x0D, 0x0A: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x09: return .tab
        case 0x1B:
            // An escape sequence arrives at once; a lone Escape has nothing after it.
            guard hasInput(withinMilliseconds: 30), let next = readByte() else { return .escape }
            guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O"), let final = readByte() else { return .escape }
            switch final {
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            case UInt8(ascii: "C"): return .right
            case UInt8(ascii: "D"): return .left
            default:
                // Other sequences (F-keys, Delete) end in a letter or `~`; read them away.
                var last = final
                while !(0x40...0x7E).contains(last), let more = readByte() { last = more }
                return .escape
            }
        default:
            guard byte >= 0x20 else { return readKey() }
            var bytes = [byte]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            while bytes.count < length, let more = readByte() { bytes.append(more) }
            guard let character = String(validating: bytes, as: UTF8.self)?.first else { return readKey() }
            return .character(character)
        }
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func hasInput(withinMilliseconds milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Reads a line with simple editing (characters, Backspace); Enter gives it, Escape gives nil.
    /// `update` redraws the screen with the line so far, each time it changes.
    func readLine(initial: String = "", update: (String) -> Void) -> String? {
        var line = initial
        update(line)
        while true {
            switch readKey() {
            case .character(let character): line.append(character)
            case .backspace: if !line.isEmpty { line.removeLast() }
            case .enter: return line
            case .escape, .interrupt, .endOfInput: return nil
            default: continue
            }
            update(line)
        }
    }
}

/// Reverse video on a terminal, for the matched term and the keys.
enum TerminalStyle {
    static func highlighted(_ text: String) -> String { "\u{1B}[7m\(text)\u{1B}[0m" }
    static func bold(_ text: String) -> String { "\u{1B}[1m\(text)\u{1B}[0m" }
}
