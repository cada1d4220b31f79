// The records the use cases hand out (rows, pages, the store's and the CSV reader's errors) live in
// SkillRecords, a module without GRDB; screens and the command line see them through this module and
// never import SkillStore (DECISIONS.md "Foundations (issue 11): layers"; `ImportDirectionTests`).
@_exported import SkillRecords
