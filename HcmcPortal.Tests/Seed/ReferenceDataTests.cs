using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Seed;

public class ReferenceDataTests
{
    // domain.md §7: the 22 district-level units and their national codes.
    private static readonly string[] QuanCodes =
        ["760", "761", "764", "765", "766", "767", "768", "770", "771", "772", "773", "774", "775", "776", "777", "778"];
    private static readonly string[] ThanhPhoCodes = ["769"];
    private static readonly string[] HuyenCodes = ["783", "784", "785", "786", "787"];

    [Fact]
    public void City_is_hcmc_province_79()
    {
        var city = ReferenceUnits.City();
        Assert.Equal("79", city.Code);
        Assert.Equal("Thành phố Hồ Chí Minh", city.Name);
        Assert.Equal(UnitLevel.Province, city.Level);
        Assert.Equal("000.00.00.H29", city.AgencyCode);
        Assert.Null(city.ValidTo);
    }

    private static readonly UnitTree Tree = ReferenceUnits.Build();

    [Fact]
    public void Districts_are_the_22_units_of_domain_section_7()
    {
        var districts = Tree.Districts;

        Assert.Equal(22, districts.Count);
        Assert.Equal(QuanCodes.Order(), districts.Where(d => d.Kind == "Quận").Select(d => d.Code).Order());
        Assert.Equal(ThanhPhoCodes, districts.Where(d => d.Kind == "Thành phố").Select(d => d.Code));
        Assert.Equal(HuyenCodes.Order(), districts.Where(d => d.Kind == "Huyện").Select(d => d.Code).Order());
        Assert.All(districts, d =>
        {
            Assert.Equal(UnitLevel.District, d.Level);
            Assert.Same(Tree.City, d.Parent);
            Assert.Equal(new DateOnly(2025, 6, 30), d.ValidTo);
            Assert.StartsWith(d.Kind + " ", d.Name, StringComparison.Ordinal);
            Assert.Matches(@"^000\.00\.\d{2}\.H29$", d.AgencyCode);
        });
        Assert.Equal("Quận 1", districts[0].Name);
        Assert.Equal("000.00.01.H29", districts[0].AgencyCode);
        Assert.Equal(new DateOnly(2021, 1, 1), districts.Single(d => d.Code == "769").ValidFrom);
    }

    [Fact]
    public void Every_old_hcmc_ward_of_the_shared_file_is_loaded_under_its_district_until_30_06_2025()
    {
        // old-wards-to-2025.csv: 273 rows with old_province_code 79 (the wards as they stood on 30/06/2025).
        Assert.Equal(273, Tree.OldWards.Count);
        Assert.All(Tree.Districts, d => Assert.Contains(Tree.OldWards, w => w.Parent == d));
        Assert.All(Tree.OldWards, w =>
        {
            Assert.Equal(UnitLevel.Commune, w.Level);
            Assert.Contains(w.Kind, new[] { "Phường", "Xã", "Thị trấn" });
            Assert.StartsWith(w.Kind + " ", w.Name, StringComparison.Ordinal);
            Assert.Matches(@"^\d{5}$", w.Code);
            Assert.Equal(w.Parent!.ValidTo, w.ValidTo);
            Assert.Equal(w.Parent.ValidFrom, w.ValidFrom);
        });
        Assert.Equal(10, Tree.OldWards.Count(w => w.Parent!.Code == "760"));
    }

    [Fact]
    public void The_168_units_of_2025_are_113_wards_54_communes_and_the_con_dao_special_zone_under_the_city()
    {
        var units = Tree.Units2025;
        Assert.Equal(168, units.Count);
        Assert.Equal(113, units.Count(u => u.Kind == "Phường"));
        Assert.Equal(54, units.Count(u => u.Kind == "Xã"));
        Assert.Equal("Đặc khu Côn Đảo", units.Single(u => u.Kind == "Đặc khu").Name);
        Assert.All(units, u =>
        {
            Assert.Equal(UnitLevel.Commune, u.Level);
            Assert.Same(Tree.City, u.Parent);
            Assert.Equal(new DateOnly(2025, 7, 1), u.ValidFrom);
            Assert.Null(u.ValidTo);
            Assert.Matches(@"^000\.2[34]\.\d{2}\.H29$", u.AgencyCode);
        });
        Assert.Equal("Phường Thủ Dầu Một", units.Single(u => u.Code == "25747").Name);
        Assert.Equal("000.23.01.H29", units.Single(u => u.Code == "25747").AgencyCode);
    }

    [Fact]
    public void Codes_are_unique_per_start_date_and_agency_codes_unique()
    {
        var all = AllUnits();
        Assert.Equal(all.Count, all.Select(u => (u.Code, u.ValidFrom)).Distinct().Count());
        Assert.Equal(all.Count, all.Select(u => u.AgencyCode).Distinct().Count());
        // A 2025 unit may reuse an old ward's code: Phường Sài Gòn has the code of the old Phường Bến Nghé.
        Assert.Equal("Phường Bến Nghé", Tree.OldWards.Single(w => w.Code == "26740").Name);
        Assert.Equal("Phường Sài Gòn", Tree.Units2025.Single(u => u.Code == "26740").Name);
    }

    [Fact]
    public void Units_are_new_instances_without_ids()
    {
        Assert.NotSame(ReferenceUnits.Build().City, ReferenceUnits.Build().City);
        Assert.All(AllUnits(), u =>
        {
            Assert.Equal(0, u.Id);
            Assert.Null(u.ParentId);
        });
    }

    [Fact]
    public void Successions_link_each_old_ward_and_district_to_its_2025_units()
    {
        var s = Tree.Successions;
        // Phường Tân Định (26734) went wholly into the new Phường Tân Định (26737, the old Đa Kao's code);
        // Phường Đa Kao (26737) was split between Sài Gòn and Tân Định.
        Assert.Equal([("26737", false)], s.Where(x => x.Predecessor.Code == "26734").Select(x => (x.Successor.Code, x.Partial)));
        Assert.Equal([("26737", true), ("26740", true)], s.Where(x => x.Predecessor.Code == "26737")
            .Select(x => (x.Successor.Code, x.Partial)).OrderBy(x => x.Code));
        Assert.All(Tree.OldWards, w => Assert.Contains(s, x => x.Predecessor == w));
        // Quận 1 went into four units, each only in part.
        var q1 = s.Where(x => x.Predecessor.Code == "760").ToList();
        Assert.Equal(["Phường Bến Thành", "Phường Cầu Ông Lãnh", "Phường Sài Gòn", "Phường Tân Định"], q1.Select(x => x.Successor.Name).Order());
        Assert.All(q1, x => Assert.True(x.Partial));
        Assert.All(s, x => Assert.Contains(x.Successor, Tree.Units2025));
    }

    [Fact]
    public void Procedures_catalogue_is_broad_and_consistent()
    {
        var procedures = ReferenceProcedures.All();

        Assert.True(procedures.Count >= 30, $"only {procedures.Count} procedures");
        Assert.Equal(procedures.Count, procedures.Select(p => p.Code).Distinct().Count());
        Assert.True(procedures.Select(p => p.Field).Distinct().Count() >= 6);
        Assert.Contains(procedures, p => p.Level == ProcedureLevel.City);
        Assert.Contains(procedures, p => p.Level == ProcedureLevel.District);
        Assert.Contains(procedures, p => p.Level == ProcedureLevel.Commune);
        Assert.Contains(procedures, p => p.FullyOnline);
        Assert.Contains(procedures, p => !p.FullyOnline);
        Assert.All(procedures, p =>
        {
            Assert.Matches(@"^\d\.\d{6}$", p.Code);
            Assert.Equal(0, p.Id);
            Assert.True(p.IsPublished);
            Assert.Equal(VietnameseText.Fold(p.Name), p.SearchName);
            Assert.True(p.TimeLimitValue > 0);
            Assert.True(p.FeeVnd >= 0);
            Assert.False(string.IsNullOrWhiteSpace(p.Description));
            Assert.False(string.IsNullOrWhiteSpace(p.HandlingAgency));
            Assert.InRange(p.RequiredDocuments.Count, 1, 5);
            Assert.Contains(p.RequiredDocuments, d => d.Mandatory);
            Assert.InRange(p.FormFields.Count, 2, 5);
            Assert.Equal(p.FormFields.Count, p.FormFields.Select(f => f.Key).Distinct().Count());
            Assert.All(p.FormFields, f =>
            {
                Assert.Matches("^[a-z][A-Za-z0-9]*$", f.Key);
                Assert.Equal(f.Type == FormFieldType.Choice, f.Options is not null);
            });
            Assert.InRange(p.WorkflowSteps.Count, 3, 4);
            Assert.Equal(100, p.WorkflowSteps.Sum(s => s.SharePercent));
            Assert.All(p.WorkflowSteps, s => Assert.Contains(s.Role, Roles.Officers));
            Assert.Equal(Enumerable.Range(1, p.WorkflowSteps.Count), p.WorkflowSteps.Select(s => s.Order));
        });
    }

    [Theory]
    [InlineData(TimeLimitUnit.Hours)]
    [InlineData(TimeLimitUnit.Days)]
    [InlineData(TimeLimitUnit.Months)]
    [InlineData(TimeLimitUnit.WorkingDays)]
    public void Some_procedure_uses_each_time_unit(TimeLimitUnit unit) =>
        Assert.Contains(ReferenceProcedures.All(), p => p.TimeLimitUnit == unit);

    [Fact]
    public void Birth_registration_is_code_1_001193_and_free()
    {
        var p = ReferenceProcedures.All().Single(p => p.Code == "1.001193");
        Assert.Equal("Đăng ký khai sinh", p.Name);
        Assert.Equal("dang ky khai sinh", p.SearchName);
        Assert.Equal(0, p.FeeVnd);
        Assert.Equal(ProcedureLevel.Commune, p.Level);
    }

    [Fact]
    public void Dx_framework_has_9_indices_51_components_and_1000_points()
    {
        var framework = ReferenceDxFramework.Default();

        Assert.Equal(9, framework.Indices.Count);
        Assert.Equal(51, framework.Indices.Sum(i => i.Components.Count));
        Assert.Equal(1000, framework.Indices.Sum(i => i.MaxPoints), precision: 6);
        Assert.Equal(["NT", "TC", "HT", "NL", "ATTT", "CQS", "KTS", "XHS", "DTTM"], framework.Indices.OrderBy(i => i.Order).Select(i => i.Code));
        Assert.All(framework.Indices, i => Assert.Equal(i.MaxPoints, i.Components.Sum(c => c.MaxPoints), precision: 6));
        var components = framework.Indices.SelectMany(i => i.Components).ToList();
        Assert.Equal(components.Count, components.Select(c => c.Code).Distinct().Count());
        Assert.All(components, c =>
        {
            Assert.True(c.MaxPoints > 0);
            Assert.InRange(c.TargetRate, 0.01, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
        });
    }

    [Fact]
    public void Dx_measured_components_use_known_metrics_and_declared_ones_need_evidence()
    {
        var components = ReferenceDxFramework.Default().Indices.SelectMany(i => i.Components).ToList();

        var measured = components.Where(c => c.Source == DxSource.Measured).ToList();
        Assert.NotEmpty(measured);
        Assert.All(measured, c => Assert.Contains(c.Metric, ReferenceDxFramework.MeasuredMetrics));
        Assert.Equal(ReferenceDxFramework.MeasuredMetrics.Order(), measured.Select(c => c.Metric!).Order());
        Assert.All(components.Where(c => c.Source == DxSource.Declared), c =>
        {
            Assert.Null(c.Metric);
            Assert.False(string.IsNullOrWhiteSpace(c.EvidenceRequired));
        });
        Assert.Equal(0.5, measured.Single(c => c.Metric == HcmcPortal.Reports.PortalMetrics.OnlineShare).TargetRate);
        Assert.Equal(0.9, measured.Single(c => c.Metric == HcmcPortal.Reports.PortalMetrics.SatisfactionRate).TargetRate);
    }

    [Theory]
    [InlineData("Đăng ký Khai sinh", "dang ky khai sinh")]
    [InlineData("  ĐĂNG   KÝ\tkết hôn ", "dang ky ket hon")]
    [InlineData("Thành phố Thủ Đức", "thanh pho thu duc")]
    [InlineData("Chứng thực bản sao", "chung thuc ban sao")]
    [InlineData("Quận 1", "quan 1")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Fold_lowercases_strips_diacritics_and_collapses_spaces(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_handles_decomposed_input() =>
        Assert.Equal("viet nam", VietnameseText.Fold("Vie\u0323\u0302t Nam"));

    private static List<AdministrativeUnit> AllUnits() => [.. Tree.All];
}
