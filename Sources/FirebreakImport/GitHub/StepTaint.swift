import FirebreakModel
import Yams

/// Whether a step pastes text an outsider writes into code: `${{ }}` of an outsider-written
/// context (`ContextTaint`) in `run:` or a `github-script`, `${{ env.X }}` of an `env:` value
/// that holds one, `${{ steps.S.outputs.O }}` of an earlier step that wrote such text to
/// `$GITHUB_OUTPUT`, writing such a variable to `$GITHUB_ENV` or `$GITHUB_PATH` (which set the
/// later steps' environment and search path), or handing one to a local composite action that
/// interpolates the input. Reading `$X` in the shell is not an injection: the text stays data;
/// nor is writing it to `$GITHUB_OUTPUT`, until a later step pastes that output into code.
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
    /// `taintedSteps` names the earlier steps (by `id`) whose outputs hold outsider-written text.
    func finding(in step: Workflow.Step, taintedInputs: Set<String> = [], taintedSteps: Set<String> = [],
                 localAction: (String) -> LocalAction?, diagnostics: inout DiagnosticLog, depth: Int = 0) -> Finding? {
        let taintedEnv = self.taintedEnv(of: step, taintedInputs: taintedInputs, taintedSteps: taintedSteps)
        let scanner = ExpressionScanner(file: file)
        var scripts: [Yams.Node] = []
        if step.run != nil, let run = step.node.value("run") { scripts.append(run) }
        if step.uses?.lowercased().hasPrefix("actions/github-script") == true, let script = step.with["script"]?.node { scripts.append(script) }
        for script in scripts {
            for found in scanner.expressions(inScalar: script, diagnostics: &diagnostics) {
                if let context = Self.taintedContext(found.expression, taintedEnv: taintedEnv, taintedInputs: taintedInputs,
                                                     taintedSteps: taintedSteps) {
                    return Finding(context: context, location: found.location)
                }
            }
            if let text = script.scalarText {
                for name in taintedEnv.sorted() where Self.writes(name, to: Self.codeFiles, in: text) {
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

    /// Whether the step writes outsider-written text to `$GITHUB_OUTPUT`: its outputs then carry
    /// that text to the steps after it.
    func taintsOutputs(_ step: Workflow.Step, taintedSteps: Set<String>) -> Bool {
        guard let text = step.node.value("run")?.scalarText else { return false }
        let taintedEnv = self.taintedEnv(of: step, taintedInputs: [], taintedSteps: taintedSteps)
        return taintedEnv.contains { Self.writes($0, to: ["GITHUB_OUTPUT"], in: text) }
    }

    /// The step's environment variables whose values hold outsider-written text.
    private func taintedEnv(of step: Workflow.Step, taintedInputs: Set<String>, taintedSteps: Set<String>) -> Set<String> {
        let env = inheritedEnv.merging(step.env) { $1 }
        return Set(env.compactMap { name, value in tainted(text: value, inputs: taintedInputs, steps: taintedSteps) != nil ? name : nil })
    }

    private func tainted(text: String, inputs: Set<String>, steps: Set<String> = []) -> String? {
        guard let embedded = try? ExpressionTemplate.expressions(in: text) else { return nil }
        for item in embedded {
            guard let expression = try? ExpressionParser.parse(item.text) else { continue }
            if let context = Self.taintedContext(expression, taintedEnv: [], taintedInputs: inputs, taintedSteps: steps) { return context }
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
    static func taintedContext(_ expression: ActionsExpression, taintedEnv: Set<String>, taintedInputs: Set<String>,
                               taintedSteps: Set<String> = []) -> String? {
        for path in expression.contextPaths {
            if path.count >= 3, path[0] == "steps", path[2] == "outputs", taintedSteps.contains(where: { $0.lowercased() == path[1] }) {
                return "steps.\(path[1]).outputs"
            }
            if path.count == 2, path[0] == "env", taintedEnv.contains(where: { $0.lowercased() == path[1] }) { return "env.\(path[1])" }
            if path.count == 2, path[0] == "inputs", taintedInputs.contains(path[1]) { return "inputs.\(path[1])" }
            if path.first == "github", ContextTaint.writer(of: path) == .outsider { return path.joined(separator: ".") }
        }
        return nil
    }

    /// The files whose lines set the later steps' environment and search path: what is written
    /// there runs (`BASH_ENV`, `LD_PRELOAD`, a directory put first on `PATH`).
    static let codeFiles = ["GITHUB_ENV", "GITHUB_PATH"]

    /// Whether a script writes the shell variable `name` to one of `files`: on a line that names
    /// both, or anywhere in a script that sends a here-document to the file (`>> "$GITHUB_ENV" <<EOF`).
    static func writes(_ name: String, to files: [String], in script: String) -> Bool {
        let mentions = { (text: Substring) in text.contains("$\(name)") || text.contains("${\(name)}") }
        var hereDocument = false
        for line in script.split(separator: "\n") where files.contains(where: { line.contains($0) }) {
            if mentions(line) { return true }
            if line.contains("<<") { hereDocument = true }
        }
        return hereDocument && mentions(Substring(script))
    }
}
