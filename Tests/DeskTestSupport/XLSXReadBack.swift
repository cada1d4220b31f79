import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an XLSX file back the way a spreadsheet would see it, for tests: unzipped with
/// ZIPFoundation, the sheet parsed with Foundation's `XMLParser`, each cell with its type.
public enum XLSXReadBack {
    public struct Cell: Equatable, Sendable, CustomStringConvertible {
        /// `inlineStr`, `n` (a number: no `t` attribute), or another `t` value (`s`, `str`, `b`, …).
        public var type: String
        public var value: String
        public var style: Int
        public var reference: String
        public var description: String { "\(reference)[\(type)]\(value)" }
    }

    public struct Book: Sendable {
        /// The entry names of the zip.
        public var parts: [String]
        /// Rows of cells, in order; a missing cell (empty text) is absent from its row.
        public var rows: [[Cell]]
        /// The raw sheet XML (to look for `<f>`, the pane, the columns).
        public var sheetXML: String
        public var workbookXML: String
        public var stylesXML: String
    }

    public enum Failure: Error { case noEntry(String), badXML(String, String) }

    public static func read(_ path: String) throws -> Book {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func data(_ name: String) throws -> Data {
            guard let e = archive[name] else { throw Failure.noEntry(name) }
            var out = Data()
            _ = try archive.extract(e) { out.append($0) }
            return out
        }
        let parts = archive.map(\.path)
        // Every part must be well-formed XML.
        for p in parts where p.hasSuffix(".xml") || p.hasSuffix(".rels") {
            let parser = XMLParser(data: try data(p))
            if !parser.parse() { throw Failure.badXML(p, parser.parserError.map { "\($0)" } ?? "?") }
        }
        let sheet = try data("xl/worksheets/sheet1.xml")
        let delegate = SheetDelegate()
        let parser = XMLParser(data: sheet)
        parser.delegate = delegate
        guard parser.parse() else { throw Failure.badXML("sheet1", parser.parserError.map { "\($0)" } ?? "?") }
        return Book(parts: parts, rows: delegate.rows, sheetXML: String(decoding: sheet, as: UTF8.self),
                    workbookXML: String(decoding: try data("xl/workbook.xml"), as: UTF8.self),
                    stylesXML: String(decoding: try data("xl/styles.xml"), as: UTF8.self))
    }

    /// The values of a row by column letter position (A = 0), empty where a cell is absent.
    public static func values(_ row: [Cell], count: Int) -> [String] {
        var out = Array(repeating: "", count: count)
        for c in row {
            let letters = c.reference.prefix { $0.isLetter }
            let index = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            if index >= 0 && index < count { out[index] = c.value }
        }
        return out
    }

    final class SheetDelegate: NSObject, XMLParserDelegate {
        var rows: [[Cell]] = []
        var current: Cell?
        var inValue = false
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "row": rows.append([])
            case "c": current = Cell(type: attributes["t"] ?? "n", value: "", style: Int(attributes["s"] ?? "0") ?? 0,
                                     reference: attributes["r"] ?? "")
            case "v", "t": inValue = true; text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { text += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": inValue = false; current?.value += text
            case "c": if let c = current { rows[rows.count - 1].append(c) }; current = nil
            default: break
            }
        }
    }
}
