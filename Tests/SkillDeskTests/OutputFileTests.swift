import Foundation
import SkillCore
import SkillDesk
import Testing

/// The one writer of output files (issue 10, break 1): temporary file beside the target, 0600,
/// moved into place only by `commit`, never over a protected file or (unconfirmed) an existing one.
@Suite("Output file")
struct OutputFileTests {
    static func outputError(_ body: () throws -> Void) -> OutputFileError? {
        guard case let .outputFile(e)? = deskError(body) else { return nil }
        return e
    }

    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    static func listing(_ dir: TempDir) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func writesThroughAPrivateTemporaryFileAndOnlyCommitPutsItInPlace() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let target = dir.file("out.csv")
        let file = try OutputFile.create(target, replace: false, protected: [])
        let temps = try Self.listing(dir)
        #expect(temps.count == 1 && temps[0].hasPrefix(".out.csv.tmp-"), "\(temps)")
        #expect(try Self.mode(dir.file(temps[0])) == 0o600)
        try file.write("a,b\r\n")
        try file.write(Array(repeating: 0x41, count: 100_000))     // over the buffer: flushed to the temp file
        #expect(!FileManager.default.fileExists(atPath: target))
        try file.commit()
        #expect(try Self.listing(dir) == ["out.csv"])
        #expect(try readBytes(target).count == 5 + 100_000)
        #expect(try Self.mode(target) == 0o600)
    }

    @Test func discardingOrDroppingLeavesNothing() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let a = try OutputFile.create(dir.file("a.csv"), replace: false, protected: [])
        try a.write("x")
        a.discard()
        do {
            let b = try OutputFile.create(dir.file("b.csv"), replace: false, protected: [])
            try b.write("y")
        }
        #expect(try Self.listing(dir).isEmpty)
    }

    @Test func anExistingFileIsReplacedOnlyWhenConfirmedAndOneThatAppearsMeanwhileIsLeftAlone() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let target = try dir.write("out.csv", "old")
        #expect(try OutputFile.check(target, protected: []) == true)
        #expect(Self.outputError { _ = try OutputFile.create(target, replace: false, protected: []) } == .exists(target))
        let r = try OutputFile.create(target, replace: true, protected: [])
        try r.write("new")
        try r.commit()
        #expect(String(decoding: try readBytes(target), as: UTF8.self) == "new")
        // Appeared between the check and the move: refused, the newcomer kept, no temporary file.
        let late = dir.file("late.csv")
        let f = try OutputFile.create(late, replace: false, protected: [])
        try f.write("mine")
        try dir.write("late.csv", "theirs")
        #expect(Self.outputError { try f.commit() } == .appeared(late))
        #expect(String(decoding: try readBytes(late), as: UTF8.self) == "theirs")
        #expect(try Self.listing(dir) == ["late.csv", "out.csv"])
    }

    @Test func theDatabaseItsCompanionsAndLinksToThemAreRefusedEvenWhenReplacing() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = dir.file("live.sqlite")
        let desk = try Desk.initialize(path: db, admin: "admin", password: "admin-pass-1")
        let admin = try desk.login(name: "admin", password: "admin-pass-1")
        // The database, its companions, the audit anchor file and log beside it, and the operator's log.
        #expect(desk.protectedPaths.map(\.path) == [db, db + "-wal", db + "-shm", db + "-journal", db + ".lock",
                                                     db + ".anchors", db + ".log", db + ".skilldesk.log"])
        #expect(admin.protectedPaths == desk.protectedPaths)
        try FileManager.default.createSymbolicLink(atPath: dir.file("sym.csv"), withDestinationPath: db)
        try FileManager.default.linkItem(atPath: db, toPath: dir.file("hard.csv"))
        let before = try readBytes(db)
        for target in [db, db + "-wal", db + "-shm", db + "-journal", db + ".lock", dir.file("sym.csv"), dir.file("hard.csv"),
                       dir.path + "/./live.sqlite"] {
            #expect(Self.outputError { _ = try admin.outputFile(target, replace: true) } == .database(target, database: db), "\(target)")
            #expect(Self.outputError { _ = try OutputFile.check(target, protected: desk.protectedPaths) } == .database(target, database: db))
        }
        #expect(try readBytes(db) == before)
        // The input of an import.
        let input = try dir.write("in.csv", "id,name\n")
        #expect(Self.outputError { _ = try admin.outputFile(input, replace: true, input: input) } == .input(input))
        #expect(!(try Self.listing(dir).contains { $0.contains(".tmp-") }))
    }

    @Test func directoriesMissingDirectoriesAndLinksAreNotTargets() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let plain = try dir.write("plain.csv", "x")
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.csv"), withDestinationPath: plain)
        #expect(Self.outputError { _ = try OutputFile.create(dir.path, replace: true, protected: []) } == .isDirectory(dir.path))
        #expect(Self.outputError { _ = try OutputFile.create(dir.path + "/", replace: true, protected: []) } == .isDirectory(dir.path + "/"))
        #expect(Self.outputError { _ = try OutputFile.create(dir.file("nope/x.csv"), replace: true, protected: []) }
                == .noDirectory(dir.file("nope")))
        #expect(Self.outputError { _ = try OutputFile.create(dir.file("link.csv"), replace: true, protected: []) } == .notRegular(dir.file("link.csv")))
        // The messages name the path and what would be right.
        #expect(OutputFileError.exists("r.csv").message(.en).contains("add --force to replace it"))
        #expect(OutputFileError.exists("r.csv").message(.zh).contains("--force"))
        #expect(OutputFileError.database("x", database: "d.sqlite").message(.zh).contains("这是数据库") && OutputFileError.database("x", database: "d.sqlite").message(.zh).contains("d.sqlite"))
        #expect(OutputFileError.input("in.csv").message(.en).contains("that is the input file") && OutputFileError.input("in.csv").message(.en).contains("in.csv"))
    }
}

@Suite("Rejects file after the commit")
struct RejectsAfterCommitTests {
    /// A file appears at the rejects path while the import runs (from its progress callback, inside
    /// the transaction): the rows stay committed, the newcomer is left alone, and the report says
    /// the rejects file was not written — returned, not thrown, so the caller can say both.
    @Test func aRejectsFileThatCannotBeMovedIntoPlaceIsReportedAndTheImportStands() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("w.csv", "id,name\n\(residentID(seq: 401)),张三\nnot-an-id,李四\n")
        let rej = dir.file("rej.csv")
        var o = ImportOptions()
        o.rejectsPath = rej
        var planted = false
        let report = try clerk.importWorkers(path: path, options: o) { _, _ in
            if !planted { planted = (try? dir.write("rej.csv", "someone else's")) != nil }
        }
        #expect(planted)
        #expect(report.imported == 1 && report.rejected == 1)
        guard case .outputFile(.appeared(rej))? = report.rejectsFileError else {
            Issue.record("expected appeared, got \(String(describing: report.rejectsFileError))"); return
        }
        #expect(String(decoding: try readBytes(rej), as: UTF8.self) == "someone else's")
        #expect(try clerk.worker(id: residentID(seq: 401)).name == "张三")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["rej.csv", "w.csv"])
    }
}
