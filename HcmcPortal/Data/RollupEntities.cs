namespace HcmcPortal.Data;

/// <summary>
/// Report counters for one Vietnam-local day and one unit (all procedures, <see cref="ProcedureId"/> = 0), one
/// procedure (all units, <see cref="UnitId"/> = 0) or one unit and one assigned officer (<see cref="ProcedureId"/> =
/// <see cref="Reports.DossierRollups.OfficerGrain"/>, <see cref="OfficerId"/> "" for dossiers assigned to no one), kept by <see cref="Reports.DossierRollups"/> in the transaction
/// of every dossier change, so that a report over a year reads hundreds of rows instead of every dossier.
/// Each counter is dated by its own event: the first thirteen and the two "received" ones by the reception day,
/// the resolved/withdrawn/refused/stopped/closed ones by the finishing day, <see cref="Returned"/> by the return day.
/// The thirteen metric counters are counted "as of the end of time" (an open dossier past any due date counts as
/// overdue); the reports correct them with the open-dossier counters at the end (a current state, dated by due day,
/// and not-due intervals), reading only the few dossiers those leave out.
/// </summary>
public class DossierRollup
{
    public DateOnly Day { get; set; }
    public int UnitId { get; set; }
    public int ProcedureId { get; set; }
    /// <summary>The specialist the dossiers are assigned to, on officer-grain rows only ("" elsewhere).</summary>
    public string OfficerId { get; set; } = "";

    // Reports.MetricPart, in its order.
    public int Received { get; set; }
    public int Online { get; set; }
    public int Digitised { get; set; }
    public int Finished { get; set; }
    public int FinishedOnTime { get; set; }
    public int ResultDigitised { get; set; }
    public int WithFee { get; set; }
    public int PaidOnline { get; set; }
    public int Overdue { get; set; }
    public int Complaint { get; set; }
    public int SatisfiedHandling { get; set; }
    public int Rated { get; set; }
    public int RatedSatisfied { get; set; }

    // Reports.StatColumn that are events of one day.
    public int ReceivedOnline { get; set; }
    public int ReceivedInPerson { get; set; }
    public int ResolvedEarly { get; set; }
    public int ResolvedOnTime { get; set; }
    public int ResolvedLate { get; set; }
    public int Returned { get; set; }
    public int Withdrawn { get; set; }
    public int Refused { get; set; }
    public int Stopped { get; set; }

    /// <summary>Dossiers received and since finished (any way), by finishing day: "received − closed" before a day is what was in process then.</summary>
    public int ClosedAfterReceipt { get; set; }

    /// <summary>
    /// Dossiers received, not finished and with at most one supplement request — a current state, not an event — by
    /// due day (<see cref="Reports.DossierRollups.NeverDue"/> without a due date): those on days after today are open
    /// and not yet overdue now, which the reports of a window that has not ended need without reading today's open dossiers.
    /// </summary>
    public int OpenByDueDay { get; set; }

    /// <summary>Of <see cref="OpenByDueDay"/>, those rated "not satisfied" (a complaint once they are not overdue).</summary>
    public int OpenByDueDayNotSatisfied { get; set; }

    /// <summary>
    /// "In process, not yet due" at the end of a day, as an interval of days per dossier (received, at most one supplement
    /// request): it starts on the reception day (<see cref="NotDueFrom"/>) and ends on the first day it is finished or
    /// due (<see cref="NotDueUntil"/>), so Σ NotDueFrom − Σ NotDueUntil over the days up to D is the number in process and
    /// not yet due at the end of D — the statistics of an ended window without reading its dossiers.
    /// </summary>
    public int NotDueFrom { get; set; }

    /// <summary>See <see cref="NotDueFrom"/>.</summary>
    public int NotDueUntil { get; set; }
}
