/// What a command produced; the executable prints it and exits with `exitStatus`.
public struct CommandResult: Sendable, Equatable {
    /// What goes to stdout.
    public var standardOutput: String = ""
    /// What goes to stderr.
    public var standardError: String = ""
    /// 0 success, 1 the input has errors, 64 a usage error.
    public var exitStatus: Int32 = 0

    /// A result; by default empty and successful.
    public init(standardOutput: String = "", standardError: String = "", exitStatus: Int32 = 0) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitStatus = exitStatus
    }

    /// The exit status when the input has errors.
    public static let inputErrorStatus: Int32 = 1
    /// The exit status of a usage error (`EX_USAGE`).
    public static let usageErrorStatus: Int32 = 64
}
