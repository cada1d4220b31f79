import Testing
import TermUI

@Suite struct SanitizeTests {
    @Test func escapeSequenceBecomesVisibleAndHarmless() {
        #expect(Sanitize.forDisplay("张三\u{1B}[2J") == "张三␛[2J")
        #expect(!Sanitize.forDisplay("\u{1B}[2J").unicodeScalars.contains("\u{1B}"))
    }

    @Test func c0ControlsBecomeControlPictures() {
        #expect(Sanitize.forDisplay("a\rb") == "a␍b")
        #expect(Sanitize.forDisplay("a\r\nb") == "a␍␊b")
        #expect(Sanitize.forDisplay("a\tb") == "a␉b")
        #expect(Sanitize.forDisplay("\u{0}\u{7F}") == "␀␡")
    }

    @Test func c1ControlsBecomeReplacementCharacter() {
        #expect(Sanitize.forDisplay("a\u{9B}2Jb") == "a\u{FFFD}2Jb")
        #expect(Sanitize.forDisplay("\u{85}") == "\u{FFFD}")
    }

    @Test func bidiControlsAreRemoved() {
        #expect(Sanitize.forDisplay("abc\u{202E}fed") == "abcfed")
        #expect(Sanitize.forDisplay("\u{2066}x\u{2069}\u{200F}\u{61C}") == "x")
    }

    @Test func zeroWidthCharactersAreRemoved() {
        #expect(Sanitize.forDisplay("张\u{200B}三") == "张三")
        #expect(Sanitize.forDisplay("\u{FEFF}a\u{2060}b\u{200C}c") == "abc")
        #expect(Sanitize.forDisplay("a\u{200D}b") == "ab")
    }

    @Test func emojiSequencesSurvive() {
        let family = "👨‍👩‍👧"
        #expect(Sanitize.forDisplay(family) == family)
        #expect(Sanitize.forDisplay("👍🏽 ok") == "👍🏽 ok")
    }

    @Test func cleanTextIsUnchanged() {
        let s = "阿卜杜拉·艾尼，Zoë（北京）"
        #expect(Sanitize.forDisplay(s) == s)
        #expect(Sanitize.isClean(s))
        #expect(!Sanitize.isClean("x\u{1B}"))
    }
}
