// SkillCore module; see DESIGN.md.
