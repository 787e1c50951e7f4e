using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

/// <summary>Which structure a report uses (Resolution 1685/NQ-UBTVQH15: the district level ends on 30/06/2025).</summary>
public sealed class ReportingStructureTests
{
    private static readonly DateOnly DistrictsFounded = new(1976, 7, 2);
    private static readonly DateOnly DistrictsEnded = new(2025, 6, 30);

    /// <summary>Quận 1 (1976–30/06/2025) and Phường Sài Gòn (from 01/07/2025), the shape of every unit under the city.</summary>
    private static readonly IReadOnlyList<DateOnly> Changes =
        [.. ReportingStructure.ChangeDays([(DistrictsFounded, DistrictsEnded), (ReportingStructure.CommuneLevelSince, null)])];

    [Fact]
    public void A_range_before_the_reform_is_one_district_part()
    {
        var parts = ReportingStructure.Split(new(2024, 1, 1), new(2024, 12, 31), Changes);
        Assert.Equal([new StructurePart(new(2024, 1, 1), new(2024, 12, 31))], parts);
        Assert.True(ReportingStructure.ExistedThroughout(DistrictsFounded, DistrictsEnded, parts[0]));
        Assert.False(ReportingStructure.ExistedThroughout(ReportingStructure.CommuneLevelSince, null, parts[0]));
    }

    [Fact]
    public void A_range_ending_on_30_06_2025_is_still_districts_only()
    {
        var parts = ReportingStructure.Split(new(2025, 1, 1), new(2025, 6, 30), Changes);
        Assert.Single(parts);
        Assert.True(ReportingStructure.ExistedThroughout(DistrictsFounded, DistrictsEnded, parts[0]));
    }

    [Fact]
    public void A_range_from_01_07_2025_is_one_part_of_the_new_units()
    {
        var parts = ReportingStructure.Split(new(2025, 7, 1), new(2026, 3, 31), Changes);
        Assert.Equal([new StructurePart(new(2025, 7, 1), new(2026, 3, 31))], parts);
        Assert.False(ReportingStructure.ExistedThroughout(DistrictsFounded, DistrictsEnded, parts[0]));
        Assert.True(ReportingStructure.ExistedThroughout(ReportingStructure.CommuneLevelSince, null, parts[0]));
    }

    [Fact]
    public void A_range_straddling_the_reform_splits_at_01_07_2025_and_no_unit_is_in_both_parts()
    {
        var parts = ReportingStructure.Split(new(2025, 1, 1), new(2025, 12, 31), Changes);
        Assert.Equal([new StructurePart(new(2025, 1, 1), new(2025, 6, 30)), new StructurePart(new(2025, 7, 1), new(2025, 12, 31))], parts);
        Assert.True(ReportingStructure.ExistedThroughout(DistrictsFounded, DistrictsEnded, parts[0]));
        Assert.False(ReportingStructure.ExistedThroughout(DistrictsFounded, DistrictsEnded, parts[1]));
        Assert.False(ReportingStructure.ExistedThroughout(ReportingStructure.CommuneLevelSince, null, parts[0]));
        Assert.True(ReportingStructure.ExistedThroughout(ReportingStructure.CommuneLevelSince, null, parts[1]));
    }

    [Fact]
    public void A_single_day_on_either_side_of_the_reform_is_one_part()
    {
        Assert.Single(ReportingStructure.Split(new(2025, 6, 30), new(2025, 6, 30), Changes));
        Assert.Single(ReportingStructure.Split(new(2025, 7, 1), new(2025, 7, 1), Changes));
        Assert.Equal(2, ReportingStructure.Split(new(2025, 6, 30), new(2025, 7, 1), Changes).Count);
    }

    [Fact]
    public void A_later_reorganisation_loaded_as_data_splits_again()
    {
        var changes = ReportingStructure.ChangeDays([(DistrictsFounded, DistrictsEnded), (ReportingStructure.CommuneLevelSince, new DateOnly(2027, 12, 31)), (new DateOnly(2028, 1, 1), null)]);
        var parts = ReportingStructure.Split(new(2025, 1, 1), new(2028, 6, 30), changes);
        Assert.Equal([new(2025, 1, 1), new(2025, 7, 1), new DateOnly(2028, 1, 1)], parts.Select(p => p.From));
    }

    [Fact]
    public void From_after_to_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReportingStructure.Split(new(2025, 2, 1), new(2025, 1, 1), Changes));
    }
}
