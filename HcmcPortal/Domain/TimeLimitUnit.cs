namespace HcmcPortal.Domain;

/// <summary>Unit of a procedure's time limit (domain.md §4: hours, days, working days or months).</summary>
public enum TimeLimitUnit
{
    WorkingDays = 0,
    Days = 1,
    Hours = 2,
    Months = 3,

    /// <summary>
    /// Certification (chứng thực): the result is due the working day the request is received, or the next working day
    /// when it is received after 15:00 (Decree 23/2015/NĐ-CP art. 21). The limit's value is not used.
    /// </summary>
    SameWorkingDay = 4,
}

/// <summary>A procedure's legal time limit, e.g. 5 working days.</summary>
public readonly record struct TimeLimit(int Value, TimeLimitUnit Unit);
