import FirebreakImport
import FirebreakPatch
import Testing

/// The patch editor changes the lines a change involves and keeps every other line, comments included.
struct YAMLTextEditorTests {
    let model = """
    # a comment that stays
    runners:
      pool:
        hosting: self-hosted
        lifecycle: persistent   # wiped never
    resources:
      db:     {type: database, networkAccess: write}
      site:   {type: other}
    jobs:
      build:
        secrets: [A, B]
        steps:
          - uses: actions/checkout@v4
    """

    @Test func aBlockValueIsReplacedInPlaceWithoutItsOutdatedComment() throws {
        var editor = YAMLTextEditor(text: model, file: "m.yml")
        try editor.set(["runners", "pool", "lifecycle"], to: .scalar("ephemeral"))
        #expect(editor.text.contains("    hosting: self-hosted\n    lifecycle: ephemeral\nresources:"))
        #expect(editor.text.hasPrefix("# a comment that stays\n"))
    }

    @Test func aValueInsideAFlowMappingRewritesThatEntryOnly() throws {
        var editor = YAMLTextEditor(text: model, file: "m.yml")
        try editor.set(["resources", "db", "networkAccess"], to: .scalar("none"))
        #expect(editor.text.contains("  db: {type: database, networkAccess: none}\n  site:   {type: other}\n"))
    }

    @Test func aMissingKeyIsAddedToItsBlockMapping() throws {
        var editor = YAMLTextEditor(text: model, file: "m.yml")
        try editor.set(["runners", "pool", "protectedBranchesOnly"], to: .scalar("true"))
        try editor.set(["caches", "deps"], to: .mapping([YAMLEntry("key", .scalar("deps-${{ x }}"))]))
        #expect(editor.text.contains("    lifecycle: persistent   # wiped never\n    protectedBranchesOnly: true\nresources:"))
        #expect(editor.text.hasSuffix("caches: {deps: {key: \"deps-${{ x }}\"}}"))
    }

    @Test func anEntryAndAListItemAreRemoved() throws {
        var editor = YAMLTextEditor(text: model, file: "m.yml")
        try editor.remove(["runners", "pool", "lifecycle"])
        try editor.edit(["jobs", "build", "secrets"]) { old in
            guard case .sequence(let items)? = old else { return old }
            return .sequence(items.filter { $0 != .scalar("A") })
        }
        #expect(!editor.text.contains("lifecycle"))
        #expect(editor.text.contains("    secrets: [B]\n"))
    }
}
