import CoreTestSupport
import DeskTestSupport
import Foundation
import SkillCore
import Testing

/// Issue 13: `report disclosure --period P --out FILE.html|.csv|.xlsx` (the format from the
/// extension, never over a file without --force, audited) and `--format xlsx --out FILE` on a list.
@Suite("Fund disclosure and XLSX on the command line")
struct ReportDisclosureCommandTests {
    /// A demo database with one payment planted as reconciliation leaves it (batch of 2026-07-15,
    /// the line paid) for the first demo worker; returns the worker's ID and name.
    static func world() throws -> (dir: String, db: String, id: String, name: String) {
        let (dir, db) = try ListExportCommandTests.demo()
        let w = try #require(try Sqlite3.rows(db, "SELECT id, name FROM workers ORDER BY rowid LIMIT 1").first)
        let id = try #require(w["id"] as? String), name = try #require(w["name"] as? String)
        try Sqlite3.exec(db, """
            INSERT INTO claims(worker_id, kind, institution, occupation_code, level, claim_year, claim_date, amount_fen, payee, status,
                               prepared_by, created_at, updated_at)
            SELECT '\(id)', 'training', (SELECT code FROM institutions ORDER BY code LIMIT 1), (SELECT code FROM occupations LIMIT 1),
                   'L4', 2026, '2026-06-01', 150000, 'worker', 'paid', 'clerk1', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z';
            INSERT INTO payment_batches(id, created_at, created_by, business_date, count, total_fen)
            VALUES ('PB20260715-001', '2026-07-15T01:00:00Z', 'fin1', '2026-07-15', 1, 150000);
            INSERT INTO payment_lines(batch_id, claim_id, amount_fen, payee_name, bank_account, kind, payee, result)
            VALUES ('PB20260715-001', (SELECT max(id) FROM claims), 150000, '\(name)', '6222021234567890128', 'training', 'worker', 'paid');
            """)
        return (dir, db, id, name)
    }

    @Test func eachFormatIsWrittenMaskedAuditedAndNeverOverAFileWithoutForce() throws {
        let (dir, db, id, name) = try Self.world()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let totals = try ListExportCommandTests.as_("sup1", db, ["report", "disclosure", "--period", "2026-Q3", "--json"])
        #expect(totals.status == 0, "\(totals.stderr)")
        let t = try #require(try JSONSerialization.jsonObject(with: Data(totals.stdout.utf8)) as? [String: Any])
        #expect(t["count"] as? Int == 1 && t["amount_fen"] as? Int == 150_000 && t["city"] as? String == "南京市")
        for file in ["d.html", "d.csv", "d.xlsx"] {
            let r = try ListExportCommandTests.as_("fin1", db, ["report", "disclosure", "--period", "2026-Q3", "--out", dir + "/" + file, "--json"])
            #expect(r.status == 0, "\(file): \(r.stderr)")
            let j = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect(j["rows"] as? Int == 1 && (j["sha256"] as? String)?.count == 64, "\(r.stdout)")
            let bytes = try readBytes(dir + "/" + file)
            var h = SHA256(); h.update(bytes)
            #expect(j["sha256"] as? String == SHA256.hexString(h.finalize()))
            let text: String
            if file.hasSuffix(".xlsx") {
                text = try XLSXReadBack.read(dir + "/" + file).rows.map { $0.map(\.value).joined(separator: "|") }.joined(separator: "\n")
            } else {
                text = String(decoding: bytes, as: UTF8.self)
            }
            #expect(text.contains(PublicMask.residentID(id)) && text.contains(PublicMask.name(name)), "\(file)")
            #expect(!text.contains(id) && !text.contains(name) && !text.contains("6222021234567890128"), "\(file)")
            // Not again without --force (73), the file untouched; with --force it is replaced.
            let again = try ListExportCommandTests.as_("fin1", db, ["report", "disclosure", "--period", "2026-Q3", "--out", dir + "/" + file])
            #expect(again.status == 73 && again.stderr.contains("--force"), "\(again.stderr)")
            #expect(try readBytes(dir + "/" + file) == bytes)
            let forced = try ListExportCommandTests.as_("fin1", db, ["report", "disclosure", "--period", "2026-Q3", "--out", dir + "/" + file, "--force"])
            #expect(forced.status == 0 && forced.stdout.contains("SHA-256"), "\(forced.stderr)")
        }
        let audited = try Sqlite3.rows(db, "SELECT after FROM audit WHERE action = 'report.disclosure'")
        #expect(audited.count == 6)
        // The CSV in GB18030, and another quarter with nothing.
        let gb = try ListExportCommandTests.as_("audit1", db, ["report", "disclosure", "--period", "2026-07", "--out", dir + "/g.csv", "--encoding", "gb18030"])
        let gbBytes = try readBytes(dir + "/g.csv")
        #expect(gb.status == 0 && String(validating: gbBytes, as: UTF8.self) == nil, "\(gb.stderr)")
        let empty = try ListExportCommandTests.as_("admin", db, ["report", "disclosure", "--period", "2026-Q4"])
        #expect(empty.status == 0 && empty.stdout.contains("total  0 payments"), "\(empty.stdout)")
    }

    @Test func wrongExtensionsPeriodsAndRolesAreRefusedWithNothingWritten() throws {
        let (dir, db, _, _) = try Self.world()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = try ListExportCommandTests.as_("sup1", db, ["report", "disclosure", "--period", "2026-Q3", "--out", dir + "/d.pdf"])
        #expect(pdf.status == 64 && pdf.stderr.contains("must end in .html, .csv or .xlsx"), "\(pdf.stderr)")
        let zh = try ListExportCommandTests.as_("sup1", db, ["report", "disclosure", "--period", "2026-13", "--out", dir + "/d.html"], lang: "zh")
        #expect(zh.status == 64 && zh.stderr.contains("--period"), "\(zh.stderr)")
        let enc = try ListExportCommandTests.as_("sup1", db, ["report", "disclosure", "--period", "2026-Q3", "--out", dir + "/d.html", "--encoding", "gb18030"])
        #expect(enc.status == 64 && enc.stderr.contains("only for a .csv file"), "\(enc.stderr)")
        let clerk = try ListExportCommandTests.as_("clerk1", db, ["report", "disclosure", "--period", "2026-Q3", "--out", dir + "/d.html"])
        #expect(clerk.status == 77, "\(clerk.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("d.") }.isEmpty)
    }

    @Test func aListTakesFormatXlsxAndOut() throws {
        let (dir, db) = try ListExportCommandTests.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--format", "xlsx", "--out", dir + "/w.data", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(j["format"] as? String == "xlsx")
        let book = try XLSXReadBack.read(dir + "/w.data")
        #expect(book.rows.count == (j["rows"] as? Int ?? -1) + 1 && book.rows.count > 1)
        #expect(book.rows.dropFirst().allSatisfy { $0[0].type == "inlineStr" && $0[0].value.count == 18 })
        // The extension is enough; contradictions are usage errors.
        let ext = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--out", dir + "/w.xlsx"])
        #expect(ext.status == 0 && ext.stdout.contains("(xlsx)"), "\(ext.stderr)")
        let unknown = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--out", dir + "/w.txt"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--format csv or --format xlsx"), "\(unknown.stderr)")
        let both = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--csv", dir + "/a.csv", "--out", dir + "/b.csv"])
        #expect(both.status == 64, "\(both.stderr)")
        let csvXlsx = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--csv", dir + "/a.csv", "--format", "xlsx"])
        #expect(csvXlsx.status == 64 && csvXlsx.stderr.contains("--csv writes CSV"), "\(csvXlsx.stderr)")
        let noOut = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--format", "xlsx"])
        #expect(noOut.status == 64 && noOut.stderr.contains("needs --out"), "\(noOut.stderr)")
        let xlsxEnc = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--out", dir + "/e.xlsx", "--encoding", "gb18030"])
        #expect(xlsxEnc.status == 64, "\(xlsxEnc.stderr)")
        let badFormat = try ListExportCommandTests.as_("clerk1", db, ["worker", "list", "--format", "pdf", "--out", dir + "/w.pdf"])
        #expect(badFormat.status == 64 && badFormat.stderr.contains("csv") && badFormat.stderr.contains("xlsx"), "\(badFormat.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/a.csv") && !FileManager.default.fileExists(atPath: dir + "/e.xlsx"))
    }
}
