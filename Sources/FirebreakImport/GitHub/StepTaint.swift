import FirebreakModel
import Yams

/// Whether a step pastes text an outsider writes into code: `${{ }}` of an outsider-written
/// context (`ContextTaint`) in `run:` or a `github-script`, `${{ env.X }}` of an `env:` value
/// that holds one, writing such a variable to `$GITHUB_ENV`, `$GITHUB_OUTPUT` or `$GITHUB_PATH`,
/// or handing one to a local composite action that interpolates the input. Reading `$X` in
/// the shell is not an injection: the text stays data.
struct StepTaint {
    /// `env:` of the workflow and job, step by step overlaid.
    let inheritedEnv: [String: String]
    let file: String

    /// The first tainted interpolation in a step, with its location and the context it pastes.
    struct Finding {
        var context: String
        var location: SourceLocation
        /// Whether the text reaches code only through the job's environment file, which only
        /// later steps read.
        var throughEnvironmentFile = false
    }

    /// Checks `step`; `taintedInputs` names the inputs a composite action receives tainted.
    func finding(in step: Workflow.Step, taintedInputs: Set<String> = [], localAction: (String) -> LocalAction?,
                 diagnostics: inout DiagnosticLog, depth: Int = 0) -> Finding? {
        let env = inheritedEnv.merging(step.env) { $1 }
        let taintedEnv = Set(env.compactMap { name, value in tainted(text: value, inputs: taintedInputs) != nil ? name : nil })
        let scanner = ExpressionScanner(file: file)
        var scripts: [Yams.Node] = []
        if step.run != nil, let run = step.node.value("run") { scripts.append(run) }
        if step.uses?.lowercased().hasPrefix("actions/github-script") == true, let script = step.with["script"]?.node { scripts.append(script) }
        for script in scripts {
            for found in scanner.expressions(inScalar: script, diagnostics: &diagnostics) {
                if let context = Self.taintedContext(found.expression, taintedEnv: taintedEnv, taintedInputs: taintedInputs) {
                    return Finding(context: context, location: found.location)
                }
            }
            if let text = script.scalarText, Self.writesEnvironmentFile(text) {
                for name in taintedEnv.sorted() where text.contains("$\(name)") || text.contains("${\(name)}") {
                    return Finding(context: "env.\(name) written to the job's environment file", location: script.location(file),
                                   throughEnvironmentFile: true)
                }
            }
        }
        // A local composite action interpolating an input the step hands it tainted text in.
        guard depth < 4, let uses = step.uses, let action = localAction(uses) else { return nil }
        var inputs: Set<String> = []
        for (name, value) in step.with {
            if Self.expressionsTainted(in: value.node, scanner: scanner, taintedEnv: taintedEnv, taintedInputs: taintedInputs, diagnostics: &diagnostics) {
                inputs.insert(name.lowercased())
            }
        }
        for (name, text) in action.inputDefaults where step.with[name] == nil && tainted(text: text, inputs: []) != nil {
            inputs.insert(name)
        }
        let inner = StepTaint(inheritedEnv: [:], file: action.file)
        for nested in action.steps {
            if let finding = inner.finding(in: nested, taintedInputs: inputs, localAction: localAction, diagnostics: &diagnostics, depth: depth + 1) {
                return finding
            }
        }
        return nil
    }

    private func tainted(text: String, inputs: Set<String>) -> String? {
        guard let embedded = try? ExpressionTemplate.expressions(in: text) else { return nil }
        for item in embedded {
            guard let expression = try? ExpressionParser.parse(item.text) else { continue }
            if let context = Self.taintedContext(expression, taintedEnv: [], taintedInputs: inputs) { return context }
        }
        return nil
    }

    private static func expressionsTainted(in node: Yams.Node, scanner: ExpressionScanner, taintedEnv: Set<String>, taintedInputs: Set<String>,
                                           diagnostics: inout DiagnosticLog) -> Bool {
        scanner.expressions(inScalar: node, diagnostics: &diagnostics).contains {
            taintedContext($0.expression, taintedEnv: taintedEnv, taintedInputs: taintedInputs) != nil
        }
    }

    /// The outsider-written context an expression reads, if any.
    static func taintedContext(_ expression: ActionsExpression, taintedEnv: Set<String>, taintedInputs: Set<String>) -> String? {
        for path in expression.contextPaths {
            if path.count == 2, path[0] == "env", taintedEnv.contains(where: { $0.lowercased() == path[1] }) { return "env.\(path[1])" }
            if path.count == 2, path[0] == "inputs", taintedInputs.contains(path[1]) { return "inputs.\(path[1])" }
            if path.first == "github", ContextTaint.writer(of: path) == .outsider { return path.joined(separator: ".") }
        }
        return nil
    }

    static func writesEnvironmentFile(_ script: String) -> Bool {
        TextSearch.contains(script, "GITHUB_ENV") || TextSearch.contains(script, "GITHUB_OUTPUT") || TextSearch.contains(script, "GITHUB_PATH")
    }
}
