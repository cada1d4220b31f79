import Foundation
import Testing
@testable import SkillCore

@Suite struct WorkerDraftTests {
    static let good = WorkerDraft(
        id: " 32010219900307123x ".replacingOccurrences(of: "123x", with: "1239"), name: "阿卜杜拉・艾尼",
        phone: "139-1234-5678", hukouRegion: "320102", rural: true, residence: "  南京市\n玄武区 ",
        employment: .employedInsured, employer: "南京某某机械有限公司", employerCode: "91350100m000100y43",
        pension: false, groups: [.veteran, .dibao, .veteran, .ruralMigrant], disability: .severe,
        relativeOf: "11010519491231002x")

    @Test func validDraftBecomesAWorker() throws {
        let w = try Self.good.validate(today: today).get()
        #expect(w.id.value == "320102199003071239")
        #expect(w.name.value == "阿卜杜拉·艾尼")
        #expect(w.phone?.value == "13912345678")
        #expect(w.hukouRegion == "320102")
        #expect(w.rural)
        #expect(w.residence == "南京市 玄武区")
        #expect(w.employment == .employedInsured)
        #expect(w.employer == "南京某某机械有限公司")
        #expect(w.employerCode?.value == "91350100M000100Y43")
        #expect(w.groups == [.ruralMigrant, .veteran, .dibao])
        #expect(w.disability == .severe)
        #expect(w.relativeOf?.value == "11010519491231002X")
        #expect(w.sex == .male)
        #expect(w.birthDate == date("1990-03-07"))
    }

    @Test func blankOptionalFieldsBecomeNil() throws {
        let w = try WorkerDraft(id: "11010519491231002X", name: "张伟", phone: "  ", residence: " \t ")
            .validate(today: today).get()
        #expect(w.phone == nil && w.hukouRegion == nil && w.residence == nil && w.employer == nil)
        #expect(w.employerCode == nil && w.relativeOf == nil && w.groups.isEmpty)
        #expect(w.sex == .female)
    }

    @Test func collectsOneErrorPerField() {
        var d = Self.good
        d.id = "320102199003071238"
        d.name = "张三\u{1B}[2J"
        d.phone = "12345"
        d.hukouRegion = "999999"
        d.residence = String(repeating: "路", count: 101)
        d.employerCode = "91350100M000100Y44"
        d.relativeOf = "999999199001010016"
        let errors = d.validate(today: today).failure?.errors
        #expect(errors == [
            .id: .residentID(.checkCharacter(expected: "9", found: "8")),
            .name: .name(.forbiddenCharacter(position: 3)),
            .phone: .phone(.length(5)),
            .hukouRegion: .region("999999"),
            .residence: .tooLong(max: 100),
            .employerCode: .creditCode(.checkCharacter(expected: "3", found: "4")),
            .relativeOf: .residentID(.unknownRegion("999999")),
        ])
    }

    @Test func emptyRequiredFieldsAreReported() {
        let errors = WorkerDraft().validate(today: today).failure?.errors
        #expect(errors == [.id: .residentID(.empty), .name: .name(.empty)])
    }

    @Test func crossFieldRules() {
        var d = Self.good
        d.relativeOf = d.id
        #expect(d.validate(today: today).failure?.errors == [.relativeOf: .relativeIsSelf])
        d = Self.good
        d.employer = "  "
        #expect(d.validate(today: today).failure?.errors == [.employer: .employerCodeWithoutEmployer])
        d = Self.good
        d.hukouRegion = "3201"
        #expect(d.validate(today: today).failure?.errors == [.hukouRegion: .region("3201")])
    }

    @Test func residenceLimitCountsAfterSanitising() {
        var d = Self.good
        d.residence = String(repeating: "路", count: 100) + "\u{200B}\u{202E}  "
        #expect(d.validate(today: today).success?.residence == String(repeating: "路", count: 100))
        d.employer = String(repeating: "厂", count: 101)
        #expect(d.validate(today: today).failure?.errors == [.employer: .tooLong(max: 100)])
    }

    @Test func draftFromWorkerRoundTrips() throws {
        let w = try Self.good.validate(today: today).get()
        let again = try WorkerDraft(worker: w).validate(today: today).get()
        #expect(again == w)
        #expect(WorkerDraft(worker: w).phone == "13912345678")
    }

    @Test func workerIsCodable() throws {
        let w = try Self.good.validate(today: today).get()
        let data = try JSONEncoder().encode(w)
        #expect(try JSONDecoder().decode(Worker.self, from: data) == w)
        #expect(String(decoding: data, as: UTF8.self).contains("\"320102199003071239\""))
    }

    @Test func messagesPerField() {
        let v = WorkerValidation(errors: [.phone: .phone(.length(5)), .id: .residentID(.empty)])
        #expect(v.message(.en) == "id: enter the resident ID (18 characters)\nphone: a mobile number has 11 digits, not 5")
        #expect(FieldError.region("999999").message(.zh).contains("999999"))
        #expect(FieldError.relativeIsSelf.message(.en) != FieldError.relativeIsSelf.message(.zh))
    }
}

/// Issue 12, defect 4: the phone field took full-width digits, then said "第 1 位应为数字"; every
/// field of digits or codes now reads them as ASCII, in the one validation all front ends share.
@Suite struct WorkerDraftFullWidthTests {
    @Test func fullWidthDigitsAndLettersAreReadAsASCII() throws {
        var d = WorkerDraft()
        d.id = "３２０１０２１９９００３０７１２３９"
        d.name = "张伟"
        d.phone = "１３８００１３８０００"
        d.hukouRegion = "３２０１０２"
        let w = try d.validate(today: CalendarDate(iso: "2026-01-15")!).get()
        #expect(w.id.value == "320102199003071239")
        #expect(w.phone?.description == "13800138000")
        #expect(w.hukouRegion == "320102")
    }
}
