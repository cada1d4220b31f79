import Testing
@testable import TermUI

@Suite struct TextWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(TextWidth.of("Bob") == 3)
        #expect(TextWidth.of("") == 0)
    }

    @Test func cjkAndHangulAreTwoColumns() {
        #expect(TextWidth.of("张三") == 4)
        #expect(TextWidth.of("한국") == 4)
        #expect(TextWidth.of("カタカナ") == 8)
    }

    @Test func middleDotIsNarrow() {
        #expect(TextWidth.of(Character("·")) == 1)
        #expect(TextWidth.of("阿卜杜拉·艾尼") == 13)
    }

    @Test func fullwidthPunctuationIsWide() {
        for c in "，。：（）！" { #expect(TextWidth.of(c) == 2, "\(c)") }
        #expect(TextWidth.of("Ａ") == 2)
    }

    @Test func emojiAreTwoColumnsIncludingModifiersAndSequences() {
        #expect(TextWidth.of("👍") == 2)
        #expect(TextWidth.of("👍🏽") == 2)
        #expect(TextWidth.of("👨‍👩‍👧") == 2)
        #expect(TextWidth.of("🇨🇳") == 2)
        #expect(TextWidth.of("❤️") == 2)
        #expect(TextWidth.of("❤") == 1)
    }

    @Test func combiningMarksAddNothing() {
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("Zoë\u{308}") == 3)
        #expect(TextWidth.of(Character("\u{301}")) == 0)
    }

    @Test func controlsHaveNoWidthButTheirPicturesDo() {
        #expect(TextWidth.of(Character("\u{1B}")) == 0)
        #expect(TextWidth.of(Sanitize.forDisplay("\u{1B}")) == 1)
    }

    @Test func clipNeverSplitsAWideCharacter() {
        let clipped = TextWidth.clip("张三丰", to: 3)
        #expect(clipped == "张…")
        #expect(TextWidth.of(clipped) <= 3)
        let bare = TextWidth.clip("张三丰", to: 3, ellipsis: false)
        #expect(bare == "张")
        #expect(TextWidth.clip("张三丰", to: 6) == "张三丰")
        #expect(TextWidth.clip("abcdef", to: 4) == "abc…")
        #expect(TextWidth.clip("abc", to: 0) == "")
    }

    @Test func padGivesExactWidth() {
        #expect(TextWidth.pad("张三", to: 6) == "张三  ")
        #expect(TextWidth.pad("张三", to: 6, alignRight: true) == "  张三")
        #expect(TextWidth.of(TextWidth.pad("张三丰", to: 5)) == 5)
        #expect(TextWidth.pad("张三丰", to: 4) == "张… ")
        for width in 1...8 {
            #expect(TextWidth.of(TextWidth.pad("欧阳娜娜👍🏽", to: width)) == width)
        }
    }

    @Test func wrapBreaksLatinAtSpacesAndChineseAnywhere() {
        #expect(TextWidth.wrap("open the worker record", to: 10) == ["open the", "worker", "record"])
        #expect(TextWidth.wrap("张三丰李四王五", to: 5) == ["张三", "丰李", "四王", "五"])
        for line in TextWidth.wrap("该工人已存在，是否打开？", to: 7) { #expect(TextWidth.of(line) <= 7) }
        // A closing mark never starts a line: the character before it goes down with it (issue 12).
        #expect(TextWidth.wrap("驳回7份），超过", to: 9) == ["驳回7", "份），超", "过"])
        #expect(TextWidth.wrap("甲乙，丙丁", to: 4) == ["甲", "乙，", "丙丁"])
        // …and an opening mark never ends one.
        #expect(TextWidth.wrap("警示线20%（演示", to: 12) == ["警示线20%", "（演示"])
    }
}
