using HcmcPortal.Domain;

namespace HcmcPortal.Officer;

/// <summary>A procedure's workflow step with its role and its share of the time limit.</summary>
public sealed record StepPlan(int Order, string Name, string Role, int SharePercent);

/// <summary>One audit event as the control slip needs it (times in UTC).</summary>
public sealed record HandoverEvent(DateTime At, string Action, string ActorName, string ActorUnitName, DossierStatus? FromStatus, DossierStatus ToStatus, string? Note);

/// <summary>A line of the dossier-control slip: the hand-over, the step it closes, and whether it met that step's share.</summary>
public sealed record HandoverLine(HandoverEvent Event, StepPlan? Step, DateTime? StepDueAt, bool? OnTime);

/// <summary>
/// The dossier-control slip (form 05, Circular 01/2018/TT-VPCP art. 9): every hand-over with who, when, and on
/// time or not against the step's allotted share of the time limit. Each step's deadline is the clock start plus
/// the cumulative share of the processing span (clock start → due date) up to and including that step.
/// </summary>
public static class ControlSlip
{
    /// <summary>
    /// The role whose step an action closes or belongs to. Assigning starts the appraisal, so it is judged with the
    /// specialist's step; reception actions before processing belong to the first reception step, the return to the last.
    /// </summary>
    public static string? StepRoleOf(string action) => action switch
    {
        nameof(DossierAction.Receive) or nameof(DossierAction.RequestSupplement) or nameof(DossierAction.Refuse) or "WalkIn" => Roles.Reception,
        nameof(DossierAction.Assign) or nameof(DossierAction.ProposeResult) or nameof(DossierAction.ProposeRejection)
            or nameof(DossierAction.RequestSupplementInProcessing) or nameof(DossierAction.RequestPayment) or "Verify" => Roles.Specialist,
        nameof(DossierAction.Approve) or nameof(DossierAction.SendBack) or nameof(DossierAction.Stop) => Roles.UnitLeader,
        nameof(DossierAction.Return) => Roles.Reception,
        _ => null,
    };

    /// <summary>
    /// Builds the slip. Steps are matched in order: an action is attributed to the first step at or after the
    /// current one whose role matches, so a procedure with reception both first and last attributes the return to
    /// the last step. Events before the dossier has a due date (submission, reception itself) carry no verdict
    /// unless they close a step.
    /// </summary>
    public static IReadOnlyList<HandoverLine> Build(IEnumerable<StepPlan> steps, IEnumerable<HandoverEvent> events, DateTime? clockStartUtc, DateTime? dueUtc)
    {
        var ordered = steps.OrderBy(s => s.Order).ToList();
        var lines = new List<HandoverLine>();
        var current = 0;
        foreach (var e in events.OrderBy(e => e.At))
        {
            var role = StepRoleOf(e.Action);
            var index = role is null ? -1 : ordered.FindIndex(current, s => s.Role == role);
            if (index < 0)
            {
                lines.Add(new HandoverLine(e, null, null, null));
                continue;
            }

            current = index;
            var step = ordered[index];
            var stepDue = StepDue(ordered, index, clockStartUtc, dueUtc);
            lines.Add(new HandoverLine(e, step, stepDue, stepDue is { } d ? e.At <= d : null));
        }
        return lines;
    }

    /// <summary>Clock start + (shares of steps 0..index) % of the span to the due date; null without both dates.</summary>
    public static DateTime? StepDue(IReadOnlyList<StepPlan> ordered, int index, DateTime? clockStartUtc, DateTime? dueUtc)
    {
        if (clockStartUtc is not { } start || dueUtc is not { } due)
            return null;
        var cumulative = ordered.Take(index + 1).Sum(s => s.SharePercent);
        if (cumulative >= 100)
            return due;
        return start + TimeSpan.FromTicks((due - start).Ticks / 100 * cumulative);
    }
}
