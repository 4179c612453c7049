import ArgumentParser
import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakPatch
import FirebreakReport
import Foundation

/// The fix advisor on one loaded input: its advice, the patch that writes the set, and the
/// report of both. Shared by `fix` and `report`.
struct FixRun {
    let writer: PatchWriter
    /// Nil when the patch could not be written (the error is printed).
    let patch: Patch?
    let report: FixReport

    init(model: PipelineModel, input: PatchWriter.Input, scenarios: [Scenario], keeps: [KeepConstraint]) {
        let writer = PatchWriter(model: model, input: input)
        let limits = SimulationInput.limits
        let written: (@Sendable ([ModelChange]) -> PipelineModel?)?
        if case .repository = writer.input { written = { [writer] in writer.written($0, limits: limits) } } else { written = nil }
        let advice = FixAdvisor(model: model, scenarios: scenarios, keeps: keeps, writable: { [writer] in writer.canWrite($0) },
                                written: written).advise()
        var patch: Patch?
        do throws(PatchError) {
            patch = try writer.patch(advice.minimalSet.map(\.change))
        } catch {
            Console.error("error: the patch could not be written: \(error)")
        }
        self.writer = writer
        self.patch = patch
        report = FixReport(model: model, advice: advice, diff: patch?.unifiedDiff ?? "", byHand: patch?.byHand ?? [],
                           settings: Set(advice.candidates.map(\.change).filter(writer.isSetting)))
    }

    /// What the patch edits: the model file, or the repository folder.
    static func patchInput(path: String, model: PipelineModel, context: String?, applying: Bool) throws -> PatchWriter.Input {
        if isDirectory(path) { return .repository(root: path, context: contextFile(root: path, context: context)) }
        if model.file == path { return .model(path: path) }
        guard !applying else {
            throw ValidationError("--apply needs the repository folder (or a native model file), not one workflow file")
        }
        let root = (path as NSString).deletingLastPathComponent
        return .repository(root: root, context: contextFile(root: root, context: context))
    }

    /// The context file the import read: --context, else the repository's own, if any.
    static func contextFile(root: String, context: String?) -> String? {
        if let context { return context }
        let own = (root as NSString).appendingPathComponent(InputLoader.contextFileName)
        return FileManager.default.fileExists(atPath: own) ? own : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
