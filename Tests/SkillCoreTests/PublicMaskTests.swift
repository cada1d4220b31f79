import Testing
@testable import SkillCore

@Suite struct PublicMaskTests {
    @Test func residentIDKeepsFourAndFour() {
        #expect(PublicMask.residentID("320102199003071234") == "3201**********1234")
        #expect(PublicMask.residentID("32010219900307123x") == "3201**********123X")
        #expect(PublicMask.residentID(" 3201 0219 9003 0712 34 ") == "3201**********1234")
        #expect(PublicMask.residentID("320102900307123") == "3201*******7123")     // 15-digit old ID
        #expect(PublicMask.residentID("12345678") == "********")
        #expect(PublicMask.residentID("123456789") == "1234*6789")
        #expect(PublicMask.residentID("") == "")
        #expect(PublicMask.residentID("3201021990\u{1B}[2J03071234") == "3201*************1234")  // ESC dropped
    }

    @Test func residentIDHidesTheBirthDateAndSequence() {
        var rng = SeededGenerator(seed: 55)
        for _ in 0..<500 {
            let id = String((0..<18).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            let m = PublicMask.residentID(id)
            #expect(m.count == 18 && m.hasPrefix(String(id.prefix(4))) && m.hasSuffix(String(id.suffix(4))))
            #expect(!m.contains(String(id.dropFirst(6).prefix(8))))   // the birth date is gone
            #expect(m.dropFirst(4).prefix(10).allSatisfy { $0 == "*" })
        }
    }

    @Test func chineseNames() {
        #expect(PublicMask.name("张伟伟") == "张*伟")
        #expect(PublicMask.name("张伟") == "张*")
        #expect(PublicMask.name("张") == "张")
        #expect(PublicMask.name("欧阳娜娜") == "欧**娜")
        #expect(PublicMask.name("欧阳娜娜娜") == "欧***娜")
        #expect(PublicMask.name(" 王小明 ") == "王*明")
        #expect(PublicMask.name("") == "")
    }

    @Test func dotAndLatinNamesKeepTheirSeparators() {
        #expect(PublicMask.name("阿卜杜拉·艾尼") == "阿***·*尼")
        #expect(PublicMask.name("阿依·古丽") == "阿*·*丽")
        #expect(PublicMask.name("买买提•明") == "买**•明")          // a dot look-alike stays as typed
        #expect(PublicMask.name("John Smith") == "J*** ****h")
        #expect(PublicMask.name("Li Wei") == "L* **i")
        #expect(PublicMask.name("Al") == "A*")
        #expect(PublicMask.name("·") == "·")
        #expect(PublicMask.name("张\u{202E}伟伟") == "张*伟")      // a bidi override cannot reorder the notice
    }

    /// The other way round: what stays visible is exactly the first and last letter and the separators.
    @Test func maskedNamesRevealOnlyTheEnds() {
        for n in ["张伟伟", "欧阳娜娜", "阿卜杜拉·艾尼", "John Smith", "诸葛亮", "爱新觉罗·溥仪"] {
            let m = Array(PublicMask.name(n)), c = Array(n)
            #expect(m.count == c.count, "\(n)")
            let letters = c.indices.filter { !PublicMask.isSeparator(c[$0]) }
            for i in c.indices {
                let visible = i == letters.first || i == letters.last || PublicMask.isSeparator(c[i])
                #expect(m[i] == (visible ? c[i] : "*"), "\(n) at \(i)")
            }
        }
    }

    @Test func bankAccount() {
        #expect(PublicMask.bankAccount("6222021234567890123") == "***************0123")
        #expect(PublicMask.bankAccount("1234") == "****")
    }
}
