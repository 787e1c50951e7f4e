using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Admin;

/// <summary>The catalogue editor's versions and the catalogue workbook, on the real app and a migrated SQLite file.</summary>
public sealed class CatalogueTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private ProcedureEditor Editor => portal.Get<ProcedureEditor>();
    private CatalogueWorkbook Workbook => portal.Get<CatalogueWorkbook>();
    private Task<Actor> AdminAsync() => portal.ActorAsync("quantri@demo.hcmc.vn");

    private static ProcedureDefinition Definition(string code)
    {
        var d = CatalogueValidatorTests.Valid();
        d.Code = code;
        d.ReceivingUnitCodes = [DemoSeeder.SaiGonCode];
        return d;
    }

    private async Task<Guid> SubmitAsync(int procedureId, string answersJson)
    {
        await using var db = portal.CreateDb();
        var docs = await db.RequiredDocuments.Where(d => d.ProcedureId == procedureId && d.Mandatory && !d.Retired).Select(d => d.Id).ToListAsync();
        var result = await portal.Dossiers().SubmitAsync(await portal.ActorAsync("congdan@demo.hcmc.vn"),
            new SubmitRequest(procedureId, await portal.UnitIdAsync(DemoSeeder.SaiGonCode), DossierChannel.Online)
            {
                ApplicantName = "Nguyễn Văn An", ApplicantCccd = "079203001234", FormDataJson = answersJson,
                Files = [.. docs.Select(id => new UploadedFile("to-khai.pdf", TestFiles.Pdf(), id))],
            });
        Assert.True(result.Succeeded, result.Message);
        return result.DossierId!.Value;
    }

    [Fact]
    public async Task A_dossier_keeps_the_version_it_was_filed_under_when_the_procedure_is_edited()
    {
        var admin = await AdminAsync();
        var created = await Editor.SaveAsync(admin, new SaveProcedureCommand(null, null, Definition("9.100001")), publish: true);
        Assert.True(created.Succeeded, created.Message);
        var id = created.ProcedureId!.Value;
        var filed = await SubmitAsync(id, """{"dien_tich":"120","muc_dich":"Ở"}""");
        Assert.Equal(1, await DossierVersionAsync(filed));

        // Edit the published procedure: a field renamed, a document dropped, a longer time limit.
        var opened = (await Editor.LoadAsync(id))!;
        opened.Definition.Fields[0].Label = "Diện tích sàn (m²)";
        opened.Definition.Documents.RemoveAt(1);
        opened.Definition.TimeLimitValue = 10;
        var edited = await Editor.SaveAsync(admin, new SaveProcedureCommand(id, opened.Version, opened.Definition));
        Assert.True(edited.Succeeded, edited.Message);

        var after = (await Editor.LoadAsync(id))!;
        Assert.Equal(2, after.CurrentVersion);
        Assert.Equal([2, 1], after.Versions.Select(v => v.Number));
        Assert.NotNull(after.ChangedAt);
        Assert.Equal(1, await DossierVersionAsync(filed));
        // The dossier is read with its version's labels and papers, and received with its version's time limit.
        var answers = await portal.Get<DeclarationReader>().AnswersAsync(id, """{"dien_tich":"120"}""", 1);
        Assert.Equal("Diện tích (m²)", answers.Single().Label);
        await using (var db = portal.CreateDb())
        {
            var v1 = await ProcedureVersions.DefinitionAsync(db, id, 1);
            Assert.Equal(["Tờ khai", "Bản sao CCCD"], v1!.Documents.Select(d => d.Name));
            Assert.Equal(5, v1.TimeLimitValue);
        }
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var detail = await portal.Get<OfficerQueries>().DetailAsync(reception, filed);
        Assert.Equal(["Tờ khai", "Bản sao CCCD"], detail!.RequiredDocuments);
        Assert.Equal(1, detail.ProcedureVersion);

        // A new dossier is filed under version 2; every change is recorded.
        Assert.Equal(2, await DossierVersionAsync(await SubmitAsync(id, """{"dien_tich":"80","muc_dich":"Ở"}""")));
        await using (var db = portal.CreateDb())
            Assert.Equal(["created", "edited"], await db.ProcedureChanges.Where(c => c.ProcedureId == id).OrderBy(c => c.Id).Select(c => c.Action).ToListAsync());

        // A stale editor is told, not overwritten.
        var stale = await Editor.SaveAsync(admin, new SaveProcedureCommand(id, opened.Version, opened.Definition));
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        await using (var db = portal.CreateDb())
        {
            var adminName = await db.Users.Where(u => u.Id == admin.UserId).Select(u => u.FullName).SingleAsync();
            Assert.StartsWith($"Thủ tục vừa được {adminName} lúc ", stale.Message);
        }
    }

    [Fact]
    public async Task Editing_a_seeded_procedure_keeps_its_first_version_for_the_dossiers_already_filed()
    {
        var filed = await SubmitAsync(await ProcedureIdAsync("1.000894"), "{}");
        var id = await ProcedureIdAsync("1.000894");
        var opened = (await Editor.LoadAsync(id))!;
        var firstDocuments = opened.Definition.Documents.Select(d => d.Name).ToList();
        opened.Definition.Documents.Add(new DocumentEdit { Name = "Giấy xác nhận mới", Mandatory = false });
        Assert.True((await Editor.SaveAsync(await AdminAsync(), new SaveProcedureCommand(id, opened.Version, opened.Definition))).Succeeded);
        var detail = await portal.Get<OfficerQueries>().DetailAsync(await portal.ActorAsync("motcua.q1@demo.hcmc.vn"), filed);
        Assert.Equal(firstDocuments, detail!.RequiredDocuments);
        Assert.Equal(2, (await Editor.LoadAsync(id))!.CurrentVersion);
    }

    [Fact]
    public async Task A_duplicate_code_or_a_negative_fee_saves_nothing()
    {
        var admin = await AdminAsync();
        await using var db = portal.CreateDb();
        var before = await db.Procedures.CountAsync();
        var duplicate = Definition("1.000894");
        var refused = await Editor.SaveAsync(admin, new SaveProcedureCommand(null, null, duplicate));
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Contains("Mã thủ tục 1.000894 đã được dùng cho thủ tục khác.", refused.AllProblems.Select(p => p.Message));
        var negative = Definition("9.100003");
        negative.FeeVnd = -5;
        Assert.Equal(CommandStatus.Invalid, (await Editor.SaveAsync(admin, new SaveProcedureCommand(null, null, negative))).Status);
        Assert.Equal(before, await db.Procedures.CountAsync());
        Assert.Equal(CommandStatus.Forbidden, (await Editor.SaveAsync(await portal.ActorAsync("motcua.q1@demo.hcmc.vn"), new SaveProcedureCommand(null, null, Definition("9.100004")))).Status);
    }

    [Fact]
    public async Task Shares_over_the_limit_a_fully_online_procedure_without_documents_or_form_and_a_choice_without_choices_save_nothing()
    {
        var admin = await AdminAsync();
        await using var db = portal.CreateDb();
        var before = await db.Procedures.CountAsync();
        var shares = Definition("9.100005");
        shares.Steps[1].SharePercent = 90;
        var noDocuments = Definition("9.100006");
        noDocuments.Documents = [];
        var noForm = Definition("9.100007");
        noForm.Fields = [];
        var noChoices = Definition("9.100008");
        noChoices.Fields[1].Options = " | ";

        foreach (var (definition, expected) in new[]
        {
            (shares, "vượt quá thời hạn"), (noDocuments, "giấy tờ"), (noForm, "biểu mẫu"),
            (noChoices, "Trường 2 «Mục đích»: trường lựa chọn phải có ít nhất một lựa chọn."),
        })
        {
            var refused = await Editor.SaveAsync(admin, new SaveProcedureCommand(null, null, definition));
            Assert.Equal(CommandStatus.Invalid, refused.Status);
            Assert.Contains(refused.AllProblems, p => p.Message.Contains(expected) && p.Path.Length > 0);
        }
        Assert.Equal(before, await db.Procedures.CountAsync());
    }

    [Fact]
    public async Task The_catalogue_workbook_round_trips_identically()
    {
        int ImportedChanges()
        {
            using var db = portal.CreateDb();
            return db.ProcedureChanges.Count(c => c.Action == "imported");
        }
        var changesBefore = ImportedChanges();
        var first = await Workbook.ExportAsync();
        var imported = await Workbook.ImportAsync(await AdminAsync(), new MemoryStream(first));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors.Take(10)) + imported.Message);
        Assert.Equal(Cells(first), Cells(await Workbook.ExportAsync()));
        // Nothing changed, so nothing was versioned or recorded.
        Assert.Equal(changesBefore, ImportedChanges());
    }

    [Fact]
    public async Task An_invalid_workbook_is_refused_whole_with_each_problem_placed_and_changes_nothing()
    {
        var before = await Workbook.ExportAsync();
        using var book = new XLWorkbook(new MemoryStream(before));
        var procedures = book.Worksheet(CatalogueWorkbook.ProceduresSheet);
        procedures.Cell(2, 2).Value = "Tên đã sửa — phải không được áp dụng"; // a valid change on row 2
        procedures.Cell(3, 5).Value = "99999";                                   // an unknown receiving unit on row 3
        procedures.Cell(4, 8).Value = -1000;                                     // a negative fee on row 4
        var fields = book.Worksheet(CatalogueWorkbook.FieldsSheet);
        fields.Cell(2, 5).Value = "Hình ảnh";                                     // an unknown field type
        using var edited = new MemoryStream();
        book.SaveAs(edited);
        edited.Position = 0;

        var result = await Workbook.ImportAsync(await AdminAsync(), edited);
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e is { Sheet: CatalogueWorkbook.FieldsSheet, Row: 2, Column: "Kiểu" } && e.Message.Contains("«Hình ảnh» không hợp lệ"));
        // The rules run once every cell could be read: fix the type and the row-level rules speak.
        fields.Cell(2, 5).Value = "Văn bản";
        fields.Cell(2, 7).Value = "";
        using var second = new MemoryStream();
        book.SaveAs(second);
        second.Position = 0;
        result = await Workbook.ImportAsync(await AdminAsync(), second);
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e is { Sheet: CatalogueWorkbook.ProceduresSheet, Row: 3, Column: "Đơn vị tiếp nhận" } && e.Message.Contains("«99999»"));
        Assert.Contains(result.Errors, e => e is { Sheet: CatalogueWorkbook.ProceduresSheet, Row: 4, Column: "Lệ phí (đồng)" } && e.Message == "Lệ phí không được âm.");
        Assert.All(result.Errors, e => Assert.StartsWith("Trang «", e.ToString()));
        Assert.Equal(Cells(before), Cells(await Workbook.ExportAsync()));

        var notAWorkbook = await Workbook.ImportAsync(await AdminAsync(), new MemoryStream("code,name\n1,2"u8.ToArray()));
        Assert.Equal("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.", notAWorkbook.Message);
    }

    [Fact]
    public async Task An_imported_change_to_a_published_procedure_is_a_new_version()
    {
        var code = "9.100005";
        Assert.True((await Editor.SaveAsync(await AdminAsync(), new SaveProcedureCommand(null, null, Definition(code)), publish: true)).Succeeded);
        using var book = new XLWorkbook(new MemoryStream(await Workbook.ExportAsync()));
        var sheet = book.Worksheet(CatalogueWorkbook.ProceduresSheet);
        var row = sheet.RowsUsed().First(r => r.Cell(1).GetString() == code);
        row.Cell(2).Value = "Cấp giấy phép thử nghiệm (sửa đổi)";
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        stream.Position = 0;
        var result = await Workbook.ImportAsync(await AdminAsync(), stream);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = portal.CreateDb();
        var procedure = await db.Procedures.SingleAsync(p => p.Code == code);
        Assert.Equal(("Cấp giấy phép thử nghiệm (sửa đổi)", 2), (procedure.Name, procedure.CurrentVersion));
    }

    private async Task<int> ProcedureIdAsync(string code)
    {
        await using var db = portal.CreateDb();
        return await db.Procedures.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> DossierVersionAsync(Guid id)
    {
        await using var db = portal.CreateDb();
        return await db.Dossiers.Where(d => d.Id == id).Select(d => d.ProcedureVersion).SingleAsync();
    }

    /// <summary>Every sheet's cells as text, to compare two workbooks.</summary>
    private static List<string> Cells(byte[] workbook)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        return [.. book.Worksheets.SelectMany(s => s.CellsUsed().Select(c => $"{s.Name}!{c.Address}={c.GetString()}"))];
    }
}
