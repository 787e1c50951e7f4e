using System.Text;
using ClosedXML.Excel;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Units;

/// <summary>Administrators load a future reorganisation from the 2025 files' format; any wrong row refuses it whole.</summary>
public sealed class UnitImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string UnitHeader = "code,name,full_name,full_name_en,type,former_province\n";
    private const string MappingHeader = "old_province_code,old_province,old_district_code,old_district,old_ward_code,old_ward,new_units\n";
    // Tân Định keeps its code (reused, as in 2025); Cầu Ông Lãnh is split between it and a new commune.
    private const string GoodUnits = UnitHeader
        + "26737,Tân Định,Phường Tân Định,Tan Dinh Ward,ward,Thành phố Hồ Chí Minh\n"
        + "90002,Sông Sài Gòn,\"Xã Sông Sài Gòn, mới\",Song Sai Gon Commune,commune,Thành phố Hồ Chí Minh\n";
    private const string GoodMapping = MappingHeader
        + "79,Thành phố Hồ Chí Minh,,,26737,Phường Tân Định,26737:full\n"
        + "79,Thành phố Hồ Chí Minh,,,26758,Phường Cầu Ông Lãnh,26737:partial;90002:partial\n";

    private static string Future => VietnamTime.Today(TimeProvider.System).AddMonths(3).ToString("dd/MM/yyyy");

    private static ImportFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    private Task<UnitImportResult> ImportAsync(ImportFile units, ImportFile mapping, string date, string email = "quantri@demo.hcmc.vn") =>
        ImportAsAsync(email, units, mapping, date);

    private async Task<UnitImportResult> ImportAsAsync(string email, ImportFile units, ImportFile mapping, string date) =>
        await portal.Get<UnitImportService>().ImportAsync(await portal.ActorAsync(email), units, mapping, date);

    private async Task<(int Units, int Links, int Ended)> CountsAsync()
    {
        await using var db = portal.CreateDb();
        return (await db.Units.CountAsync(), await db.UnitSuccessions.CountAsync(), await db.Units.CountAsync(u => u.ValidTo != null));
    }

    [Theory]
    [InlineData("units", "99999,X,Phường X,X Ward,ward,HCM\n99999,Y,Phường Y,Y Ward,ward,HCM\n", "Danh sách đơn vị, dòng 3: mã đơn vị 99999 trùng với dòng 2.")]
    [InlineData("units", "99999,X,Phường X,X Ward,district,HCM\n", "Danh sách đơn vị, dòng 2: loại đơn vị (type) \"district\" không hợp lệ")]
    [InlineData("units", "9A,X,Phường X,X Ward,ward,HCM\n", "Danh sách đơn vị, dòng 2: mã đơn vị (code) \"9A\" không hợp lệ")]
    [InlineData("units", "25747,X,Phường X,X Ward,ward,HCM\n", "Danh sách đơn vị, dòng 2: mã đơn vị 25747 trùng với Phường Thủ Dầu Một")]
    [InlineData("mapping", "79,HCM,,,88888,Phường Z,26737:full\n", "Bảng chuyển đổi, dòng 2: không có đơn vị cũ mã 88888")]
    [InlineData("mapping", "79,HCM,,,760,Quận 1,26737:full\n", "Bảng chuyển đổi, dòng 2: không có đơn vị cũ mã 760")] // already dissolved
    [InlineData("mapping", "79,HCM,,,26743,Phường Bến Thành,77777:full\n", "Bảng chuyển đổi, dòng 2: đơn vị mới mã 77777 (new_units) không có trong danh sách")]
    [InlineData("mapping", "79,HCM,,,26743,Phường Bến Thành,26737:whole\n", "Bảng chuyển đổi, dòng 2: đơn vị mới (new_units) \"26737:whole\" không đúng dạng")]
    [InlineData("date", "31/02/2027", "Ngày hiệu lực không hợp lệ")]
    [InlineData("date", "01/07/2025", "phải sau ngày hôm nay")]
    public async Task A_wrong_row_refuses_the_whole_import_with_a_Vietnamese_message_naming_it_and_nothing_is_stored(string part, string content, string expected)
    {
        var before = await CountsAsync();
        var units = Csv("don-vi.csv", part == "units" ? UnitHeader + content : GoodUnits);
        // A good row first, so that a wrong row is not the only one: nothing at all may be stored.
        var mapping = Csv("chuyen-doi.csv", part == "mapping" ? GoodMapping + content.Replace("dòng 2", "dòng 4") : GoodMapping);
        var result = await ImportAsync(units, mapping, part == "date" ? content : Future);

        Assert.False(result.Applied);
        Assert.Contains(result.Errors, e => e.Contains(part == "mapping" ? expected.Replace("dòng 2", "dòng 4") : expected, StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Missing_files_columns_or_an_unreadable_workbook_are_refused_and_only_administrators_may_import()
    {
        var before = await CountsAsync();
        var none = await ImportAsync(null!, Csv("a.csv", GoodMapping), Future);
        Assert.Contains("Danh sách đơn vị: vui lòng chọn tệp CSV hoặc Excel (.xlsx).", none.Errors);
        var columns = await ImportAsync(Csv("a.csv", "ma,ten\n1,A\n"), Csv("b.csv", GoodMapping), Future);
        Assert.Contains("Danh sách đơn vị: thiếu cột code, full_name, type.", columns.Errors);
        var broken = await ImportAsync(new ImportFile("a.xlsx", [1, 2, 3]), Csv("b.csv", GoodMapping), Future);
        Assert.Contains(broken.Errors, e => e.StartsWith("Danh sách đơn vị: không đọc được tệp a.xlsx", StringComparison.Ordinal));
        var officer = await ImportAsAsync("motcua.q1@demo.hcmc.vn", Csv("a.csv", GoodUnits), Csv("b.csv", GoodMapping), Future);
        Assert.False(officer.Applied);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_valid_import_from_csv_and_excel_adds_the_units_ends_the_old_ones_the_day_before_and_links_them()
    {
        var day = VietnamTime.Today(TimeProvider.System).AddMonths(3);
        var before = await CountsAsync();
        var mapping = new MemoryStream();
        using (var book = new XLWorkbook())
        {
            var sheet = book.AddWorksheet("mapping");
            var rows = GoodMapping.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < rows[r].Length; c++)
                    sheet.Cell(r + 1, c + 1).Value = rows[r][c];
            book.SaveAs(mapping);
        }

        var result = await ImportAsync(Csv("don-vi.csv", GoodUnits), new ImportFile("chuyen-doi.xlsx", mapping.ToArray()), day.ToString("dd/MM/yyyy"));

        Assert.True(result.Applied, string.Join(" | ", result.Errors));
        Assert.Equal((2, 2, 3), (result.UnitsAdded, result.UnitsDissolved, result.Links));
        Assert.Equal((before.Units + 2, before.Links + 3, before.Ended + 2), await CountsAsync());
        await using var db = portal.CreateDb();
        var oldTanDinh = await db.Units.ByCodeOnAsync("26737", day.AddDays(-1));
        var newTanDinh = await db.Units.ByCodeOnAsync("26737", day);
        Assert.NotNull(oldTanDinh);
        Assert.NotNull(newTanDinh);
        Assert.NotEqual(oldTanDinh.Id, newTanDinh.Id);
        Assert.Equal(day.AddDays(-1), oldTanDinh.ValidTo);
        var commune = await db.Units.ByCodeOnAsync("90002", day);
        Assert.Equal(("Xã Sông Sài Gòn, mới", "Xã", UnitLevel.Commune), (commune!.Name, commune.Kind, commune.Level));
        Assert.Matches(@"^000\.25\.0[12]\.H29$", commune.AgencyCode);
        Assert.StartsWith((await db.Units.SingleAsync(u => u.Code == "79")).Path, commune.Path);
        var split = await db.UnitSuccessions.Where(s => s.PredecessorId == db.Units.Single(u => u.Code == "26758" && u.ValidTo == day.AddDays(-1)).Id)
            .OrderBy(s => s.SuccessorId).Select(s => new { s.SuccessorId, s.Partial }).ToListAsync();
        Assert.Equal([newTanDinh.Id, commune.Id], split.Select(s => s.SuccessorId).Order());
        Assert.All(split, s => Assert.True(s.Partial));
        // Until the day comes, the old units still receive; from it, only the new ones.
        Assert.Contains(await HcmcPortal.Units.Reception.Centres(db.Units, ProcedureLevel.Commune, day.AddDays(-1)).Select(u => u.Id).ToListAsync(), id => id == oldTanDinh.Id);
        var then = await HcmcPortal.Units.Reception.Centres(db.Units, ProcedureLevel.Commune, day).Select(u => u.Id).ToListAsync();
        Assert.Contains(commune.Id, then);
        Assert.DoesNotContain(oldTanDinh.Id, then);

        // The same files again: the codes are taken from that day, so it is refused and nothing changes.
        var again = await ImportAsync(Csv("don-vi.csv", GoodUnits), Csv("chuyen-doi.csv", GoodMapping), day.ToString("dd/MM/yyyy"));
        Assert.False(again.Applied);
        Assert.Equal((before.Units + 2, before.Links + 3, before.Ended + 2), await CountsAsync());
    }
}
