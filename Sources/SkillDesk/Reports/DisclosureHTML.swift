import Foundation
import SkillCore

/// The disclosure as one printable HTML page: inline CSS only (with `@media print`), no script, no
/// external address, every text HTML-escaped (`&` `<` `>` `"` `'`) after the terminal neutraliser
/// has dropped control, bidi and zero-width characters — an institution named
/// `<script>…</script>` prints as those characters. Written in three parts so the list streams:
/// `head` (title, totals, the list's header), `row` per payment, `tail`.
struct DisclosureHTML {
    let d: Disclosure
    let lang: Lang
    let generated: String

    init(_ d: Disclosure, lang: Lang, generated: String) {
        self.d = d
        self.lang = lang
        self.generated = generated
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in UnsafeText.forDisplay(s).unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    private var zh: Bool { lang == .zh }
    private func t(_ zhText: String, _ en: String) -> String { zh ? zhText : en }
    private func money(_ fen: Int64) -> String { Self.escape(Money.format(fen: fen)) }

    var title: String {
        let period = ReportPeriod.parse(d.period).map { $0.label(lang) }
        let label = (try? period.get()) ?? d.period
        return zh ? "\(d.city)职业技能提升行动补贴资金使用情况公开（\(label)）"
                  : "\(d.city): public disclosure of vocational-training subsidy funds, \(label)"
    }

    func head() -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(title))</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif; margin: 2em; color: #000; }
            h1 { font-size: 1.4em; text-align: center; }
            h2 { font-size: 1.1em; margin-top: 1.5em; }
            p.meta, p.note { font-size: 0.9em; }
            table { border-collapse: collapse; width: 100%; margin-top: 0.5em; }
            th, td { border: 1px solid #444; padding: 0.2em 0.4em; font-size: 0.9em; }
            th { background: #eee; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.total td { font-weight: bold; }
            @media print {
              body { margin: 0; }
              th { background: none; }
              thead { display: table-header-group; }
              tr { page-break-inside: avoid; }
              h2 { page-break-after: avoid; }
            }
            </style>
            </head>
            <body>
            <h1>\(Self.escape(title))</h1>

            """
        h += "<p class=\"meta\">" + Self.escape(t("公开期间：\(d.first) 至 \(d.last)（按支付批次的业务日期，银行已确认支付）",
                                                  "Period: \(d.first) to \(d.last) (by the payment batch's business date; paid as confirmed by the bank)"))
        h += "<br>" + Self.escape(t("依据：\(d.clause)“定期向社会公开资金使用情况”", "Under \(d.clause): the use of the funds is disclosed to the public regularly"))
        h += "<br>" + Self.escape(t("生成日期：\(generated)", "Generated: \(generated)")) + "</p>\n"
        h += "<p class=\"meta\"><strong>" + Self.escape(t("合计：\(d.count) 笔，\(Money.format(fen: d.amountFen))",
                                                           "Total: \(d.count) payments, \(Money.format(fen: d.amountFen))")) + "</strong>"
        if d.clawedBackCount > 0 {
            h += "<br>" + Self.escape(t("其中支付后被追回 \(d.clawedBackCount) 笔，\(Money.format(fen: d.clawedBackFen))（见备注）",
                                        "of which clawed back after payment: \(d.clawedBackCount), \(Money.format(fen: d.clawedBackFen)) (see the note column)"))
        }
        h += "</p>\n"
        h += "<h2>" + Self.escape(t("按补贴种类", "By subsidy kind")) + "</h2>\n<table>\n<thead><tr><th>"
            + Self.escape(t("补贴种类", "Subsidy kind")) + "</th><th>" + Self.escape(t("笔数", "Payments")) + "</th><th>"
            + Self.escape(t("金额", "Amount")) + "</th></tr></thead>\n<tbody>\n"
        for k in d.byKind {
            h += "<tr><td>\(Self.escape(k.kind.label(lang)))</td><td class=\"n\">\(k.count)</td><td class=\"n\">\(money(k.amountFen))</td></tr>\n"
        }
        h += "<tr class=\"total\"><td>\(Self.escape(t("合计", "Total")))</td><td class=\"n\">\(d.count)</td><td class=\"n\">\(money(d.amountFen))</td></tr>\n"
        h += "</tbody>\n</table>\n"
        h += "<h2>" + Self.escape(t("按培训机构", "By institution")) + "</h2>\n<table>\n<thead><tr><th>"
            + Self.escape(t("培训机构", "Institution")) + "</th><th>" + Self.escape(t("笔数", "Payments")) + "</th><th>"
            + Self.escape(t("金额", "Amount")) + "</th></tr></thead>\n<tbody>\n"
        for i in d.byInstitution {
            let name = i.code.isEmpty ? t("（无培训机构）", "(no institution)") : (i.name.isEmpty ? i.code : i.name)
            h += "<tr><td>\(Self.escape(name))</td><td class=\"n\">\(i.count)</td><td class=\"n\">\(money(i.amountFen))</td></tr>\n"
        }
        h += "<tr class=\"total\"><td>\(Self.escape(t("合计", "Total")))</td><td class=\"n\">\(d.count)</td><td class=\"n\">\(money(d.amountFen))</td></tr>\n"
        h += "</tbody>\n</table>\n"
        h += "<h2>" + Self.escape(t("补贴发放明细（\(d.count) 笔）", "Subsidies paid (\(d.count))")) + "</h2>\n<table>\n<thead><tr>"
        for c in DisclosureColumns.header(lang) { h += "<th>\(Self.escape(zh ? c.header : Self.englishHeader(c.header)))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        return h
    }

    static func englishHeader(_ code: String) -> String {
        switch code {
        case "no": return "No."
        case "name": return "Name"
        case "resident_id": return "Resident ID"
        case "kind": return "Subsidy kind"
        case "occupation": return "Occupation"
        case "level": return "Level"
        case "institution": return "Institution"
        case "amount_yuan": return "Amount"
        case "paid_on": return "Paid on"
        case "note": return "Note"
        default: return code
        }
    }

    func row(_ n: Int, _ l: Disclosure.Line) -> String {
        let cells = DisclosureColumns.row(n, l, lang)
        var r = "<tr>"
        for c in cells {
            switch c {
            case let .text(s), let .code(s), let .date(s): r += "<td>\(Self.escape(s))</td>"
            case let .integer(v): r += "<td class=\"n\">\(v)</td>"
            case let .money(f): r += "<td class=\"n\">\(money(f))</td>"
            }
        }
        return r + "</tr>\n"
    }

    func tail() -> String {
        var t = "</tbody>\n</table>\n<p class=\"note\">"
        t += Self.escape(self.t("姓名、身份证号已按公开规则遮蔽（张*伟，3201**********1234）；不公开电话、银行账号、住址等其他个人信息。",
                                "Names and resident IDs are masked as published (张*伟, 3201**********1234); no phone, bank account, address or other personal data is disclosed."))
        t += "</p>\n</body>\n</html>\n"
        return t
    }
}
