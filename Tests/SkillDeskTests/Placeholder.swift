import Testing

@Test func placeholderSkillDeskTests() { #expect(1 + 1 == 2) }
