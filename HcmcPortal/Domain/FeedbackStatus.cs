namespace HcmcPortal.Domain;

/// <summary>
/// Where a citizen's report (phản ánh kiến nghị, the 1022 channel) stands. Stored as its number: never renumber.
/// </summary>
public enum FeedbackStatus
{
    /// <summary>Sent (or transferred in) and waiting for the unit to accept, transfer or refuse it: 2 working days.</summary>
    Submitted = 0,

    /// <summary>Accepted: the unit handles it and must resolve it within 15 working days.</summary>
    Accepted = 1,

    /// <summary>The unit asked the reporter for more information: the clock is stopped until the reporter answers.</summary>
    AwaitingInfo = 2,

    /// <summary>Resolved with a written answer and evidence photos; the answer must be published within 2 working days.</summary>
    Resolved = 3,

    /// <summary>The answer is public.</summary>
    Published = 4,

    /// <summary>Refused with a reason (not the portal's business, abusive, or a duplicate): final.</summary>
    Refused = 5,
}

/// <summary>A step in a report's life, recorded in its timeline (<c>FeedbackEvent</c>). Stored as its number: never renumber.</summary>
public enum FeedbackAction
{
    Submit = 0,
    Accept = 1,
    Transfer = 2,
    Refuse = 3,
    RequestInfo = 4,
    ProvideInfo = 5,
    Resolve = 6,
    Publish = 7,
    Rate = 8,
    Reopen = 9,

    /// <summary>The portal reminded the unit that a step is due soon (no status change).</summary>
    Remind = 10,

    /// <summary>The portal told the city operator that a step is overdue (no status change).</summary>
    Escalate = 11,
}
