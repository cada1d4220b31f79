import SkillCore
import SkillDesk
import TermUI

/// The catalogues a code field looks up by name (F4), each as a `PromptList.lookup` — one component
/// for every code field, not one per field (issue 12).
enum Lookups {
    /// GB/T 2260 regions: code and full name (江苏省苏州市虎丘区), filtered by `typed` (a code's
    /// digits or part of a name).
    static func regions(_ lang: Lang, typed: String) -> PromptList {
        let table = RegionTable.shared
        var p = PromptList.lookup(title: lang[.chooseRegion],
                                  items: table.codes.map { ($0, table.name($0) ?? $0) }, typed: typed)
        p.maxCodeWidth = 6
        return p
    }

    /// Training institutions by name (any status: a list filter also finds a suspended one's claims).
    static func institutions(_ ctx: ScreenContext, typed: String) -> PromptList {
        let rows = ctx.session.flatMap { s in screenLog.attempt("listing institutions for a lookup") { try s.institutions(limit: 100_000) } } ?? []
        var p = PromptList.lookup(title: ctx.lang[.chooseInstitution], items: rows.map { ($0.code, Sanitize.forDisplay($0.name)) },
                                  typed: typed)
        if p.visibleItems.isEmpty { p.filter = "" }
        p.maxCodeWidth = 18
        return p
    }
}
