import Testing
@testable import SkillCore

@Suite struct PersonNameTests {
    static let accepted: [(String, String)] = [
        ("张伟", "张伟"),
        ("欧阳娜娜", "欧阳娜娜"),
        ("阿卜杜拉·艾尼", "阿卜杜拉·艾尼"),
        ("阿卜杜拉・艾尼", "阿卜杜拉·艾尼"),       // U+30FB katakana middle dot
        ("阿卜杜拉•艾尼", "阿卜杜拉·艾尼"),        // U+2022 bullet
        ("阿卜杜拉‧艾尼", "阿卜杜拉·艾尼"),        // U+2027 hyphenation point
        ("阿卜杜拉･艾尼", "阿卜杜拉·艾尼"),        // U+FF65 half-width katakana middle dot
        ("阿卜杜拉 · 艾尼", "阿卜杜拉·艾尼"),      // spaces around the dot dropped
        ("  李娜\u{3000}", "李娜"),
        ("Mary Jane Smith", "Mary Jane Smith"),
        ("Jean-Pierre O'Neil", "Jean-Pierre O'Neil"),
        ("Anna  Lee", "Anna Lee"),
        ("Jose\u{0301}", "José"),                  // NFC
        ("买买提·吐尔逊·阿不都热合曼", "买买提·吐尔逊·阿不都热合曼"),
        // Issue 12: a full stop between Han characters is the separator typed without `·`.
        ("阿卜杜拉.艾尼", "阿卜杜拉·艾尼"),
        ("阿卜杜拉．艾尼", "阿卜杜拉·艾尼"),       // U+FF0E full-width full stop
        ("阿卜杜拉 . 艾尼", "阿卜杜拉·艾尼"),
        ("张.伟", "张·伟"),
    ]

    @Test(arguments: accepted)
    func acceptsAndNormalises(_ c: (String, String)) throws {
        #expect(try PersonName.parse(c.0).get().value == c.1)
    }

    static let refused: [(String, PersonNameError)] = [
        ("", .empty),
        ("   ", .empty),
        (String(repeating: "张", count: 31), .tooLong(31)),
        (String(repeating: "张", count: 500), .tooLong(500)),
        ("张三\u{1B}[2J", .forbiddenCharacter(position: 3)),
        ("\r", .forbiddenCharacter(position: 1)),
        ("张三\r\n", .forbiddenCharacter(position: 3)),
        ("张\u{202E}三", .forbiddenCharacter(position: 2)),
        ("\u{202E}", .forbiddenCharacter(position: 1)),
        ("张\u{200B}三", .forbiddenCharacter(position: 2)),
        ("张三\u{FEFF}", .forbiddenCharacter(position: 3)),
        ("张\u{0085}三", .forbiddenCharacter(position: 2)),      // C1 next line
        ("张\t三", .forbiddenCharacter(position: 2)),
        ("\u{2066}张三\u{2069}", .forbiddenCharacter(position: 1)),
        ("·", .misplacedDot),
        ("··", .misplacedDot),
        ("·艾尼", .misplacedDot),
        ("阿卜杜拉·", .misplacedDot),
        ("阿卜杜拉··艾尼", .misplacedDot),
        ("张 伟", .misplacedSpace(position: 2)),
        ("张3", .invalidCharacter(position: 2, "3")),
        ("张伟.", .invalidCharacter(position: 3, ".")),          // not between two Han characters
        (".张伟", .invalidCharacter(position: 1, ".")),
        ("John F. Smith", .invalidCharacter(position: 7, ".")),  // Latin punctuation stays refused
        ("阿卜杜拉..艾尼", .invalidCharacter(position: 5, ".")),
        ("<script>", .invalidCharacter(position: 1, "<")),
        ("-Anna", .invalidCharacter(position: 1, "-")),
    ]

    @Test(arguments: refused)
    func refusesWithReason(_ c: (String, PersonNameError)) {
        #expect(PersonName.parse(c.0).failure == c.1)
    }

    @Test func thirtyCharactersIsTheLimit() {
        #expect(PersonName.parse(String(repeating: "张", count: 30)).success != nil)
        // Grapheme clusters, not scalars: 30 accented letters built from two scalars each still fit.
        #expect(PersonName.parse(String(repeating: "e\u{0301}", count: 30)).success != nil)
    }

    @Test func messages() {
        #expect(PersonNameError.forbiddenCharacter(position: 3).message(.en)
            .hasPrefix("contains a control or invisible character at position 3"))
        #expect(PersonNameError.tooLong(31).message(.en) == "a name has at most 30 characters, not 31")
        #expect(PersonNameError.tooLong(31).message(.zh).contains("30"))
    }
}

@Suite struct UnsafeTextTests {
    @Test func sanitisesFreeText() {
        #expect(UnsafeText.sanitise("  南京市\t玄武区\r\n  中山路 1 号 ") == "南京市 玄武区 中山路 1 号")
        #expect(UnsafeText.sanitise("南京\u{1B}[2J市\u{202E}\u{200B}") == "南京[2J市")
        #expect(UnsafeText.sanitise("\u{0007}\u{009B}") == "")
    }
}
