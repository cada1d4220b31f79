import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// One CSV row after parsing and validation: a worker to insert, or the reason it is refused.
struct ImportRow: @unchecked Sendable {
    var line: Int
    var worker: Worker?
    var reason: String?
    /// The row's own fields (the rejects file repeats them).
    var fields: [String?]
}

/// Reads, parses and validates rows on a thread of its own and hands them over in batches
/// through a small bounded queue, so memory stays flat and the inserting thread never waits
/// on validation. The reader is used only by the pipeline's thread once `start()` was called.
final class ImportPipeline: @unchecked Sendable {
    private let reader: CSVReader
    private let columns: [ImportColumn?]
    private let width: Int
    private let today: CalendarDate
    private let lang: Lang
    private let condition = NSCondition()
    private var queue: [[ImportRow]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private var bytes: Int64 = 0
    private static let batchSize = 2_048
    private static let maxQueued = 4

    init(reader: CSVReader, columns: [ImportColumn?], width: Int, today: CalendarDate, lang: Lang) {
        self.reader = reader
        self.columns = columns
        self.width = width
        self.today = today
        self.lang = lang
    }

    var bytesRead: Int64 { condition.lock(); defer { condition.unlock() }; return bytes }

    func start() {
        let thread = Thread { [self] in produce() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops the producer (after an error on the inserting side).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, nil at the end; rethrows a reading error (e.g. an unterminated quote).
    func nextBatch() throws -> [ImportRow]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    private func produce() {
        var batch: [ImportRow] = []
        batch.reserveCapacity(Self.batchSize)
        do {
            while let record = try reader.next() {
                batch.append(row(record))
                if batch.count == Self.batchSize {
                    guard hand(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = hand(batch)
            finish(nil)
        } catch {
            finish(error)
        }
    }

    /// Queues a batch, waiting while the queue is full. False when cancelled.
    private func hand(_ batch: [ImportRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.maxQueued && !cancelled { condition.wait() }
        if cancelled { return false }
        if !batch.isEmpty { queue.append(batch) }
        bytes = reader.bytesRead
        condition.broadcast()
        return true
    }

    private func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    private func row(_ record: CSVRecord) -> ImportRow {
        let refuse = { (reason: String) in ImportRow(line: record.line, worker: nil, reason: reason, fields: record.fields) }
        if record.fields.count != width {
            return refuse(lang == .zh ? "有 \(record.fields.count) 列，表头有 \(width) 列（该行不完整或多出逗号）"
                : "has \(record.fields.count) fields but the header has \(width) (a truncated line or a stray comma)")
        }
        if record.hasNUL { return refuse(CSVRecord.nulMessage(lang)) }
        if record.fields.contains(where: { $0 == nil }) {
            return refuse(lang == .zh ? "不是有效的 UTF-8 文本；文件可能是 GB18030 编码，请用 --encoding gb18030（或 auto）"
                : "is not valid UTF-8; the file may be GB18030: use --encoding gb18030 (or auto)")
        }
        switch Session.draft(record, columns: columns, lang: lang) {
        case let .failure(problem):
            return refuse(problem.text)
        case let .success(draft):
            switch draft.validate(today: today) {
            case let .failure(v): return refuse(Session.describe(v, lang: lang))
            case let .success(worker):
                // The fields stay with the row: an insert conflict makes it a rejected row too,
                // and the rejects file repeats its fields.
                return ImportRow(line: record.line, worker: worker, reason: nil, fields: record.fields)
            }
        }
    }
}
