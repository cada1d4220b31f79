// TermUI module; see DESIGN.md.
