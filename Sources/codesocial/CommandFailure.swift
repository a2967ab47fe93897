import ArgumentParser
import Descriptor
import Registry
import Foundation

/// An error a command reports as one clear message (and an optional hint) on standard
/// error, then exits with `code`. Commands throw it, or map their module's errors to it
/// by conforming them to ``ReportableError``.
struct CommandFailure: Error, CustomStringConvertible {
    /// The exit code.
    var code: ExitCodes
    /// What went wrong.
    var message: String
    /// How to fix it, when there is something to say (printed as it is on a second line).
    var hint: String?
    /// The language `message` and `hint` are in, when the command chose one (`--lang`): the
    /// `codesocial: error:` prefix follows it. Nil: the locale's.
    var language: Language?

    init(_ code: ExitCodes, _ message: String, hint: String? = nil, language: Language? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.language = language
    }

    var description: String { message }
}

/// A module error that knows its exit code and message (conform module errors to it in the
/// executable, next to the command that throws them).
protocol ReportableError: Error {
    /// The exit code for this error.
    var toolExitCode: ExitCodes { get }
    /// One line saying what is wrong and how to fix it.
    var reportMessage: String { get }
    /// What to do about it, when there is something to say (printed on a second line).
    var reportHint: String? { get }
}

extension ReportableError {
    /// No hint by default.
    var reportHint: String? { nil }
}

extension DescriptorError: ReportableError {
    var toolExitCode: ExitCodes {
        switch self {
        case .invalidSchema: .invalidInput
        case .bundledSchemaUnreadable: .internalError
        }
    }
    var reportMessage: String { description }
}

/// The one place where errors become messages and exit codes: no stack trace, no Swift
/// error dump ever reaches the user.
enum ErrorReporter {
    /// Where bugs are reported.
    static let issueTracker = "the codesocial project's issue tracker (include the command and this message)"

    /// Prints `error` and returns the exit code to use.
    static func report(_ error: any Error, language: Language = Language.detect(environment: ProcessInfo.processInfo.environment)) -> Int32 {
        let language = (error as? CommandFailure)?.language ?? language
        let (code, message, hint) = describe(error, language: language)
        var text = "codesocial: " + (language == .fr ? "erreur : " : "error: ") + message + "\n"
        if let hint { text += hint + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
        return code.rawValue
    }

    static func describe(_ error: any Error, language: Language) -> (ExitCodes, String, String?) {
        switch error {
        case let failure as CommandFailure:
            return (failure.code, failure.message, failure.hint)
        case let registry as RegistryError:
            let failure = registry.commandFailure(in: language)
            return (failure.code, failure.message, failure.hint ?? (failure.code == .internalError ? bugHint(language) : nil))
        case let reportable as any ReportableError:
            let hint = reportable.toolExitCode == .internalError ? bugHint(language) : reportable.reportHint
            return (reportable.toolExitCode, reportable.reportMessage, hint)
        case let cocoa as CocoaError where cocoa.code == .fileReadNoSuchFile || cocoa.code == .fileNoSuchFile:
            return (.inputNotFound, cocoa.localizedDescription, nil)
        case let cocoa as CocoaError where cocoa.code == .fileWriteNoPermission || cocoa.code == .fileWriteOutOfSpace || cocoa.code == .fileWriteVolumeReadOnly:
            return (.cannotWrite, cocoa.localizedDescription, nil)
        default:
            return (.internalError, String(describing: error), bugHint(language))
        }
    }

    private static func bugHint(_ language: Language) -> String {
        language == .fr
            ? "c'est un bogue de codesocial : signalez-le sur \(issueTracker)"
            : "this is a bug in codesocial: please report it on \(issueTracker)"
    }
}

extension RegistryError: ReportableError {
    var toolExitCode: ExitCodes { ExitCodes(rawValue: exitCode) ?? .internalError }
    var reportMessage: String { message }
    var reportHint: String? { hint.map { "hint: \($0)" } }

    /// The error as a ``CommandFailure`` in `language`: message, then the hint after `hint:` (`astuce :` in French).
    func commandFailure(in language: Language) -> CommandFailure {
        CommandFailure(toolExitCode, message(in: language),
                       hint: hint(in: language).map { language.pick(fr: "astuce : ", en: "hint: ") + $0 }, language: language)
    }
}
