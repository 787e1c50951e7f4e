namespace HcmcPortal.Domain;

/// <summary>
/// The report state machine of the 1022 channel. Pure: it says which move is legal and where it leads; the feedback
/// service records who did it, when, and the deadlines (<see cref="FeedbackDeadlines"/>).
/// </summary>
public static class FeedbackWorkflow
{
    private static readonly Dictionary<(FeedbackStatus From, FeedbackAction Action), FeedbackStatus> Transitions = new()
    {
        // The unit's first decision, within 2 working days. A transfer hands the report to another unit, which decides in turn.
        [(FeedbackStatus.Submitted, FeedbackAction.Accept)] = FeedbackStatus.Accepted,
        [(FeedbackStatus.Submitted, FeedbackAction.Transfer)] = FeedbackStatus.Submitted,
        [(FeedbackStatus.Submitted, FeedbackAction.Refuse)] = FeedbackStatus.Refused,

        // Handling: ask the reporter (clock stops), the reporter answers (clock resumes), resolve with evidence.
        [(FeedbackStatus.Accepted, FeedbackAction.RequestInfo)] = FeedbackStatus.AwaitingInfo,
        [(FeedbackStatus.AwaitingInfo, FeedbackAction.ProvideInfo)] = FeedbackStatus.Accepted,
        [(FeedbackStatus.Accepted, FeedbackAction.Resolve)] = FeedbackStatus.Resolved,
        [(FeedbackStatus.Resolved, FeedbackAction.Publish)] = FeedbackStatus.Published,

        // The reporter rates the answer, or reopens it (within 7 days): it goes back to the unit.
        [(FeedbackStatus.Resolved, FeedbackAction.Rate)] = FeedbackStatus.Resolved,
        [(FeedbackStatus.Published, FeedbackAction.Rate)] = FeedbackStatus.Published,
        [(FeedbackStatus.Resolved, FeedbackAction.Reopen)] = FeedbackStatus.Accepted,
        [(FeedbackStatus.Published, FeedbackAction.Reopen)] = FeedbackStatus.Accepted,
    };

    /// <summary>Whether <paramref name="action"/> is legal in <paramref name="from"/> (deadline windows aside: see <see cref="FeedbackDeadlines"/>).</summary>
    public static bool CanApply(FeedbackStatus from, FeedbackAction action) => Transitions.ContainsKey((from, action));

    /// <summary>The status after <paramref name="action"/>.</summary>
    /// <exception cref="InvalidOperationException">The action is not allowed in this status.</exception>
    public static FeedbackStatus Apply(FeedbackStatus from, FeedbackAction action) =>
        Transitions.TryGetValue((from, action), out var to)
            ? to
            : throw new InvalidOperationException($"Action {action} is not allowed on a report in status {from}.");

    /// <summary>The unit's actions legal in a status, in <see cref="FeedbackAction"/> order.</summary>
    public static IReadOnlyList<FeedbackAction> OfficerActions(FeedbackStatus status) =>
        [.. Enum.GetValues<FeedbackAction>().Where(a => IsOfficerAction(a) && CanApply(status, a))];

    /// <summary>Actions taken by the unit in charge (the others are the reporter's or the portal's).</summary>
    public static bool IsOfficerAction(FeedbackAction action) => action is FeedbackAction.Accept or FeedbackAction.Transfer
        or FeedbackAction.Refuse or FeedbackAction.RequestInfo or FeedbackAction.Resolve or FeedbackAction.Publish;

    /// <summary>Actions taken by the reporter.</summary>
    public static bool IsReporterAction(FeedbackAction action) =>
        action is FeedbackAction.ProvideInfo or FeedbackAction.Rate or FeedbackAction.Reopen;

    /// <summary>Whether the unit still owes the reporter something (the report is neither answered nor refused).</summary>
    public static bool IsOpen(FeedbackStatus status) =>
        status is FeedbackStatus.Submitted or FeedbackStatus.Accepted or FeedbackStatus.AwaitingInfo;

    /// <summary>Whether the reporter has the unit's answer (and may rate it or reopen the report).</summary>
    public static bool HasAnswer(FeedbackStatus status) => status is FeedbackStatus.Resolved or FeedbackStatus.Published;
}
