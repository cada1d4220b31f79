import Testing

@Test func placeholderSkillCoreTests() { #expect(1 + 1 == 2) }
