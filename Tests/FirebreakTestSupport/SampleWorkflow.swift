/// Small workflows the tests build repositories from.
public enum SampleWorkflow {
    /// A push-triggered job with no permissions that checks out (pinned) and runs `last`.
    public static func build(then last: String = "run: make") -> String {
        """
        on: push
        permissions: {}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
              - \(last)
        """
    }
}
