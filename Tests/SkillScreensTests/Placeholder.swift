import Testing

@Test func placeholderSkillScreensTests() { #expect(1 + 1 == 2) }
