import FirebreakModel
import Yams

/// Finds and parses the expressions of a workflow's nodes: `${{ }}` in any value, and the whole
/// value of an `if:`. A malformed expression is reported once at its location and left out
/// (callers treat what they cannot read pessimistically).
struct ExpressionScanner {
    /// One parsed expression and where it is written.
    struct Found {
        var expression: ActionsExpression
        var location: SourceLocation
        /// The expression's text, for messages.
        var text: String
    }

    let file: String
    /// Scalars visited at most per call: a bound on hostile input.
    static let budget = 200_000

    /// Every expression below `node`. Problems are added to `diagnostics` (once per location).
    func expressions(in node: Yams.Node, diagnostics: inout DiagnosticLog) -> [Found] {
        var found: [Found] = []
        var budget = Self.budget
        visit(node, key: nil, budget: &budget, found: &found, diagnostics: &diagnostics)
        return found
    }

    /// The expressions embedded in one scalar value.
    func expressions(inScalar node: Yams.Node, diagnostics: inout DiagnosticLog) -> [Found] {
        var found: [Found] = []
        var budget = 2
        visit(node, key: nil, budget: &budget, found: &found, diagnostics: &diagnostics)
        return found
    }

    /// Parses an `if:` value.
    func condition(_ node: Yams.Node, diagnostics: inout DiagnosticLog) -> Found? {
        var found: [Found] = []
        var budget = 2
        visit(node, key: "if", budget: &budget, found: &found, diagnostics: &diagnostics)
        return found.first
    }

    private func visit(_ node: Yams.Node, key: String?, budget: inout Int, found: inout [Found], diagnostics: inout DiagnosticLog) {
        budget -= 1
        guard budget > 0 else { return }
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            if key == "if" {
                let condition = ExpressionTemplate.condition(text)
                if let stringified = condition.stringified { reportAlwaysHolds(stringified, scalar: node, diagnostics: &diagnostics) }
                do throws(ExpressionError) {
                    // A condition that is a string keeps its own text, for the messages and checks that read it.
                    let shown = condition.stringified == nil ? condition.expression : TextSearch.trimmed(text)
                    found.append(Found(expression: try ExpressionParser.parse(condition.expression), location: node.location(file), text: shown))
                } catch {
                    report(error, in: condition.expression, scalar: node, offset: nil, diagnostics: &diagnostics)
                }
                return
            }
            guard TextSearch.contains(text, "${{") else { return }
            do throws(ExpressionError) {
                let embeddedExpressions = try ExpressionTemplate.expressions(in: text)
                let locations = Self.locations(of: embeddedExpressions.map(\.offset), in: node, file: file)
                for (embedded, location) in zip(embeddedExpressions, locations) {
                    do throws(ExpressionError) {
                        found.append(Found(expression: try ExpressionParser.parse(embedded.text), location: location, text: embedded.text))
                    } catch {
                        report(error, in: embedded.text, scalar: node, offset: embedded.offset, diagnostics: &diagnostics)
                    }
                }
            } catch {
                report(error, in: text, scalar: node, offset: nil, diagnostics: &diagnostics)
            }
        case .sequence(let sequence):
            for item in sequence { visit(item, key: nil, budget: &budget, found: &found, diagnostics: &diagnostics) }
        case .mapping(let mapping):
            for (k, v) in mapping.inOrder { visit(v, key: k.scalarText, budget: &budget, found: &found, diagnostics: &diagnostics) }
        case .alias:
            break
        }
    }

    private func report(_ error: ExpressionError, in text: String, scalar: Yams.Node, offset: Int?, diagnostics: inout DiagnosticLog) {
        let location = offset.map { Self.location(of: $0, in: scalar, file: file) } ?? scalar.location(file)
        let shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
        diagnostics.add(Diagnostic(.warning, at: location, "cannot read the expression `\(shown)`: \(error.message) (at character \(error.offset + 1)); Firebreak assumes the worst of it",
                                   help: "GitHub would reject it too: fix the expression"))
    }

    /// An `if:` that GitHub reads as a string, which always holds: said where it is written,
    /// since the job or step it guards runs on every event.
    private func reportAlwaysHolds(_ stringified: ExpressionTemplate.Stringified, scalar: Yams.Node, diagnostics: inout DiagnosticLog) {
        switch stringified {
        case .whitespace:
            diagnostics.add(Diagnostic(.warning, at: scalar.location(file),
                                       "this `if:` always holds: the line break or spaces around its `${{ }}` make it a string, and GitHub counts a non-empty string as true",
                                       help: "end the block with `|-` or `>-` (they drop the last line break), or write the condition without `${{ }}`"))
        case .text:
            diagnostics.add(Diagnostic(.warning, at: scalar.location(file),
                                       "this `if:` always holds: text outside its `${{ }}` makes it a string, and GitHub counts a non-empty string as true",
                                       help: "write the whole condition as one expression, without `${{ }}`"))
        }
    }

    /// Where the character at `offset` of a scalar's text is in the file: exact on one-line
    /// scalars; on block scalars, the line, at the scalar's column.
    static func location(of offset: Int, in node: Yams.Node, file: String) -> SourceLocation {
        locations(of: [offset], in: node, file: file)[0]
    }

    /// `location(of:in:file:)` for each of `offsets`, in one pass over the scalar's text however
    /// many expressions it holds: the newlines before each are counted on the UTF-8 bytes (a
    /// scalar starts at each byte that continues none).
    static func locations(of offsets: [Int], in node: Yams.Node, file: String) -> [SourceLocation] {
        guard case .scalar(let scalar) = node, let mark = node.mark else { return offsets.map { _ in node.location(file) } }
        // The offsets in increasing order, each with its place among `offsets`.
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var newlinesBefore = [Int](repeating: 0, count: offsets.count)
        var next = 0, newlines = 0, scalars = 0
        for byte in scalar.string.utf8 where byte & 0xC0 != 0x80 {
            while next < order.count, offsets[order[next]] <= scalars {
                newlinesBefore[order[next]] = newlines
                next += 1
            }
            if next == order.count { break }
            scalars += 1
            if byte == 0x0A { newlines += 1 }
        }
        for place in order[next...] { newlinesBefore[place] = newlines }
        return zip(offsets, newlinesBefore).map { offset, newlines in
            switch scalar.style {
            case .literal, .folded:
                return SourceLocation(file: file, line: mark.line + 1 + newlines, column: mark.column)
            default:
                guard newlines == 0 else { return SourceLocation(file: file, line: mark.line + newlines, column: 1) }
                let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
                return SourceLocation(file: file, line: mark.line, column: mark.column + quote + offset)
            }
        }
    }
}
