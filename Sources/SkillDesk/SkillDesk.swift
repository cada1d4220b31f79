// SkillDesk module; see DESIGN.md.
