namespace HcmcPortal.Domain;

/// <summary>Where a dossier stands against its due date.</summary>
public enum DeadlineState
{
    /// <summary>Unfinished; the due date is further away than the next working day.</summary>
    NotDue = 0,

    /// <summary>Unfinished; due today or on the next working day.</summary>
    DueSoon = 1,

    /// <summary>Unfinished and past its due time.</summary>
    Overdue = 2,

    /// <summary>Finished on a calendar day before the due date.</summary>
    Early = 3,

    /// <summary>Finished on the due date, at or before the due time.</summary>
    OnTime = 4,

    /// <summary>Finished after the due time.</summary>
    Late = 5,
}

/// <summary>
/// Due dates and deadline checks. All times are Vietnam local time (UTC+7) as <see cref="DateTime"/>
/// of any kind (the kind is ignored and returned values are <see cref="DateTimeKind.Unspecified"/>).
/// Due dates promised on a receipt must be stored, not recomputed when the calendar changes (domain.md §4).
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>
    /// A paper dossier received <em>after</em> this time is transferred the next working day (Decree 61/2018 art. 18), and a
    /// certification received after it is due the next working day (Decree 23/2015 art. 21). 15:00 exactly is still that day.
    /// </summary>
    public static readonly TimeOnly ReceptionCutoff = new(15, 0);

    /// <summary>
    /// True when <paramref name="local"/> is after 15:00. Times are compared to the second, as a receipt shows them:
    /// 15:00:00 is on time, 15:00:01 is after.
    /// </summary>
    public static bool IsAfterCutoff(DateTime local) =>
        new TimeOnly(local.Hour, local.Minute, local.Second) > ReceptionCutoff;

    /// <summary>
    /// The due date and time for a time limit, counted from <paramref name="receivedLocal"/> (pass the result of
    /// <see cref="EffectiveStart"/>, or use the overload taking a channel).
    /// <list type="bullet">
    /// <item>WorkingDays: the n-th working day after the reception day, at 17:00. A dossier received on a non-working
    /// day or at/after 17:00 counts as received on the next working day. The reception day itself is not counted
    /// (as for any time limit in days, Civil Code 2015 art. 147(2)); n = 0 means the (effective) reception day.</item>
    /// <item>Days: the reception date + n calendar days, moved to the same or next working day, 17:00.</item>
    /// <item>Months: the reception date + n months (<see cref="DateOnly.AddMonths"/>: 31/01 + 1 month = 28 or 29/02),
    /// moved to the same or next working day, 17:00.</item>
    /// <item>Hours: n working hours inside office hours (07:30–11:30, 13:00–17:00) on working days; a start outside
    /// office hours is first moved to the next moment of office time.</item>
    /// <item>SameWorkingDay (certification): 17:00 of the reception day, or of the next working day when received after
    /// 15:00 or on a non-working day; n is ignored.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative limit value.</exception>
    public static DateTime ComputeDue(DateTime receivedLocal, TimeLimit limit, WorkingCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(cal);
        if (limit.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A time limit cannot be negative.");
        }

        var date = DateOnly.FromDateTime(receivedLocal);
        return limit.Unit switch
        {
            TimeLimitUnit.WorkingDays => At(cal.AddWorkingDays(ReceptionWorkingDay(receivedLocal, cal), limit.Value), WorkingCalendar.OfficeEnd),
            TimeLimitUnit.Days => At(cal.SameOrNextWorkingDay(date.AddDays(limit.Value)), WorkingCalendar.OfficeEnd),
            TimeLimitUnit.Months => At(cal.SameOrNextWorkingDay(date.AddMonths(limit.Value)), WorkingCalendar.OfficeEnd),
            TimeLimitUnit.Hours => AddWorkingHours(receivedLocal, limit.Value, cal),
            TimeLimitUnit.SameWorkingDay => At(cal.IsWorkingDay(date) && !IsAfterCutoff(receivedLocal) ? date : cal.NextWorkingDay(date), WorkingCalendar.OfficeEnd),
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, "Unknown time-limit unit."),
        };
    }

    /// <summary>The due date for a dossier received through <paramref name="channel"/>: <see cref="ComputeDue(DateTime, TimeLimit, WorkingCalendar)"/> from <see cref="EffectiveStart"/>.</summary>
    public static DateTime ComputeDue(DateTime receivedLocal, DossierChannel channel, TimeLimit limit, WorkingCalendar cal) =>
        ComputeDue(EffectiveStart(receivedLocal, channel, cal), limit, cal);

    /// <summary>
    /// The new due date once the complete supplement arrives: processing time restarts from zero at the
    /// resubmission (Decree 61/2018 art. 19(4)); the time spent by the applicant does not count against the agency.
    /// </summary>
    public static DateTime RestartAfterSupplement(DateTime resubmittedLocal, DossierChannel channel, TimeLimit limit, WorkingCalendar cal) =>
        ComputeDue(resubmittedLocal, channel, limit, cal);

    /// <summary>
    /// When processing starts (Decree 61/2018 art. 18): a paper (in-person) dossier received after 15:00 is
    /// transferred at 07:30 of the next working day; any dossier received on a non-working day starts at 07:30 of
    /// the next working day; otherwise the reception time is kept (online dossiers pass electronically at once).
    /// </summary>
    public static DateTime EffectiveStart(DateTime receivedLocal, DossierChannel channel, WorkingCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(cal);
        var date = DateOnly.FromDateTime(receivedLocal);
        if (!cal.IsWorkingDay(date))
        {
            return At(cal.NextWorkingDay(date), WorkingCalendar.OfficeStart);
        }

        if (channel == DossierChannel.InPerson && IsAfterCutoff(receivedLocal))
        {
            return At(cal.NextWorkingDay(date), WorkingCalendar.OfficeStart);
        }

        return DateTime.SpecifyKind(receivedLocal, DateTimeKind.Unspecified);
    }

    /// <summary>
    /// Classifies a dossier against its due time. Finished: before the due's calendar date → Early; on the due date
    /// and not after the due time → OnTime; after the due time → Late. Unfinished: past the due time → Overdue;
    /// due today or by the next working day → DueSoon; otherwise NotDue.
    /// </summary>
    public static DeadlineState Classify(DateTime dueLocal, DateTime? finishedLocal, DateTime nowLocal, WorkingCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(cal);
        var dueDate = DateOnly.FromDateTime(dueLocal);
        if (finishedLocal is { } finished)
        {
            if (DateOnly.FromDateTime(finished) < dueDate)
            {
                return DeadlineState.Early;
            }

            return finished <= dueLocal ? DeadlineState.OnTime : DeadlineState.Late;
        }

        if (nowLocal > dueLocal)
        {
            return DeadlineState.Overdue;
        }

        var today = DateOnly.FromDateTime(nowLocal);
        return dueDate <= cal.NextWorkingDay(today) ? DeadlineState.DueSoon : DeadlineState.NotDue;
    }

    /// <summary>
    /// The due time after a pause for the applicant's fee or tax (status 6): the time the agency waits for the payment
    /// is not processing time, so each working day from the request (exclusive) to the confirmation (inclusive) moves
    /// the due date one working day later, at the same time of day. A payment confirmed the same day moves nothing.
    /// </summary>
    public static DateTime ExtendForPause(DateTime dueLocal, DateTime pausedLocal, DateTime resumedLocal, WorkingCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(cal);
        var days = cal.WorkingDaysBetween(DateOnly.FromDateTime(pausedLocal), DateOnly.FromDateTime(resumedLocal));
        return days <= 0 ? dueLocal : cal.AddWorkingDays(DateOnly.FromDateTime(dueLocal), days).ToDateTime(TimeOnly.FromDateTime(dueLocal));
    }

    /// <summary>
    /// Whether to warn the officer that the apology with a new date must go out now: it is still allowed
    /// (<see cref="CanReappoint"/>) and the due date is near (<see cref="DeadlineState.DueSoon"/>) — in practice the
    /// last working day before the due date. Earlier there is nothing to warn about; later it is too late.
    /// </summary>
    public static bool IsApologyDue(int reappointmentsSoFar, DateTime dueLocal, DateTime nowLocal, WorkingCalendar cal) =>
        CanReappoint(reappointmentsSoFar, dueLocal, nowLocal, cal) && Classify(dueLocal, null, nowLocal, cal) == DeadlineState.DueSoon;

    /// <summary>
    /// Whether the agency may still send an apology with a new date (Decree 61/2018 art. 19(9)): only one
    /// re-appointment is ever allowed, and it must be sent at least 1 working day before the due date, i.e. at least
    /// one working day lies in (today, due date] and the due time has not passed.
    /// </summary>
    public static bool CanReappoint(int reappointmentsSoFar, DateTime dueLocal, DateTime nowLocal, WorkingCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(cal);
        ArgumentOutOfRangeException.ThrowIfNegative(reappointmentsSoFar);
        return reappointmentsSoFar == 0
            && nowLocal < dueLocal
            && cal.WorkingDaysBetween(DateOnly.FromDateTime(nowLocal), DateOnly.FromDateTime(dueLocal)) >= 1;
    }

    /// <summary>The working day on which counting starts: the reception day, or the next working day when received on a non-working day or at/after office end.</summary>
    private static DateOnly ReceptionWorkingDay(DateTime receivedLocal, WorkingCalendar cal)
    {
        var date = DateOnly.FromDateTime(receivedLocal);
        if (!cal.IsWorkingDay(date) || TimeOnly.FromDateTime(receivedLocal) >= WorkingCalendar.OfficeEnd)
        {
            return cal.NextWorkingDay(date);
        }

        return date;
    }

    private static DateTime AddWorkingHours(DateTime start, int hours, WorkingCalendar cal)
    {
        var t = ClampIntoOfficeTime(start, cal);
        var remaining = TimeSpan.FromHours(hours);
        while (true)
        {
            var time = TimeOnly.FromDateTime(t);
            var sessionEnd = time < WorkingCalendar.MorningEnd ? WorkingCalendar.MorningEnd : WorkingCalendar.OfficeEnd;
            var available = sessionEnd - time;
            if (remaining <= available)
            {
                return t + remaining;
            }

            remaining -= available;
            t = sessionEnd == WorkingCalendar.MorningEnd
                ? At(DateOnly.FromDateTime(t), WorkingCalendar.AfternoonStart)
                : At(cal.NextWorkingDay(DateOnly.FromDateTime(t)), WorkingCalendar.OfficeStart);
        }
    }

    /// <summary>The first moment of office time at or after <paramref name="t"/>.</summary>
    private static DateTime ClampIntoOfficeTime(DateTime t, WorkingCalendar cal)
    {
        var date = DateOnly.FromDateTime(t);
        var time = TimeOnly.FromDateTime(t);
        if (!cal.IsWorkingDay(date) || time >= WorkingCalendar.OfficeEnd)
        {
            return At(cal.NextWorkingDay(date), WorkingCalendar.OfficeStart);
        }

        if (time < WorkingCalendar.OfficeStart)
        {
            return At(date, WorkingCalendar.OfficeStart);
        }

        if (time >= WorkingCalendar.MorningEnd && time < WorkingCalendar.AfternoonStart)
        {
            return At(date, WorkingCalendar.AfternoonStart);
        }

        return DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
    }

    private static DateTime At(DateOnly date, TimeOnly time) => date.ToDateTime(time, DateTimeKind.Unspecified);
}
