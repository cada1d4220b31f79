import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// What one child did, kept for the assertions.
final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [(args: [String], r: Spawn.Result)] = []
    func add(_ args: [String], _ r: Spawn.Result) { lock.lock(); results.append((args, r)); lock.unlock() }
}

@Suite("Claims workflow reliability", .serialized)
struct ClaimReliabilityTests {
    /// The stress run's length without `SKILLDESK_STRESS_SECONDS` (a developer's `swift test`).
    static let defaultStressSeconds = 10.0

    /// `SKILLDESK_STRESS_SECONDS` when it is a positive number of seconds, else the default.
    static func stressSeconds(_ environment: [String: String]) -> Double {
        guard let raw = environment["SKILLDESK_STRESS_SECONDS"], let s = Double(raw), s > 0 else { return defaultStressSeconds }
        return s
    }

    static func env(_ w: ClaimCLIWorld, _ user: String, today: String) -> [String: String] {
        ["SKILLDESK_DB": w.db, "SKILLDESK_USER": user, "SKILLDESK_PASSWORD": user + "-pass-12", "SKILLDESK_TODAY": today, "LANG": "C"]
    }

    /// The state of every claim and the fund, read in this process.
    static func check(_ w: ClaimCLIWorld, allocated: Int64) throws -> (approvedOnce: Int, paid: Int) {
        let boss = try w.desk.login(name: "boss", password: "boss-pass-1")
        var reserved: Int64 = 0, paid: Int64 = 0, approvedOnce = 0, paidCount = 0
        for id in w.claims {
            let d = try boss.claimDetail(id)
            let actions = d.history.map(\.action)
            let approvals = actions.filter { $0 == "claim.approve" }.count
            let rejections = actions.filter { $0 == "claim.reject" }.count
            let pays = actions.filter { $0 == "claim.pay" }.count
            #expect(approvals <= 1, "claim \(id) approved \(approvals) times: \(actions)")
            #expect(pays <= 1, "claim \(id) paid \(pays) times")
            #expect(approvals + rejections <= 1, "claim \(id) decided twice: \(actions)")
            if approvals == 1 { approvedOnce += 1 }
            switch d.claim.status.rawValue {
            case "approved", "on_notice", "payable":
                reserved += d.claim.amountFen
                #expect(approvals == 1 && d.claim.fundSource != nil)
            case "paid":
                paid += d.claim.amountFen; paidCount += 1
                #expect(approvals == 1 && pays == 1)
            case "rejected": #expect(rejections == 1 && approvals == 0)
            case "submitted": #expect(approvals == 0 && rejections == 0)
            default: Issue.record("claim \(id) is \(d.claim.status)")
            }
        }
        let f = try boss.fundYear(2025)
        #expect(f.allocatedFen == allocated)
        #expect(f.reservedFen == reserved, "fund reserved \(f.reservedFen) ≠ Σ reserved claims \(reserved)")
        #expect(f.paidFen == paid, "fund paid \(f.paidFen) ≠ Σ paid claims \(paid)")
        #expect(f.balanceFen == allocated - reserved - paid && f.balanceFen >= 0)
        let (v, _) = try boss.verifyAudit()
        if case .broken = v { Issue.record("audit chain broken: \(v)") }
        return (approvedOnce, paidCount)
    }

    /// 8 processes for `SKILLDESK_STRESS_SECONDS` (`.ci/run` sets 30 s, as issue 9 asks; a plain `swift test`
    /// runs `defaultStressSeconds`, the same checks over a shorter run): five
    /// supervisors approving and rejecting from the top of one queue, three finance users batching,
    /// exporting and reconciling. No claim decided or paid twice, fund figures equal to the sums of
    /// the claims, no "locked" ever shown, every exit 0 or 73.
    @Test func eightProcessesOnOneQueue() throws {
        let n = 80
        let allocated: Int64 = 150_000 * 56          // about 2/3 of the claims: short fund refusals happen
        let w = try ClaimCLIWorld(trainees: n, fundFen: allocated)
        defer { w.cleanup() }
        let seconds = Self.stressSeconds(ProcessInfo.processInfo.environment)
        let deadline = Date().addingTimeInterval(seconds)
        let log = Log()
        let scratch = w.dir
        let group = DispatchGroup()
        for t in 0..<8 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var rng = SystemRandomNumberGenerator()
                if t < 5 {
                    let user = "sup\(t % 4 + 1)"
                    let env = Self.env(w, user, today: ClaimCLIWorld.today)
                    while Date() < deadline {
                        let list = Spawn.run(["claim", "list", "--json", "--limit", "6"], env: env, scratch: scratch)
                        log.add(["claim", "list"], list)
                        let ids = ((try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8))) as? [[String: Any]] ?? [])
                            .compactMap { $0["id"] as? Int }
                        guard let id = ids.randomElement(using: &rng) else { usleep(100_000); continue }
                        let args: [String]
                        switch Int.random(in: 0..<8, using: &rng) {
                        case 0: args = ["claim", "reject", String(id), "--code", "other", "--reason", "stress"]
                        case 1: args = ["claim", "approve"] + ids.prefix(3).map(String.init)
                        default: args = ["claim", "approve", String(id)]
                        }
                        log.add(args, Spawn.run(args, env: env, scratch: scratch))
                    }
                } else {
                    let user = t == 7 ? "fin2" : "fin1"
                    let env = Self.env(w, user, today: "2025-07-01")
                    while Date() < deadline {
                        let b = Spawn.run(["payment", "batch", "--json"], env: env, scratch: scratch)
                        log.add(["payment", "batch"], b)
                        guard b.status == 0,
                              let batch = ((try? JSONSerialization.jsonObject(with: Data(b.stdout.utf8))) as? [String: Any])?["batch"] as? String
                        else { usleep(200_000); continue }
                        let file = scratch + "/\(batch)-\(t).csv"
                        let e = Spawn.run(["payment", "export", batch, "--format", "utf8-bom", "--out", file], env: env, scratch: scratch)
                        log.add(["payment", "export"], e)
                        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                        let result = text.components(separatedBy: "\r\n").dropFirst(3).filter { !$0.isEmpty }.map { line -> String in
                            let f = line.components(separatedBy: ",")
                            return "\(f[4]),成功,\(f[3]),"
                        }.joined(separator: "\r\n") + "\r\n"
                        let rf = scratch + "/\(batch)-\(t)-result.csv"
                        try? Data(result.utf8).write(to: URL(fileURLWithPath: rf))
                        log.add(["payment", "reconcile"], Spawn.run(["payment", "reconcile", batch, rf], env: env, scratch: scratch))
                    }
                }
            }
        }
        group.wait()
        var approvals = 0, raceLosses = 0
        for (args, r) in log.results {
            #expect([0, 73].contains(r.status), "\(args): exit \(r.status) \(r.stderr)")
            #expect(!r.stderr.lowercased().contains("locked") && !r.stderr.lowercased().contains("busy"), "\(args): \(r.stderr)")
            if args.starts(with: ["claim", "approve"]) && r.status == 0 { approvals += 1 }
            if r.stderr.contains("already") { raceLosses += 1 }
        }
        let (approved, paid) = try Self.check(w, allocated: allocated)
        #expect(approvals > 0 && approved > 0 && paid > 0, "nothing happened: \(approvals) approvals, \(paid) paid")
        // `audit verify` passes from the command line too.
        let v = Spawn.run(["audit", "verify"], env: ["SKILLDESK_DB": w.db, "SKILLDESK_USER": "boss", "SKILLDESK_PASSWORD": "boss-pass-1"], scratch: w.dir)
        #expect(v.status == 0, "\(v.stderr)")
        print("stress: \(log.results.count) commands, \(approvals) approve commands ok, \(approved) claims approved, \(paid) paid, \(raceLosses) told someone else did it first")
    }

    /// A batch approval killed with SIGKILL half-way: each claim is approved whole (status,
    /// reservation, audit rows) or untouched, and the audit chain verifies.
    @Test func sigkillInTheMiddleOfABatchApproval() throws {
        // More claims than two chunks; a pause after each claim inside the chunk's transaction
        // (the demo/training-only test hook) so the kill lands in the middle of the second chunk.
        let chunk = Session.batchChunk
        let n = 2 * chunk + 20
        let w = try ClaimCLIWorld(trainees: n, fundFen: 150_000 * Int64(n))
        defer { w.cleanup() }
        var env = Self.env(w, "sup1", today: ClaimCLIWorld.today)
        env["SKILLDESK_TEST_STEP_DELAY_MS"] = "20"
        let o = w.dir + "/kill.out", e = w.dir + "/kill.err"
        let pid = Spawn.start(["claim", "approve"] + w.claims.map(String.init), env: env, outFile: o, errFile: e)
        let boss = try w.desk.login(name: "boss", password: "boss-pass-1")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            // A plain read: the queue use case sweeps notices in a write transaction, which would
            // wait behind the batch's chunks.
            let done = try w.desk.store.read { try $0.claimQueueTotals(ClaimQueueFilter(status: .onNotice)).count }
            if done >= chunk { break }
            usleep(20_000)
        }
        usleep(300_000)   // well inside the second chunk (50 × 20 ms)
        kill(pid, SIGKILL)
        let r = Spawn.wait(pid, outFile: o, errFile: e)
        #expect(r.signalled, "the batch finished before it was killed: \(r.stdout)")
        var approved = 0
        for id in w.claims {
            let d = try boss.claimDetail(id)
            let actions = d.history.map(\.action)
            if d.claim.status.rawValue == "on_notice" {
                approved += 1
                #expect(actions.suffix(2) == ["claim.approve", "claim.publish_notice"] && d.claim.fundSource?.rawValue == "employment_subsidy")
                #expect(d.claim.decidedBy == "sup1" && d.claim.noticeEndOn != nil)
            } else {
                #expect(d.claim.status.rawValue == "submitted" && actions == ["claim.create", "claim.submit"], "claim \(id): \(d.claim.status) \(actions)")
                #expect(d.claim.fundSource == nil && d.claim.decidedBy == nil)
            }
        }
        // The first chunk committed whole; the second, killed in its middle, left every claim untouched.
        #expect(approved == chunk, "approved \(approved) of \(n)")
        let f = try boss.fundYear(2025)
        #expect(f.reservedFen == 150_000 * Int64(approved))
        let (v, _) = try boss.verifyAudit()
        if case .broken = v { Issue.record("audit chain broken: \(v)") }
        let cli = Spawn.run(["audit", "verify"], env: ["SKILLDESK_DB": w.db, "SKILLDESK_USER": "boss", "SKILLDESK_PASSWORD": "boss-pass-1"], scratch: w.dir)
        #expect(cli.status == 0, "\(cli.stderr)")
    }
}
