/// What a command produced; the executable prints it and exits with `exitStatus`.
public struct CommandResult: Sendable, Equatable {
    public var standardOutput: String = ""
    public var standardError: String = ""
    /// 0 success, 1 the input has errors, 64 a usage error.
    public var exitStatus: Int32 = 0

    public init(standardOutput: String = "", standardError: String = "", exitStatus: Int32 = 0) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitStatus = exitStatus
    }

    public static let inputErrorStatus: Int32 = 1
    public static let usageErrorStatus: Int32 = 64
}
