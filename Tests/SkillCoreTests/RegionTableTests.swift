import Testing
@testable import SkillCore
