import SkillCore
import SkillDesk
import TermUI

/// The attendance grid's roster: enrolling workers (typed IDs, or F4's lookup by name, ID or phone)
/// and, on a completed class, the audited roster correction (issue 12). Split from
/// AttendanceGridScreen.swift to keep each file under ~450 lines.
extension AttendanceGridScreen {
    func handleEnrol(_ key: Key, _ prompt: TextPrompt, _ ctx: ScreenContext) -> [Effect] {
        var prompt = prompt
        if key == .function(4) { return findWorkers(from: prompt, correcting: false, ctx) }
        switch prompt.handle(key) {
        case .cancelled:
            overlay = nil
            return []
        case let .entered(text):
            return enrol(text, ctx)
        case .none:
            overlay = .enrol(prompt)
            return []
        }
    }

    /// The workers matching the lookup's filter (name, resident-ID prefix or phone prefix; at most
    /// 50, the search's order), the marked ones kept. Their label carries the phone so that the
    /// list's own filter keeps a phone match.
    func refreshWorkers(_ list: inout PromptList, _ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        let found = screenLog.attempt("looking up workers to enrol") { try s.searchWorkers(list.filter, limit: 50).rows } ?? []
        var items = found.map { PromptList.Item(code: $0.id, label: Sanitize.forDisplay($0.name) + ($0.phone.map { "  " + $0 } ?? "")) }
        for code in list.checked where !items.contains(where: { $0.code == code }) {
            items.append(PromptList.Item(code: code, label: sheet.names[code] ?? ""))
        }
        list.items = items
        list.cursor = min(list.cursor, max(0, list.visibleItems.count - 1))
    }

    /// The lookup starts from what was typed (a name, an ID's or a phone's first digits).
    func findWorkers(from prompt: TextPrompt, correcting: Bool, _ ctx: ScreenContext) -> [Effect] {
        var list = PromptList.lookup(title: ctx.lang[.findWorkersTitle], items: [], typed: prompt.text.trimmedWhitespace(),
                                     multiSelect: true)
        list.maxCodeWidth = 18
        refreshWorkers(&list, ctx)
        overlay = .findWorkers(list, prompt, correcting: correcting)
        return []
    }

    func handleFindWorkers(_ key: Key, _ list: PromptList, _ prompt: TextPrompt, correcting: Bool, _ ctx: ScreenContext) -> [Effect] {
        var list = list
        let before = list.filter
        switch list.handle(key) {
        case .cancelled:
            overlay = correcting ? .rosterIDs(prompt) : .enrol(prompt)
            return []
        case .none:
            if list.filter != before { refreshWorkers(&list, ctx) }
            overlay = .findWorkers(list, prompt, correcting: correcting)
            return []
        case let .chosen(codes):
            guard !codes.isEmpty else {
                overlay = .findWorkers(list, prompt, correcting: correcting)
                return [.message(ctx.lang[.findWorkersNoneMarked], .warning)]
            }
            if correcting {
                overlay = .rosterReason(TextPrompt(title: ctx.lang[.rosterReasonTitle], hint: ctx.lang[.rosterReasonHint],
                                                   maxLength: FieldText.maxReason, required: true), codes)
                return []
            }
            return enrol(codes.joined(separator: " "), ctx)
        }
    }

    /// "A B,C，D、E" → [A, B, C, D, E].
    static func splitIDs(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || ",，、;；".contains($0) }).map(String.init)
    }

    func enrol(_ text: String, _ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        do {
            let result = try s.enrol(classID: classID, workerIDs: Self.splitIDs(text))
            overlay = nil
            let effects = rebuild(ctx)
            var message = lang.format(.enrolledCount, result.enrolled.count)
            if !result.alreadyEnrolled.isEmpty {
                message += lang.format(.alreadyEnrolled, result.alreadyEnrolled.joined(separator: ", "))
            }
            return effects + [.message(message, result.enrolled.isEmpty ? .warning : .ok)]
        } catch {
            return [.message(describe(error, lang), .error)]  // the prompt stays open to fix the IDs
        }
    }

    /// F6 on a completed class: the IDs, then the reason, then `Session.correctRoster` (audited; W5
    /// on the class's submitted claims). A refusal keeps the prompt open to fix what it names.
    func handleRosterFix(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch overlay {
        case var .rosterIDs(p)?:
            if key == .function(4) { return findWorkers(from: p, correcting: true, ctx) }
            switch p.handle(key) {
            case .cancelled: overlay = nil
            case let .entered(text):
                let ids = Self.splitIDs(text)
                if ids.isEmpty { overlay = .rosterIDs(p); return [.message(ctx.lang[.enrolHint], .warning)] }
                overlay = .rosterReason(TextPrompt(title: ctx.lang[.rosterReasonTitle], hint: ctx.lang[.rosterReasonHint],
                                                   maxLength: FieldText.maxReason, required: true), ids)
            case .none: overlay = .rosterIDs(p)
            }
            return []
        case .rosterReason(var p, let ids)?:
            switch p.handle(key) {
            case .cancelled: overlay = nil; return []
            case .none: overlay = .rosterReason(p, ids); return []
            case let .entered(reason):
                guard let s = ctx.session else { return [] }
                do {
                    let r = try s.correctRoster(classID: classID, workerIDs: ids, reason: reason)
                    overlay = nil
                    var message = ctx.lang.format(.rosterFixed, r.enrolled.count, r.markedClaims)
                    if !r.alreadyEnrolled.isEmpty {
                        message += ctx.lang.format(.alreadyEnrolled, r.alreadyEnrolled.joined(separator: ", "))
                    }
                    return rebuild(ctx) + [.message(message, r.enrolled.isEmpty ? .warning : .ok)]
                } catch {
                    overlay = .rosterReason(p, ids)
                    return [.message(describe(error, ctx.lang), .error)]
                }
            }
        default:
            return []
        }
    }
}
