import Testing

@Test func placeholderSkillStoreTests() { #expect(1 + 1 == 2) }
