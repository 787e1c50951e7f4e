namespace HcmcPortal.Domain;

/// <summary>
/// The dossier state machine (Decree 61/2018/NĐ-CP arts. 17–20; Circular 01/2018/TT-VPCP) and its mapping onto the
/// national status codes. Pure: it decides which move is legal; the caller records who did it and when.
/// </summary>
public static class DossierWorkflow
{
    private static readonly Dictionary<(DossierStage From, DossierAction Action), DossierStage> Transitions = new()
    {
        // Reception (art. 17): receive, ask for a supplement once and in full (art. 15(3)), or refuse.
        [(DossierStage.Submitted, DossierAction.Receive)] = DossierStage.Received,
        [(DossierStage.Submitted, DossierAction.RequestSupplement)] = DossierStage.SupplementRequested,
        [(DossierStage.Submitted, DossierAction.Refuse)] = DossierStage.Refused,

        // Processing (art. 19).
        [(DossierStage.Received, DossierAction.Assign)] = DossierStage.Assigned,
        [(DossierStage.SentBack, DossierAction.Assign)] = DossierStage.Assigned,
        [(DossierStage.Assigned, DossierAction.ProposeResult)] = DossierStage.AwaitingApproval,
        [(DossierStage.Assigned, DossierAction.ProposeRejection)] = DossierStage.AwaitingApproval, // art. 19(8)
        [(DossierStage.AwaitingApproval, DossierAction.Approve)] = DossierStage.ResultReady,
        [(DossierStage.AwaitingApproval, DossierAction.SendBack)] = DossierStage.SentBack,
        [(DossierStage.Assigned, DossierAction.RequestSupplementInProcessing)] = DossierStage.SupplementRequested, // art. 19(4)

        // Fee or tax (status 6).
        [(DossierStage.Received, DossierAction.RequestPayment)] = DossierStage.FinancialObligation,
        [(DossierStage.Assigned, DossierAction.RequestPayment)] = DossierStage.FinancialObligation,
        [(DossierStage.FinancialObligation, DossierAction.ConfirmPayment)] = DossierStage.Assigned,

        // Inter-agency routing: the new unit starts from Received.
        [(DossierStage.Received, DossierAction.Transfer)] = DossierStage.Received,
        [(DossierStage.Assigned, DossierAction.Transfer)] = DossierStage.Received,
        [(DossierStage.SentBack, DossierAction.Transfer)] = DossierStage.Received,

        // Stop processing (status 8).
        [(DossierStage.Received, DossierAction.Stop)] = DossierStage.Stopped,
        [(DossierStage.Assigned, DossierAction.Stop)] = DossierStage.Stopped,
        [(DossierStage.SentBack, DossierAction.Stop)] = DossierStage.Stopped,
        [(DossierStage.SupplementRequested, DossierAction.Stop)] = DossierStage.Stopped,
        [(DossierStage.FinancialObligation, DossierAction.Stop)] = DossierStage.Stopped,

        // Withdrawal by the applicant from any unfinished stage (status 7).
        [(DossierStage.Submitted, DossierAction.Withdraw)] = DossierStage.Withdrawn,
        [(DossierStage.Received, DossierAction.Withdraw)] = DossierStage.Withdrawn,
        [(DossierStage.Assigned, DossierAction.Withdraw)] = DossierStage.Withdrawn,
        [(DossierStage.AwaitingApproval, DossierAction.Withdraw)] = DossierStage.Withdrawn,
        [(DossierStage.SentBack, DossierAction.Withdraw)] = DossierStage.Withdrawn,
        [(DossierStage.SupplementRequested, DossierAction.Withdraw)] = DossierStage.Withdrawn,
        [(DossierStage.FinancialObligation, DossierAction.Withdraw)] = DossierStage.Withdrawn,

        // Return of the result (art. 20).
        [(DossierStage.ResultReady, DossierAction.Return)] = DossierStage.Returned,
    };

    /// <summary>The national status code for a stage (domain.md §2).</summary>
    public static DossierStatus StatusOf(DossierStage stage) => stage switch
    {
        DossierStage.Submitted => DossierStatus.Submitted,
        DossierStage.Received => DossierStatus.Received,
        DossierStage.Assigned or DossierStage.AwaitingApproval or DossierStage.SentBack => DossierStatus.Processing,
        DossierStage.SupplementRequested => DossierStatus.SupplementRequested,
        DossierStage.FinancialObligation => DossierStatus.FinancialObligation,
        DossierStage.ResultReady => DossierStatus.ResultReady,
        DossierStage.Returned => DossierStatus.Returned,
        DossierStage.Refused => DossierStatus.Refused,
        DossierStage.Withdrawn => DossierStatus.Withdrawn,
        DossierStage.Stopped => DossierStatus.Stopped,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown dossier stage."),
    };

    /// <summary>
    /// True when processing is over for the agency: the result is ready or returned, or the dossier was refused,
    /// withdrawn or stopped. (ResultReady is finished for deadline purposes although the result still has to be returned.)
    /// </summary>
    public static bool IsFinished(DossierStage stage) =>
        stage is DossierStage.ResultReady or DossierStage.Returned or DossierStage.Refused or DossierStage.Withdrawn or DossierStage.Stopped;

    /// <summary>True when no action at all can follow.</summary>
    public static bool IsTerminal(DossierStage stage) => AllowedActions(stage).Count == 0;

    /// <summary>Whether <paramref name="action"/> is legal in stage <paramref name="from"/>.</summary>
    public static bool CanApply(DossierStage from, DossierAction action) =>
        Transitions.ContainsKey((from, action)) || IsSupplementSubmission(from, action);

    /// <summary>
    /// The stage after <paramref name="action"/>. For <see cref="DossierAction.SubmitSupplement"/> use the overload
    /// with <c>supplementAtReception</c>: the target depends on where the supplement was asked for.
    /// </summary>
    /// <exception cref="InvalidDossierTransitionException">The action is not allowed in this stage.</exception>
    /// <exception cref="InvalidOperationException">SubmitSupplement without saying where the supplement was asked for.</exception>
    public static DossierStage Apply(DossierStage from, DossierAction action)
    {
        if (action == DossierAction.SubmitSupplement && CanApply(from, action))
        {
            throw new InvalidOperationException(
                "SubmitSupplement needs Apply(from, action, supplementAtReception): the next stage depends on where the supplement was requested.");
        }

        return Apply(from, action, supplementAtReception: false);
    }

    /// <summary>
    /// The stage after <paramref name="action"/>. <paramref name="supplementAtReception"/> only matters for
    /// <see cref="DossierAction.SubmitSupplement"/>: a supplement asked for at reception goes back to reception
    /// (Submitted); one asked for during processing restarts processing from zero (Received; Decree 61/2018 art. 19(4)).
    /// </summary>
    /// <exception cref="InvalidDossierTransitionException">The action is not allowed in this stage.</exception>
    public static DossierStage Apply(DossierStage from, DossierAction action, bool supplementAtReception)
    {
        if (IsSupplementSubmission(from, action))
        {
            return supplementAtReception ? DossierStage.Submitted : DossierStage.Received;
        }

        return Transitions.TryGetValue((from, action), out var to)
            ? to
            : throw new InvalidDossierTransitionException(from, action);
    }

    // SupplementRequested + SubmitSupplement has two possible targets, so it is not in the table.
    private static bool IsSupplementSubmission(DossierStage from, DossierAction action) =>
        from == DossierStage.SupplementRequested && action == DossierAction.SubmitSupplement;

    /// <summary>
    /// Whether <paramref name="action"/> is legal in stage <paramref name="from"/> for a dossier whose procedure charges
    /// <paramref name="feeVnd"/>: a fee or tax can be asked for only when the procedure has one.
    /// </summary>
    public static bool CanApply(DossierStage from, DossierAction action, long feeVnd) =>
        CanApply(from, action) && (action != DossierAction.RequestPayment || feeVnd > 0);

    /// <summary>The actions legal in a stage for a dossier with this fee, in <see cref="DossierAction"/> order.</summary>
    public static IReadOnlyList<DossierAction> AllowedActions(DossierStage stage, long feeVnd) =>
        [.. AllowedActions(stage).Where(a => CanApply(stage, a, feeVnd))];

    /// <summary>The actions legal in a stage, in <see cref="DossierAction"/> order.</summary>
    public static IReadOnlyList<DossierAction> AllowedActions(DossierStage stage) =>
        [.. Enum.GetValues<DossierAction>().Where(a => CanApply(stage, a))];

    /// <summary>The roles allowed to perform an action (domain.md §1). Unit scoping is the caller's job.</summary>
    public static IReadOnlyList<string> RolesFor(DossierAction action) => action switch
    {
        DossierAction.Receive or DossierAction.RequestSupplement or DossierAction.Refuse or DossierAction.Return => [Roles.Reception],
        DossierAction.Assign or DossierAction.Approve or DossierAction.SendBack or DossierAction.Stop => [Roles.UnitLeader],
        DossierAction.ProposeResult or DossierAction.ProposeRejection or DossierAction.RequestSupplementInProcessing => [Roles.Specialist],
        DossierAction.Transfer => [Roles.Specialist, Roles.UnitLeader],
        DossierAction.RequestPayment or DossierAction.ConfirmPayment => [Roles.Reception, Roles.Specialist],

        // The desk enters paper supplements and paper withdrawal requests on the applicant's behalf.
        DossierAction.SubmitSupplement or DossierAction.Withdraw => [Roles.Citizen, Roles.Reception],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown dossier action."),
    };
}
