// MARK: - Evaluation context

struct PolicyContext {
    let request: ClaimRequest
    let facts: ClaimFacts
    let profile: PolicyProfile
    let kind: SubsidyKind
    let level: SkillLevel?
    let year: Int
    /// Prior claims that count (not drafts, rejected or recovered).
    let counting: [PriorClaim]
    /// False: outcomes and the computation carry no text (see `PolicyEngine.evaluate`).
    let messages: Bool
    /// `"<seed> "`: the profile's own clauses start with it (`cite`).
    let seedPrefix: String

    init(request: ClaimRequest, facts: ClaimFacts, profile: PolicyProfile, messages: Bool = true) {
        self.messages = messages
        seedPrefix = profile.seed + " "
        self.request = request
        self.facts = facts
        self.profile = profile
        kind = request.kind
        level = PolicyEngine.claimLevel(request.kind, facts: facts)
        year = PolicyEngine.claimYear(request, facts: facts)
        counting = facts.priorClaims.filter { $0.status.counts }
    }

    var name: String { facts.worker.name }

    /// The rule is checked for this claim's kind (`PolicyRule.kindRules`, the one table).
    func applies(_ rule: PolicyRule) -> Bool { rule.applies(to: kind) }

    /// One rule's outcome.
    func outcome(of rule: PolicyRule) -> RuleOutcome {
        switch rule {
        case .e1: e1()
        case .e2: e2()
        case .e3: e3()
        case .e4: e4()
        case .e5: e5()
        case .e6: e6()
        case .e7: e7()
        case .e8: e8()
        case .e9: e9()
        case .e10: e10()
        case .e11: e11()
        case .e12: e12()
        case .e13: e13()
        case .e14: e14()
        case .e15: e15()
        case .p1: p1()
        case .p2: p2()
        case .w1: w1()
        case .w2: w2()
        case .w3: w3()
        case .w4: w4()
        case .w5: w5()
        }
    }
    var klass: ClassFacts? { facts.klass }

    func na(_ rule: String, _ refs: [String], zh: @autoclosure () -> String, en: @autoclosure () -> String,
            clause: String? = nil) -> RuleOutcome {
        make(rule, .notApplicable, clause ?? PolicyEngine.cite(refs, seedPrefix: seedPrefix), zh: zh(), en: en())
    }

    /// An outcome whose messages are only built when `messages` is on.
    func make(_ rule: String, _ result: RuleResult, _ clause: String, zh: @autoclosure () -> String,
              en: @autoclosure () -> String) -> RuleOutcome {
        messages ? RuleOutcome(rule: rule, result: result, clause: clause, zh: zh(), en: en())
            : RuleOutcome(rule: rule, result: result, clause: clause, zh: "", en: "")
    }

    /// Appends a computation line when `messages` is on.
    func note(_ lines: inout [String], _ text: @autoclosure () -> String) {
        if messages { lines.append(text()) }
    }

    func naKind(_ rule: String, _ refs: [String]) -> RuleOutcome {
        na(rule, refs, zh: "不适用于\(kind.label(.zh))", en: "does not apply to a \(kind.label(.en))")
    }

    func outcome(_ rule: String, _ refs: [String], _ ok: Bool, warn: Bool = false, zh: @autoclosure () -> String,
                 en: @autoclosure () -> String) -> RuleOutcome {
        make(rule, ok ? .pass : (warn ? .warn : .fail), PolicyEngine.cite(refs, seedPrefix: seedPrefix), zh: zh(), en: en())
    }

    func occLevel(_ lang: Lang, code: String, name occ: String, level l: SkillLevel?) -> String {
        let lv = l.map { $0.label(lang) } ?? ""
        let o = occ.isEmpty ? code : occ
        return lang == .zh ? "\(o) \(lv)" : "\(o) \(lv)"
    }

    var thisOcc: (zh: String, en: String) {
        let code = klass?.occupationCode ?? "", n = klass?.occupationName ?? ""
        return (occLevel(.zh, code: code, name: n, level: level), occLevel(.en, code: code, name: n, level: level))
    }

    func claimRef(_ c: PriorClaim, _ lang: Lang) -> String {
        let number = ClaimNumber.format(year: c.year, serial: Int(c.id))
        return lang == .zh ? "\(c.date) 申请 \(number)（\(c.status.label(.zh))）" : "on \(c.date), claim \(number) (\(c.status.label(.en)))"
    }

    func dates(_ ds: [CalendarDate]) -> String {
        let shown = ds.prefix(5).map(\.description).joined(separator: ", ")
        return ds.count > 5 ? shown + " …(\(ds.count))" : shown
    }

}
