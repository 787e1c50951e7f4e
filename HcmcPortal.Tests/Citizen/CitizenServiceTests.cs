using HcmcPortal.Validation;
using HcmcPortal.Data.Seed;
using System.Text.Json;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.Lookup;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Citizen.Notifications;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Citizen;

public sealed class CitizenServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Citizen = "congdan@demo.hcmc.vn";

    [Theory]
    [InlineData("khai sinh")]
    [InlineData("KHAI SINH")]
    [InlineData("  khai   sinh ")]
    [InlineData("Đăng ký khai sinh")]
    public async Task Search_finds_a_procedure_with_or_without_diacritics(string text)
    {
        var found = await portal.Get<ProcedureCatalog>().SearchAsync(new ProcedureQuery(text));
        Assert.Contains(found.Items, p => p.Name == "Đăng ký khai sinh");
        Assert.All(found.Items, p => Assert.Contains("khai sinh", VietnameseText.Fold(p.Name)));
    }

    [Fact]
    public async Task Search_filters_by_field_level_and_online_level()
    {
        var catalog = portal.Get<ProcedureCatalog>();
        var all = await catalog.SearchAsync(new ProcedureQuery(PageSize: 100));
        var filtered = await catalog.SearchAsync(new ProcedureQuery(Field: "Hộ tịch", Level: ProcedureLevel.Commune, FullyOnline: true, PageSize: 100));
        Assert.NotEmpty(filtered.Items);
        Assert.True(filtered.Total < all.Total);
        Assert.All(filtered.Items, p => Assert.True(p.Field == "Hộ tịch" && p.Level == ProcedureLevel.Commune && p.FullyOnline));
        Assert.Empty((await catalog.SearchAsync(new ProcedureQuery("khong co thu tuc nay"))).Items);
    }

    [Fact]
    public async Task Upload_is_checked_by_content_size_and_count_per_slot()
    {
        var actor = await portal.ActorAsync(Citizen);
        var (draftId, procedure) = await portal.KhaiSinhDraftAsync(actor);
        var drafts = portal.Get<DraftService>();
        var slot = procedure.Documents.First(d => !d.Mandatory).Id;

        var renamedExe = await drafts.AddFileAsync(actor, draftId, slot, "to-khai.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03]);
        Assert.Equal("Tệp «to-khai.pdf» không phải PDF, JPG hoặc PNG. Vui lòng chọn tệp đúng định dạng.", renamedExe.Error);
        var oversize = new byte[new UploadOptions().MaxBytes + 1];
        "%PDF-"u8.CopyTo(oversize);
        Assert.Contains("vượt quá dung lượng tối đa 10 MB", (await drafts.AddFileAsync(actor, draftId, slot, "lon.pdf", oversize)).Error);
        for (var i = 0; i < FileRules.MaxFilesPerSlot; i++)
            Assert.Null((await drafts.AddFileAsync(actor, draftId, slot, $"anh-{i}.png", TestFiles.Png())).Error);
        Assert.Equal($"Mỗi giấy tờ được tải tối đa {FileRules.MaxFilesPerSlot} tệp.", (await drafts.AddFileAsync(actor, draftId, slot, "them.png", TestFiles.Png())).Error);

        var draft = await drafts.GetAsync(actor, draftId);
        Assert.Equal(FileRules.MaxFilesPerSlot, draft!.Files.Count(f => f.RequiredDocumentId == slot));
        Assert.All(draft.Files.Where(f => f.RequiredDocumentId == slot), f => Assert.Equal("image/png", f.ContentType));
    }

    [Fact]
    public async Task Submitting_validates_every_field_with_a_message_keyed_to_it()
    {
        var actor = await portal.ActorAsync(Citizen);
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var data = await portal.KhaiSinhDataAsync(actor);
        data.Applicant.Cccd = "0792";
        data.Answers["childBirthDate"] = "31/02/2026";
        data.Answers["childSex"] = "Khác";
        data.Addresses["birthPlace"].WardId = null;
        var drafts = portal.Get<DraftService>();
        var saved = await drafts.SaveAsync(actor, new DraftSave(null, null, procedure.Id, 3, data));

        var outcome = await drafts.SubmitAsync(actor, saved.DraftId!.Value, Guid.NewGuid().ToString("N"));

        Assert.Equal(CommandStatus.Invalid, outcome.Result.Status);
        Assert.Equal(PersonRules.CccdMessage(CccdProblem.Length), outcome.FieldErrors[FormRules.Keys.Cccd]);
        Assert.Contains("không phải ngày hợp lệ", outcome.FieldErrors["childBirthDate"]);
        Assert.Contains("trong danh sách", outcome.FieldErrors["childSex"]);
        Assert.Contains("phường/xã", outcome.FieldErrors["birthPlace"]);
        Assert.All(procedure.Documents.Where(d => d.Mandatory), d => Assert.StartsWith("Thiếu giấy tờ bắt buộc", outcome.FieldErrors[DraftService.DocumentKey(d.Id)]));
        Assert.NotNull(await drafts.GetAsync(actor, saved.DraftId.Value));
    }

    [Fact]
    public async Task Phone_and_CCCD_typed_in_groups_or_with_84_are_stored_in_their_national_form_and_a_04_number_is_refused()
    {
        var actor = await portal.ActorAsync(Citizen);
        var (draftId, procedure) = await portal.KhaiSinhDraftAsync(actor);
        var drafts = portal.Get<DraftService>();
        var draft = (await drafts.GetAsync(actor, draftId))!;
        var data = draft.Data;
        data.Applicant.Phone = "0412 345 678";
        data.Applicant.Cccd = "079 203 001 234";
        Assert.True((await drafts.SaveAsync(actor, new DraftSave(draftId, draft.Version, procedure.Id, 3, data))).Succeeded);

        var refused = await drafts.SubmitAsync(actor, draftId, Guid.NewGuid().ToString("N"));
        Assert.Equal(PersonRules.PhoneInvalid, refused.FieldErrors[FormRules.Keys.Phone]);
        Assert.False(refused.FieldErrors.ContainsKey(FormRules.Keys.Cccd));

        draft = (await drafts.GetAsync(actor, draftId))!;
        data.Applicant.Phone = "+84 912.345.678";
        Assert.True((await drafts.SaveAsync(actor, new DraftSave(draftId, draft.Version, procedure.Id, 3, data))).Succeeded);
        var submitted = await drafts.SubmitAsync(actor, draftId, Guid.NewGuid().ToString("N"));
        Assert.True(submitted.Result.Succeeded, submitted.Result.Message);

        await using var db = portal.CreateDb();
        var stored = await db.Dossiers.Where(d => d.Id == submitted.Result.DossierId).Select(d => new { d.ApplicantPhone, d.ApplicantCccd }).SingleAsync();
        Assert.Equal(("0912345678", "079203001234"), (stored.ApplicantPhone, stored.ApplicantCccd));
    }

    [Fact]
    public async Task Submitting_twice_with_the_same_key_creates_one_dossier_and_moves_the_draft_files_into_it()
    {
        var actor = await portal.ActorAsync(Citizen);
        var (draftId, procedure) = await portal.KhaiSinhDraftAsync(actor);
        var drafts = portal.Get<DraftService>();
        var key = Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(drafts.SubmitAsync(actor, draftId, key), drafts.SubmitAsync(actor, draftId, key));
        var retry = await drafts.SubmitAsync(actor, draftId, key);

        Assert.All(results.Append(retry), r => Assert.True(r.Result.Succeeded, r.Result.Message));
        var id = results[0].Result.DossierId!.Value;
        Assert.All(results.Append(retry), r => Assert.Equal(id, r.Result.DossierId));
        await using var db = portal.CreateDb();
        Assert.Equal(1, await db.Dossiers.CountAsync(d => d.IdempotencyKey == key));
        Assert.False(await db.Drafts.AnyAsync(d => d.Id == draftId));
        Assert.False(await db.Files.AnyAsync(f => f.DraftId == draftId));
        Assert.Equal(procedure.Documents.Count(d => d.Mandatory), await db.Files.CountAsync(f => f.DossierId == id && f.Kind == FileKind.Application));
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        var form = JsonSerializer.Deserialize<Dictionary<string, string>>(dossier.FormDataJson)!;
        Assert.Equal("15/01/2026", form["childBirthDate"]);
        Assert.Equal("284 Cống Quỳnh, Phường Sài Gòn, Thành phố Hồ Chí Minh", form["birthPlace"]);
    }

    [Fact]
    public async Task Fifty_concurrent_submissions_get_unique_codes_in_the_legal_format()
    {
        var actor = await portal.ActorAsync("congdan2@demo.hcmc.vn");
        var q1 = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var files = procedure.Documents.Where(d => d.Mandatory).Select(d => new UploadedFile("giay-to.pdf", TestFiles.Pdf(), d.Id)).ToList();
        var service = portal.Get<DossierService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => service.SubmitAsync(actor, new SubmitRequest(procedure.Id, q1, DossierChannel.Online)
        {
            ApplicantName = "Trần Thị Bình", ApplicantCccd = "079195004321", Files = files, IdempotencyKey = $"load-{i}",
        }))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await using var db = portal.CreateDb();
        var agency = await db.Units.Where(u => u.Id == q1).Select(u => u.AgencyCode).SingleAsync();
        var today = VietnamTime.Today(TimeProvider.System);
        var codes = results.Select(r => r.Code!).ToList();
        Assert.Equal(50, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(agency)}-{today:yyMMdd}-\\d{{4}}$", c));
        Assert.All(codes, c => Assert.True(DossierCode.TryParse(c, out var parsedAgency, out var day, out _) && parsedAgency == agency && day == today));
        Assert.Equal(50, await db.Dossiers.CountAsync(d => codes.Contains(d.Code)));
        // A retried code allocation must not notify twice.
        var ids = results.Select(r => (Guid?)r.DossierId).ToList();
        Assert.Equal(50, await db.Notifications.CountAsync(n => ids.Contains(n.DossierId)));
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_ends_the_dossier_in_status_7()
    {
        var actor = await portal.ActorAsync(Citizen);
        var submitted = await portal.SubmitKhaiSinhAsync(actor);
        var service = portal.Get<DossierService>();

        var noReason = await service.ApplyAsync(actor, new ActionRequest(submitted.DossierId!.Value, submitted.Version!.Value, DossierAction.Withdraw) { Note = " " });
        Assert.Equal(CommandStatus.Invalid, noReason.Status);
        Assert.Equal("Vui lòng nêu lý do rút hồ sơ.", noReason.Message);

        var done = await service.ApplyAsync(actor, new ActionRequest(submitted.DossierId.Value, submitted.Version.Value, DossierAction.Withdraw) { Note = "Nộp nhầm thủ tục" });
        Assert.True(done.Succeeded, done.Message);
        var detail = await portal.Get<MyDossierService>().DetailAsync(actor, submitted.DossierId.Value);
        Assert.Equal(DossierStatus.Withdrawn, detail!.Status);
        Assert.False(detail.CanWithdraw);
        Assert.Contains(detail.Timeline, e => e.ToStatus == DossierStatus.Withdrawn && e.Note == "Nộp nhầm thủ tục");
    }

    [Fact]
    public async Task A_finished_dossier_is_rated_once_by_its_applicant_only()
    {
        var actor = await portal.ActorAsync(Citizen);
        var submitted = await portal.SubmitKhaiSinhAsync(actor);
        var id = submitted.DossierId!.Value;
        var my = portal.Get<MyDossierService>();
        Assert.Equal("Chỉ đánh giá được hồ sơ đã có kết quả.", (await my.RateAsync(actor, id, SatisfactionLevel.Satisfied, null)).Message);

        await portal.FinishAsync(id, submitted.Version!.Value);
        Assert.Equal(CommandStatus.NotFound, (await my.RateAsync(await portal.ActorAsync("congdan2@demo.hcmc.vn"), id, SatisfactionLevel.NotSatisfied, null)).Status);
        Assert.Equal(CommandStatus.NotFound, (await my.RateAsync(await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn"), id, SatisfactionLevel.Satisfied, null)).Status);
        Assert.True((await my.RateAsync(actor, id, SatisfactionLevel.Normal, "  Nhanh nhưng phải chờ  ")).Succeeded);
        var again = await my.RateAsync(actor, id, SatisfactionLevel.Satisfied, null);
        Assert.Equal("Bạn đã đánh giá hồ sơ này.", again.Message);

        await using var db = portal.CreateDb();
        var rating = await db.Ratings.SingleAsync(r => r.DossierId == id);
        Assert.Equal((SatisfactionLevel.Normal, "Nhanh nhưng phải chờ"), (rating.Level, rating.Comment));
        Assert.Equal(1, await db.DossierEvents.CountAsync(e => e.DossierId == id && e.Action == "Rate"));
        var detail = await my.DetailAsync(actor, id);
        Assert.False(detail!.CanRate);
        Assert.Contains(detail.Files, f => f.Kind == FileKind.Result);
        // One working day allowed, finished at once: before the due date.
        Assert.Equal(DeadlineState.Early, detail.Deadline);
    }

    [Fact]
    public async Task The_timeline_names_units_never_officers()
    {
        var actor = await portal.ActorAsync(Citizen);
        var submitted = await portal.SubmitKhaiSinhAsync(actor);
        await portal.FinishAsync(submitted.DossierId!.Value, submitted.Version!.Value);

        var detail = await portal.Get<MyDossierService>().DetailAsync(actor, submitted.DossierId.Value);

        Assert.Equal(5, detail!.Timeline.Count);
        Assert.Equal("Người nộp hồ sơ", detail.Timeline[0].ActorUnit);
        Assert.All(detail.Timeline.Skip(1), e => Assert.Equal("Phường Sài Gòn", e.ActorUnit));
        var shown = JsonSerializer.Serialize(detail);
        foreach (var officer in new[] { "Lê Thị Cúc", "Hoàng Minh Đức", "Võ Thị Em" })
            Assert.DoesNotContain(officer, shown);
    }

    [Fact]
    public async Task Lookup_shows_status_and_dates_only_and_answers_the_same_for_wrong_code_or_digits()
    {
        var actor = await portal.ActorAsync(Citizen);
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var submitted = await portal.Get<DossierService>().SubmitAsync(actor, new SubmitRequest(procedure.Id, await portal.UnitIdAsync(DemoSeeder.SaiGonCode), DossierChannel.Online)
        {
            ApplicantName = "Nguyễn Văn An", ApplicantCccd = "079203001234", ApplicantPhone = "0912345678",
            Files = procedure.Documents.Where(d => d.Mandatory).Select(d => new UploadedFile("a.pdf", TestFiles.Pdf(), d.Id)).ToList(),
        });
        await portal.ActAsync("motcua.q1@demo.hcmc.vn", submitted.DossierId!.Value, submitted.Version!.Value, DossierAction.Receive);
        var lookup = portal.Get<LookupService>();

        var byCccd = await lookup.LookupAsync("10.0.0.1", submitted.Code, "1234");
        Assert.Equal(LookupOutcome.Found, byCccd.Outcome);
        Assert.Equal(DossierStatus.Received, byCccd.Status);
        Assert.NotNull(byCccd.ReceivedAt);
        Assert.NotNull(byCccd.DueAt);
        Assert.Equal(byCccd, await lookup.LookupAsync("10.0.0.1", submitted.Code, "5678"));

        var wrongDigits = await lookup.LookupAsync("10.0.0.1", submitted.Code, "9999");
        var wrongCode = await lookup.LookupAsync("10.0.0.1", submitted.Code + "9", "1234");
        Assert.Equal(wrongCode, wrongDigits);
        Assert.Equal(new LookupResult(LookupOutcome.NotFound, LookupResult.NotFoundMessage), wrongDigits);
        var shown = JsonSerializer.Serialize(byCccd);
        Assert.DoesNotContain("Nguyễn Văn An", shown);
        Assert.DoesNotContain("079203001234", shown);
        Assert.Equal(LookupOutcome.Invalid, (await lookup.LookupAsync("10.0.0.1", submitted.Code, "12a4")).Outcome);
    }

    [Fact]
    public async Task Lookup_allows_ten_tries_a_minute_per_client_address()
    {
        var lookup = portal.Get<LookupService>();
        for (var i = 0; i < LookupService.PermitsPerMinute; i++)
            Assert.Equal(LookupOutcome.NotFound, (await lookup.LookupAsync("192.0.2.7", $"000.00.00.X00-250101-{i:D4}", "0000")).Outcome);

        var blocked = await lookup.LookupAsync("192.0.2.7", "000.00.00.X00-250101-0099", "0000");
        Assert.Equal(LookupOutcome.RateLimited, blocked.Outcome);
        Assert.Contains("quá nhiều lần", blocked.Message);
        Assert.Equal(LookupOutcome.NotFound, (await lookup.LookupAsync("192.0.2.8", "000.00.00.X00-250101-0099", "0000")).Outcome);
    }

    [Fact]
    public async Task Notifications_list_the_persons_own_and_mark_as_read()
    {
        var actor = await portal.ActorAsync(Citizen);
        var submitted = await portal.SubmitKhaiSinhAsync(actor);
        var inbox = portal.Get<NotificationInbox>();

        var unread = await inbox.UnreadCountAsync(actor);
        var list = await inbox.ListAsync(actor, unreadOnly: true, 0, 50);
        var mine = Assert.Single(list.Items, n => n.DossierId == submitted.DossierId);
        Assert.Contains(submitted.Code!, mine.Body);
        Assert.Equal(0, await inbox.MarkReadAsync(await portal.ActorAsync("congdan2@demo.hcmc.vn"), mine.Id));
        Assert.Equal(1, await inbox.MarkReadAsync(actor, mine.Id));
        Assert.Equal(unread - 1, await inbox.UnreadCountAsync(actor));
        Assert.DoesNotContain((await inbox.ListAsync(actor, unreadOnly: true, 0, 50)).Items, n => n.Id == mine.Id);
    }
}
