import SkillCore
import SkillDesk
import TermUI

/// Asks, one list or line at a time over the worker's archive, what a claim evaluation needs:
/// the subsidy kind, then the class (kinds that rest on one; skipped when the worker has exactly
/// one), the certificate (kinds that rest on a certificate rather than a class), the months
/// (以工代训) or the prepayment percent. Typing filters a list; Enter takes; F12 cancels.
struct ClaimWizard {
    enum Outcome { case none, cancelled, done(ClaimProposal) }
    enum Step { case kind, klass, certificate, months, percent }

    let workerID: String
    let classes: [WorkerArchive.Class]
    let certificates: [CertificateRow]
    var step: Step = .kind
    var proposal: ClaimProposal?
    /// The step's question (`step` says which): a list to choose from, or a number to type.
    enum Overlay: OverlayCase {
        case choose(PromptList)
        case number(TextPrompt)

        var widget: OverlayWidget {
            switch self {
            case let .choose(l): .list(l)
            case let .number(p): .prompt(p, width: 60)
            }
        }
    }
    var overlay: Overlay?

    init(workerID: String, classes: [WorkerArchive.Class], certificates: [CertificateRow], lang: Lang) {
        self.workerID = workerID
        self.classes = classes
        self.certificates = certificates
        var l = PromptList(title: lang[.claimChooseKind], items: SubsidyKind.allCases.map { ($0.rawValue, $0.label(lang)) })
        l.maxCodeWidth = 17
        overlay = .choose(l)
    }

    mutating func handle(_ key: Key, _ lang: Lang) -> Outcome {
        switch overlay {
        case nil:
            return .cancelled
        case var .number(p)?:
            switch p.handle(key, emptyProblem: lang[.claimNumberRequired]) {
            case .none: overlay = .number(p); return .none
            case .cancelled: return .cancelled
            case let .entered(text):
                guard let n = Int(text), n >= 0 else {
                    p.problem = lang[.claimNumberRequired]
                    overlay = .number(p)
                    return .none
                }
                if step == .months { proposal?.months = n } else { proposal?.prepayPercent = n }
                overlay = nil
                return advance(lang)
            }
        case var .choose(l)?:
            switch l.handle(key) {
            case .none: overlay = .choose(l); return .none
            case .cancelled: return .cancelled
            case let .chosen(codes):
                overlay = nil
                return choose(codes, lang)
            }
        }
    }

    /// The answer to the step's list.
    mutating func choose(_ codes: [String], _ lang: Lang) -> Outcome {
        let code = codes.first ?? ""
        switch step {
        case .kind:
            guard let kind = SubsidyKind(rawValue: code) else { return .cancelled }
            proposal = ClaimProposal(worker: workerID, kind: kind)
        case .klass: proposal?.classID = Int64(code)
        case .certificate: proposal?.certificateNumber = code == "—" ? nil : code
        case .months, .percent: break
        }
        return advance(lang)
    }

    /// Moves to the next step this kind needs, or finishes.
    mutating func advance(_ lang: Lang) -> Outcome {
        guard let p = proposal else { return .cancelled }
        let order: [Step] = [.kind, .klass, .certificate, .months, .percent]
        var i = (order.firstIndex(of: step) ?? 0) + 1
        while i < order.count {
            step = order[i]
            switch step {
            case .klass where p.kind.needsClass:
                if classes.count == 1 { proposal?.classID = classes[0].row.id; break }
                if classes.isEmpty { break }   // the use case says a class is needed
                overlay = .choose(PromptList(title: lang[.claimChooseClass], items: classes.reversed().map {
                    (String($0.row.id), Self.classLabel($0, lang))
                }))
                return .none
            case .certificate where !p.kind.needsClass && !certificates.isEmpty:
                var l = PromptList(title: lang[.claimChooseCertificate],
                                   items: [("—", lang[.claimNoCertificate])] + certificates.reversed().map {
                                       ($0.number, Self.certificateLabel($0, lang))
                                   })
                l.maxCodeWidth = 18
                overlay = .choose(l)
                return .none
            case .months where p.kind == .workBased:
                overlay = .number(TextPrompt(title: lang[.claimMonths], hint: lang[.claimMonthsHint], maxLength: 3))
                return .none
            case .percent where p.kind == .prepayment:
                overlay = .number(TextPrompt(title: lang[.claimPercent], hint: lang[.claimPercentHint], maxLength: 3))
                return .none
            default:
                break
            }
            i += 1
        }
        return .done(proposal!)
    }

    static func classLabel(_ c: WorkerArchive.Class, _ lang: Lang) -> String {
        [c.occupationName ?? c.row.occupationCode, SkillLevel(rawValue: c.row.level)?.label(lang) ?? c.row.level,
         c.row.startDate + "–" + c.row.endDate, c.institutionName ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func certificateLabel(_ c: CertificateRow, _ lang: Lang) -> String {
        [c.type.label(lang), c.occupationCode,
         c.level.flatMap { SkillLevel(rawValue: $0)?.label(lang) } ?? "", c.issueDate]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    func draw(into canvas: inout Canvas, in area: Rect) {
        overlay.draw(into: &canvas, in: area)
    }
}
