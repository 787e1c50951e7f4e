namespace HcmcPortal.Domain;

/// <summary>Unit of a procedure's time limit (domain.md §4: hours, days, working days or months).</summary>
public enum TimeLimitUnit
{
    WorkingDays = 0,
    Days = 1,
    Hours = 2,
    Months = 3,
}

/// <summary>A procedure's legal time limit, e.g. 5 working days.</summary>
public readonly record struct TimeLimit(int Value, TimeLimitUnit Unit);
