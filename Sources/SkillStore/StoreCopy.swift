import GRDB

extension Store {
    /// An in-memory copy of this store, page for page (SQLite's online backup): the same schema,
    /// rows and database id. Tests build a database whose users' passwords are hashed once (a
    /// yescrypt hash is deliberately slow) and give each test its own copy.
    public func inMemoryCopy() throws -> Store {
        let queue = try DatabaseQueue(configuration: Self.configuration())
        try writer.backup(to: queue)
        let copy = Store(writer: queue, path: nil)
        try copy.checkSchema()
        return copy
    }
}
