namespace HcmcPortal.Domain;

/// <summary>A part of a report's date range (inclusive Vietnam-local dates) over which the city had one structure.</summary>
public sealed record StructurePart(DateOnly From, DateOnly To);

/// <summary>
/// THE rule for which units a report uses (issue 9 item 3; domain.md §7): every period is reported by the units the
/// city had in it, never by a unit that did not exist then. Until 30/06/2025 those are the 22 district-level units;
/// from 01/07/2025 (Resolutions 202/2025/QH15 and 1685/NQ-UBTVQH15, which abolished the district level) the 168
/// commune-level units directly under the city. A range that straddles a change is split into one part per structure.
/// <para>The change dates are not constants: they are the validity dates of the units directly under the city, so a
/// future reorganisation loaded as data splits reports the same way.</para>
/// </summary>
public static class ReportingStructure
{
    /// <summary>First day of the 168-unit structure (no district level).</summary>
    public static readonly DateOnly CommuneLevelSince = new(2025, 7, 1);

    /// <summary>
    /// The first day of each structure change that falls inside <paramref name="from"/>..<paramref name="to"/>: a
    /// unit's ValidFrom (it begins that day) and the day after its ValidTo (it is gone that day).
    /// </summary>
    public static IEnumerable<DateOnly> ChangeDays(IEnumerable<(DateOnly ValidFrom, DateOnly? ValidTo)> topUnits) =>
        topUnits.SelectMany(u => u.ValidTo is DateOnly end ? new[] { u.ValidFrom, end.AddDays(1) } : [u.ValidFrom]);

    /// <summary>Splits the range at every change day after its first day; one part when nothing changed in it.</summary>
    public static IReadOnlyList<StructurePart> Split(DateOnly from, DateOnly to, IEnumerable<DateOnly> changeDays)
    {
        if (to < from)
            throw new ArgumentException("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", nameof(to));
        var cuts = changeDays.Where(d => d > from && d <= to).Distinct().Order().ToList();
        var parts = new List<StructurePart>(cuts.Count + 1);
        var start = from;
        foreach (var cut in cuts)
        {
            parts.Add(new StructurePart(start, cut.AddDays(-1)));
            start = cut;
        }
        parts.Add(new StructurePart(start, to));
        return parts;
    }

    /// <summary>A unit is reported in a part when it existed on every day of it (parts never cross a change, so "on its first day" is the same).</summary>
    public static bool ExistedThroughout(DateOnly validFrom, DateOnly? validTo, StructurePart part) =>
        validFrom <= part.From && (validTo is null || validTo >= part.To);
}
