import Testing

@Test func placeholderTermUITests() { #expect(1 + 1 == 2) }
