import FirebreakModel

/// A run of a job that an attacker who pushes starts on a ref of their own: a side branch's
/// push, a pull or merge request, a tag. It holds no more than what unprotected refs get.
struct UnprotectedRun: Sendable {
    /// The trigger the run is of.
    let trigger: Trigger
    /// The side branch of a push; nil for a request or a tag (its OIDC claims name no branch
    /// that a trust policy on branches accepts).
    let branch: String?

    /// The event the run's claims name.
    var event: Trigger.Event { trigger.event }
}
