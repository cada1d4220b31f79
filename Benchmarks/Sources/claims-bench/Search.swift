import Foundation
import SkillCore
import SkillDesk

// claims-bench search DB [--reps N]: issue 12's "first page of a claim search by number, name or
// ID prefix under 20 ms" on the city database (`add-claims`, then `workflow-prepare` for the users).
// Each case opens the database afresh (cold = the first call on a new pool), then N calls (median,
// p95, max) of `Session.claimSearch` — the use case the `/` prompt calls, notice sweep included —
// for one page of 50.
func runSearch(db: String, reps: Int) throws {
    print("load average    \(loadLine()) (start)")
    func one(_ sql: String) throws -> String { try sqlite(db, sql).trimmingCharacters(in: .whitespacesAndNewlines) }
    let maxID = Int64(try one("SELECT max(id) FROM claims;")) ?? 1
    let probe = maxID / 2
    let year = try one("SELECT claim_year FROM claims WHERE id = \(probe);")
    let workerID = try one("SELECT worker_id FROM claims WHERE id = \(probe);")
    let name = try one("SELECT name FROM workers WHERE id = '\(workerID)';")
    let surname = String(name.prefix(1))
    let given = String(name.suffix(2))
    let commonSurname = try one("SELECT substr(name, 1, 1) AS s FROM workers WHERE rowid % 100 = 0 GROUP BY s ORDER BY count(*) DESC LIMIT 1;")
    let cases: [(String, String, ClaimStatus?, String)] = [
        ("number \(ClaimNumber.format(year: Int(year) ?? 2026, serial: Int(probe)))",
         ClaimNumber.format(year: Int(year) ?? 2026, serial: Int(probe)), nil, supName),
        ("serial tail \(probe % 1_000_000) (and ID prefix)", String(probe % 1_000_000), nil, supName),
        ("name, whole \(name)", name, nil, supName),
        ("name, given \(given)", given, nil, supName),
        ("name, surname \(surname)", surname, nil, supName),
        ("name, commonest surname \(commonSurname)", commonSurname, nil, supName),
        ("name \(commonSurname), status rejected", commonSurname, .rejected, supName),
        ("name \(commonSurname), status submitted", commonSurname, .submitted, supName),
        ("ID prefix \(workerID.prefix(6)) (region)", String(workerID.prefix(6)), nil, supName),
        ("ID prefix \(workerID.prefix(10)) (region+year)", String(workerID.prefix(10)), nil, supName),
        ("ID whole \(workerID)", workerID, nil, supName),
        ("clerk1: name \(commonSurname) (own claims only)", commonSurname, nil, clerkName),
    ]
    for (label, text, status, user) in cases {
        guard let term = ClaimSearchTerm.parse(text) else { print("\(label): not a search"); continue }
        let desk = try Desk.open(path: db)
        let s = try desk.login(name: user, password: user == supName ? supPassword : clerkPassword)
        var t = now()
        var page = try s.claimSearch(term, status: status, limit: 50)
        let cold = (now() - t) * 1000
        var times: [Double] = []
        for _ in 0..<reps {
            t = now()
            page = try s.claimSearch(term, status: status, limit: 50)
            times.append((now() - t) * 1000)
        }
        // The second page, by key.
        t = now()
        let second = page.hasMore ? try s.claimSearch(term, status: status, after: page.next, limit: 50) : nil
        let next = (now() - t) * 1000
        print("claimSearch \(label): \(page.items.count) rows\(page.hasMore ? "+" : ""), cold \(format(cold)) ms, \(stats(times)) (n=\(reps))"
              + (second.map { "; page 2 \($0.items.count) rows in \(format(next)) ms" } ?? ""))
    }
    let claims = try one("SELECT count(*) FROM claims;")
    let workers = try one("SELECT count(*) FROM workers;")
    print("search over     \(claims) claims, \(workers) workers; load \(loadLine())")
}
