// SkillScreens module; see DESIGN.md.
