import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

/// Errors the command line itself raises.
enum CLIError: Error, UserMessage {
    case usage(en: String, zh: String)
    case invalid(en: String, zh: String)
    case notFound(en: String, zh: String)
    case exists(en: String, zh: String)
    case notPermitted(en: String, zh: String)

    func message(_ lang: Lang) -> String {
        switch self {
        case let .usage(en, zh), let .invalid(en, zh), let .notFound(en, zh), let .exists(en, zh),
             let .notPermitted(en, zh):
            return lang == .zh ? zh : en
        }
    }
}

/// sysexits(3) codes, and what each refusal maps to. Every code here is in README.md's "Exit codes"
/// list (a test compares them).
enum Exit {
    static let usage: Int32 = 64, dataErr: Int32 = 65, noInput: Int32 = 66, software: Int32 = 70
    static let cantCreate: Int32 = 73, ioErr: Int32 = 74, tempFail: Int32 = 75, noPerm: Int32 = 77

    static func classify(_ error: Error) -> (code: Int32, name: String) {
        switch error {
        case let e as DeskError:
            switch e {
            case .notPermitted: return (noPerm, "not_permitted")
            case .authenticationFailed: return (noPerm, "authentication_failed")
            case .accountLocked: return (noPerm, "account_locked")
            case .accountDisabled: return (noPerm, "account_disabled")
            case .invalidWorker: return (dataErr, "invalid_worker")
            case .workerExists: return (cantCreate, "already_exists")
            case .userExists: return (cantCreate, "already_exists")
            case .workerNotFound, .userNotFound: return (noInput, "not_found")
            case .invalidUserName, .weakPassword, .invalidInput: return (dataErr, "invalid_input")
            case .editConflict: return (tempFail, "edit_conflict")
            case .invalidCatalogue: return (dataErr, "invalid_input")
            case .occupationNotFound, .institutionNotFound, .targetNotFound: return (noInput, "not_found")
            case .institutionExists: return (cantCreate, "already_exists")
            case .periodOverlap: return (cantCreate, "period_overlap")
            case .wrongStatus, .classWrongStatus, .wrongState: return (cantCreate, "wrong_state")
            case .classNotFound, .workersNotRegistered, .certificateNotFound, .filedReportNotFound: return (noInput, "not_found")
            case .certificateExists: return (cantCreate, "already_exists")
            case .unknownPolicy: return (usage, "unknown_policy")
            case .claimNotFound, .claimNumberNotFound, .auditEntryNotFound: return (noInput, "not_found")
            case let .workflow(w):
                switch w {
                case .notAllowed: return (cantCreate, "wrong_state")
                case .sameUser: return (noPerm, "maker_checker")
                case .reasonRequired, .reasonTooLong, .rejectCodeRequired, .codeOnlyForReject: return (dataErr, "invalid_input")
                }
            case .makerChecker: return (noPerm, "maker_checker")
            case let .fund(f):
                switch f {
                case .nonPositiveAmount, .overflow, .aboveCeiling: return (dataErr, "invalid_input")
                default: return (cantCreate, "insufficient_funds")
                }
            case .claimNotEligible: return (cantCreate, "not_eligible")
            case .sealBroken: return (dataErr, "seal_mismatch")
            case let .outputFile(o):
                switch o {
                case .exists, .appeared: return (cantCreate, "already_exists")
                case .database, .input: return (cantCreate, "protected_file")
                case .isDirectory, .notRegular, .noDirectory, .cannotCreate: return (cantCreate, "cannot_create")
                case .writeFailed: return (ioErr, "io_error")
                }
            case .exportNotAudited, .listExportNotAudited: return (ioErr, "not_audited")
            case .outOfRange: return (usage, "out_of_range")
            case .schemaDamaged: return (cantCreate, "schema_damaged")
            case .trustFile: return (ioErr, "io_error")
            case let .money(m):
                switch m {
                case .aboveCeiling: return (dataErr, "invalid_input")
                case .sumOverflow: return (dataErr, "total_overflow")
                }
            case .passwordRefused, .reservedUserName: return (dataErr, "invalid_input")
            case .userNameTaken: return (cantCreate, "already_exists")
            case .lastAdministrator: return (cantCreate, "wrong_state")
            case .fourEyes: return (noPerm, "maker_checker")
            case let .store(s): return classify(s)
            case let .csv(c): return classify(c)
            }
        case let e as StoreError:
            switch e {
            case .notFound: return (noInput, "database_not_found")
            case .notADatabase: return (dataErr, "not_a_database")
            case .newerSchema: return (dataErr, "newer_schema")
            case .cannotCreate: return (cantCreate, "cannot_create")
            case .alreadyInitialised: return (cantCreate, "already_exists")
            case .busy: return (tempFail, "busy")
            case .failure: return (software, "database_error")
            case .diskFull: return (ioErr, "disk_full")
            case .ioError: return (ioErr, "io_error")
            case .sumOverflow: return (dataErr, "total_overflow")
            case .foreignDatabase: return (dataErr, "not_a_database")
            // Another writer won a race for the same constraint: trying again gives the real answer.
            case .conflict: return (tempFail, "conflict")
            case .duplicateLiveClaims: return (dataErr, "duplicate_claims")
            case .unknownValue: return (dataErr, "unknown_value")
            }
        case let e as CSVError:
            switch e {
            case .cannotRead: return (noInput, "cannot_read")
            case .unterminatedQuote, .empty: return (dataErr, "invalid_csv")
            }
        // A period that is not one (`--period 2026-Q5`): the command line was wrong.
        case is ReportPeriodError: return (usage, "usage")
        case let e as CLIError:
            switch e {
            case .usage: return (usage, "usage")
            case .invalid: return (dataErr, "invalid_input")
            case .notFound: return (noInput, "not_found")
            case .exists: return (cantCreate, "already_exists")
            case .notPermitted: return (noPerm, "not_permitted")
            }
        default:
            return (software, "internal_error")
        }
    }
}

enum Output {
    /// Runs a command body; a refusal is printed (as JSON on stderr with --json) and becomes
    /// the matching exit code. Nothing else in a command prints errors.
    static func run(json: Bool, lang: Lang, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as CleanExit {
            throw e
        } catch {
            let (code, name) = Exit.classify(error)
            let text = (error as? UserMessage)?.message(lang) ?? "\(error)"
            OperatorLog.errorShown(error, by: cliLog)
            if json {
                FileHandle.standardError.write(jsonData(ErrorJSON(code: name, message: text)) + Data("\n".utf8))
            } else {
                warn((lang == .zh ? "错误：" : "error: ") + text)
            }
            throw ExitCode(code)
        }
    }

    /// The one JSON encoder of the command line: sorted keys, `/` unescaped, then `jsonSafe`.
    static func jsonData<T: Encodable>(_ value: T) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return jsonSafe(try e.encode(value))
        } catch {
            // Only a non-finite Double can fail here, and no output carries one: say so rather than trap.
            return Data("{\"error\":{\"code\":\"internal_error\",\"message\":\"unencodable output\"}}".utf8)
        }
    }

    /// JSON as the encoders write it escapes C0 but leaves C1, DEL, bidi, zero-width and line
    /// separator characters raw, and a terminal acts on some of them. They are written as `\uXXXX`
    /// instead: still valid JSON that decodes to the same data. Outside strings JSON is plain ASCII,
    /// so every such scalar in the output is inside a string.
    static func jsonSafe(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: UnsafeText.isNeutralised) else { return data }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for u in text.unicodeScalars {
            if UnsafeText.isNeutralised(u) {
                let hex = String(u.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return Data(out.utf8)
    }

    /// A command's `--json` answer, one line on stdout.
    static func printJSON<T: Encodable>(_ value: T) {
        FileHandle.standardOutput.write(jsonData(value) + Data("\n".utf8))
    }

    /// One line on stdout, neutralised (`neutralised`): no control character from a name, a file
    /// or the database reaches the terminal.
    static func line(_ s: String) {
        FileHandle.standardOutput.write(Data((neutralised(s) + "\n").utf8))
    }

    /// One line on stderr (warnings, refusals), neutralised the same way.
    static func warn(_ s: String) {
        FileHandle.standardError.write(Data((neutralised(s) + "\n").utf8))
    }

    /// Each line of `s` through `UnsafeText.forDisplay`, the function the TUI's lists use (ESC → ␛,
    /// CR → ␍, C1 → �, bidi and zero-width removed); the program's own line breaks are kept.
    static func neutralised(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { UnsafeText.forDisplay(String($0)) }
            .joined(separator: "\n")
    }
}
