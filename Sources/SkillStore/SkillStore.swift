import GRDB
import SkillCore
