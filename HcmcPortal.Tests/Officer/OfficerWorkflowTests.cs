using HcmcPortal.Validation;
using HcmcPortal.Data.Seed;
using HcmcPortal.Accounts;
using HcmcPortal.Admin;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Officer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HcmcPortal.Tests.Officer.OfficerTestKit;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Officer;

/// <summary>The officer workflow through DossierService and the officer queries, on the real app with a set clock (domain.md §2, §4).</summary>
public sealed class OfficerWorkflowTests(ClockedPortalFactory portal) : IClassFixture<ClockedPortalFactory>
{
    private OfficerQueries Queries => portal.Services.GetRequiredService<OfficerQueries>();

    private async Task<string> SpecialistIdAsync()
    {
        await using var db = portal.CreateDb();
        return await db.Users.Where(u => u.Email == "chuyenvien.q1@demo.hcmc.vn").Select(u => u.Id).SingleAsync();
    }

    /// <summary>Submitted, received and assigned to chuyenvien.q1 at the clock's current time.</summary>
    private async Task<Guid> AssignedDossierAsync(string procedureCode = MarriageProcedureCode)
    {
        var id = await portal.SubmitOnlineToQuan1Async(procedureCode);
        await portal.ApplyOkAsync(await portal.ActorAsync("motcua.q1@demo.hcmc.vn"), id, DossierAction.Receive);
        await portal.ApplyOkAsync(await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn"), id, DossierAction.Assign, assigneeId: await SpecialistIdAsync());
        return id;
    }

    [Fact]
    public async Task Receiving_fixes_the_due_date_from_the_stored_calendar_across_the_30_4_holidays()
    {
        // Tuesday 28/04/2026 (the desk is a commune-level centre, which exists from 01/07/2025): 30/4 and 1/5 are days off
        // and 2–3/5 a weekend; 5 working days (29/04, 04/05 … 07/05) end on Thursday 07/05.
        portal.Clock.SetLocal(2026, 4, 28, 10);
        var id = await portal.SubmitOnlineToQuan1Async();
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        Assert.Contains(id, (await Queries.ListAsync(reception, OfficerQueue.Reception, new DossierFilter(), null, false, 0, 500)).Rows.Select(r => r.Id));

        await portal.ApplyOkAsync(reception, id, DossierAction.Receive);

        var d = await portal.LoadAsync(id);
        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal(Local(2026, 5, 7, 17), d.DueAt);
        Assert.Equal(d.DueAt, d.OriginalDueAt);
        var receive = (await portal.EventsAsync(id)).Last();
        Assert.Equal(("Receive", "Lê Thị Cúc", DossierStatus.Submitted, DossierStatus.Received), (receive.Action, receive.ActorName, receive.FromStatus!.Value, receive.ToStatus));
    }

    [Fact]
    public async Task Supplement_request_lists_everything_at_once_and_refusal_records_its_reason()
    {
        portal.Clock.SetLocal(2025, 11, 18, 9);
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var incomplete = await portal.SubmitOnlineToQuan1Async();
        var empty = await portal.Dossiers().ApplyAsync(reception, new ActionRequest(incomplete, await portal.VersionAsync(incomplete), DossierAction.RequestSupplement) { Note = " " });
        Assert.Equal(CommandStatus.Invalid, empty.Status);
        Assert.Contains("một lần", empty.Message);

        await portal.ApplyOkAsync(reception, incomplete, DossierAction.RequestSupplement, "1. Bản sao CCCD của bên nữ.\n2. Giấy xác nhận tình trạng hôn nhân.");
        var supplemented = await portal.LoadAsync(incomplete);
        Assert.Equal(DossierStatus.SupplementRequested, supplemented.Status);
        Assert.Contains("Giấy xác nhận tình trạng hôn nhân", supplemented.SupplementRequest);
        Assert.True(supplemented.SupplementAtReception);

        var refused = await portal.SubmitOnlineToQuan1Async();
        await portal.ApplyOkAsync(reception, refused, DossierAction.Refuse, "Thủ tục không thuộc thẩm quyền của UBND Quận 1.");
        var d = await portal.LoadAsync(refused);
        Assert.Equal((DossierStatus.Refused, true), (d.Status, d.FinishedAt is not null));
        Assert.Equal("Thủ tục không thuộc thẩm quyền của UBND Quận 1.", (await portal.EventsAsync(refused)).Last().Note);
    }

    [Fact]
    public async Task Walk_in_after_15_00_is_received_now_but_counted_from_the_next_working_day()
    {
        // Friday 21/11/2025 15:30: the clock starts on Monday 24/11 07:30 (Decree 61/2018 art. 18).
        portal.Clock.SetLocal(2025, 11, 21, 15, 30);
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == MarriageProcedureCode);
        var scans = procedure.RequiredDocuments.Where(r => r.Mandatory).Select(r => new UploadedFile("scan.pdf", TestFiles.Pdf(), r.Id)).ToList();

        var result = await portal.Dossiers().SubmitAsync(reception, new SubmitRequest(procedure.Id, reception.UnitId!.Value, DossierChannel.InPerson)
        {
            ApplicantName = "Trần Văn Bảo", ApplicantCccd = "079085001122", Files = scans,
        });

        Assert.True(result.Succeeded, result.Message);
        var d = await portal.LoadAsync(result.DossierId!.Value);
        Assert.Equal((DossierStatus.Received, true), (d.Status, d.IsDigitised));
        Assert.Equal(Local(2025, 11, 21, 15, 30), d.ReceivedAt);
        Assert.Equal(Local(2025, 11, 24, 7, 30), d.ClockStartAt);
        Assert.Equal(Local(2025, 12, 1, 17), d.DueAt); // 5 working days after Monday 24/11
        Assert.Equal(["WalkIn", "Receive"], (await portal.EventsAsync(d.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_cccd_born_after_the_working_clocks_year_is_refused_at_the_desk()
    {
        // The service judges the birth year against the app's clock, as the walk-in form does; "079226…" is born in 2026.
        portal.Clock.SetLocal(2025, 11, 21, 9);
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == MarriageProcedureCode);
        var scans = procedure.RequiredDocuments.Where(r => r.Mandatory).Select(r => new UploadedFile("scan.pdf", TestFiles.Pdf(), r.Id)).ToList();

        var result = await portal.Dossiers().SubmitAsync(reception, new SubmitRequest(procedure.Id, reception.UnitId!.Value, DossierChannel.InPerson)
        {
            ApplicantName = "Trần Văn Bảo", ApplicantCccd = "079226001122", Files = scans,
        });

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(PersonRules.CccdMessage(Cccd.Validate("079226001122", new DateOnly(2025, 11, 21)).Problem!.Value), result.Message);
    }

    [Fact]
    public async Task Assignment_appraisal_approval_and_return_move_the_status_and_fill_the_audit_trail()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync();
        var specialist = await portal.ActorAsync("chuyenvien.q1@demo.hcmc.vn");
        var leader = await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn");
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        Assert.Contains(id, (await Queries.ListAsync(specialist, OfficerQueue.MyTasks, new DossierFilter(), null, false, 0, 100)).Rows.Select(r => r.Id));

        portal.Clock.SetLocal(2025, 11, 18, 9);
        var verified = await portal.Dossiers().RecordVerificationAsync(specialist, id, await portal.VersionAsync(id), "Đã đối chiếu bản chính CCCD của hai bên.");
        Assert.True(verified.Succeeded, verified.Message);
        Assert.Equal(DossierStage.Assigned, (await portal.LoadAsync(id)).Stage);
        await portal.ApplyOkAsync(specialist, id, DossierAction.ProposeResult, "Đủ điều kiện đăng ký kết hôn.", files: [new UploadedFile("giay-chung-nhan.pdf", TestFiles.Pdf())]);
        Assert.Contains(id, (await Queries.ListAsync(leader, OfficerQueue.Approval, new DossierFilter(), null, false, 0, 100)).Rows.Select(r => r.Id));

        portal.Clock.SetLocal(2025, 11, 19, 10);
        await portal.ApplyOkAsync(leader, id, DossierAction.Approve);
        Assert.Equal(DossierStatus.ResultReady, (await portal.LoadAsync(id)).Status);
        Assert.Contains(id, (await Queries.ListAsync(reception, OfficerQueue.AwaitingReturn, new DossierFilter(), null, false, 0, 100)).Rows.Select(r => r.Id));
        await portal.ApplyOkAsync(reception, id, DossierAction.Return);

        var d = await portal.LoadAsync(id);
        Assert.Equal((DossierStatus.Returned, DossierOutcome.Granted, true), (d.Status, d.Outcome, d.ResultDigitised));
        var events = await portal.EventsAsync(id);
        Assert.Equal(["Submit", "Receive", "Assign", "Verify", "ProposeResult", "Approve", "Return"], events.Select(e => e.Action));
        Assert.Equal([null, 2, 4, 4, 4, 9, 10], events.Select(e => e.FromStatus is null ? (int?)null : (int)e.ToStatus));
        Assert.True(events.Single(e => e.Action == "Approve").OnTime);

        // The citizen's own view of the same trail, scoped by VisibleTo, shows each step.
        var citizen = await portal.ActorAsync("congdan@demo.hcmc.vn");
        var seen = await Queries.DetailAsync(citizen, id);
        Assert.Equal(events.Select(e => e.Action), seen!.Timeline.Select(t => t.Action));
    }

    [Fact]
    public async Task Only_the_assigned_specialist_appraises_the_dossier()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync();
        var q1 = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        Assert.Empty(await portal.Services.GetRequiredService<HcmcPortal.Admin.Users.UserAdminService>()
            .CreateAsync(await portal.ActorAsync("quantri@demo.hcmc.vn"), new("cv2.q1@example.vn", "Mai Thanh Tùng", Roles.Specialist, q1, "Cv2@12345")));
        var other = await portal.ActorAsync("cv2.q1@example.vn");

        var proposed = await portal.Dossiers().ApplyAsync(other, new ActionRequest(id, await portal.VersionAsync(id), DossierAction.ProposeResult) { Note = "Đủ điều kiện." });
        Assert.Equal((CommandStatus.Forbidden, "Hồ sơ đã được giao cho chuyên viên khác."), (proposed.Status, proposed.Message));
        var verified = await portal.Dossiers().RecordVerificationAsync(other, id, await portal.VersionAsync(id), "Đã xác minh.");
        Assert.Equal(CommandStatus.Forbidden, verified.Status);
        await portal.ApplyOkAsync(await portal.ActorAsync("chuyenvien.q1@demo.hcmc.vn"), id, DossierAction.ProposeResult, "Đủ điều kiện.");
    }

    [Fact]
    public async Task Control_slip_judges_each_hand_over_against_its_steps_share()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync();
        // Due Monday 24/11 17:00; appraisal (10% + 60%) must be done by ~70% of the span; proposing on Sunday 23/11 is late for that step.
        portal.Clock.SetLocal(2025, 11, 23, 9);
        await portal.ApplyOkAsync(await portal.ActorAsync("chuyenvien.q1@demo.hcmc.vn"), id, DossierAction.ProposeResult, files: [new UploadedFile("kq.pdf", TestFiles.Pdf())]);
        var detail = await Queries.DetailAsync(await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn"), id);
        var slip = ControlSlip.Build(detail!.Steps, detail.Timeline.Select(e => new HandoverEvent(e.At, e.Action, e.ActorName, e.ActorUnitName, e.FromStatus, e.ToStatus, e.Note)),
            detail.ClockStartAt, detail.DueAt);
        Assert.Equal(true, slip.Single(l => l.Event.Action == "Receive").OnTime);
        Assert.Equal(false, slip.Single(l => l.Event.Action == "ProposeResult").OnTime);
        Assert.Equal("Thẩm định hồ sơ", slip.Single(l => l.Event.Action == "ProposeResult").Step!.Name);
    }

    [Fact]
    public async Task Transfer_moves_the_dossier_to_the_other_units_queue_with_its_history()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync();
        var q3 = await portal.UnitIdAsync(DemoSeeder.XuanHoaCode);
        await portal.ApplyOkAsync(await portal.ActorAsync("chuyenvien.q1@demo.hcmc.vn"), id, DossierAction.Transfer, "Liên thông lấy ý kiến Phường Xuân Hoà.", targetUnitId: q3);

        var q3Reception = await portal.ActorAsync("motcua.q3@demo.hcmc.vn");
        var q3Leader = q3Reception with { Roles = new HashSet<string> { Roles.UnitLeader } };
        Assert.Contains(id, (await Queries.ListAsync(q3Leader, OfficerQueue.Assignment, new DossierFilter(), null, false, 0, 500)).Rows.Select(r => r.Id));
        var history = await Queries.DetailAsync(q3Reception, id);
        Assert.Equal(["Submit", "Receive", "Assign", "Transfer"], history!.Timeline.Select(t => t.Action));
        Assert.Equal("Phường Xuân Hoà", history.Timeline.Last().ToUnitName);
        Assert.Null(history.AssignedOfficerId);
        Assert.Null(await Queries.DetailAsync(await portal.ActorAsync("motcua.q1@demo.hcmc.vn"), id));
    }

    [Fact]
    public async Task Only_one_re_appointment_is_allowed_and_only_a_working_day_ahead()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync(); // due Monday 24/11/2025 17:00
        var leader = await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn");

        portal.Clock.SetLocal(2025, 11, 21, 9); // Friday: Monday is the next working day
        var detail = await Queries.DetailAsync(leader, id);
        Assert.Equal((DeadlineState.DueSoon, true), (detail!.Deadline, detail.CanReappoint));
        var first = await portal.Dossiers().ReappointAsync(leader, id, detail.Version, new DateTime(2025, 11, 28, 17, 0, 0), "Cần xác minh thêm tại địa phương.");
        Assert.True(first.Succeeded, first.Message);
        var d = await portal.LoadAsync(id);
        Assert.Equal((Local(2025, 11, 28, 17), Local(2025, 11, 24, 17), 1), (d.DueAt!.Value, d.OriginalDueAt!.Value, d.ReappointmentCount));

        var second = await portal.Dossiers().ReappointAsync(leader, id, d.Version, new DateTime(2025, 12, 5, 17, 0, 0), "Lần nữa.");
        Assert.Equal(CommandStatus.Invalid, second.Status);
        Assert.Contains("một lần", second.Message);
        Assert.False((await Queries.DetailAsync(leader, id))!.CanReappoint);
    }

    [Fact]
    public async Task Payment_pause_and_stop_use_statuses_6_and_8_with_reasons()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync("1.004873"); // a procedure with a fee: a free one has no payment to ask for
        var specialist = await portal.ActorAsync("chuyenvien.q1@demo.hcmc.vn");
        var leader = await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn");
        await portal.ApplyOkAsync(specialist, id, DossierAction.RequestPayment, "Lệ phí 20.000 đồng.");
        Assert.Equal(DossierStatus.FinancialObligation, (await portal.LoadAsync(id)).Status);
        await portal.ApplyOkAsync(specialist, id, DossierAction.ConfirmPayment, payment: new PaymentReceipt(20_000, "BL-0001", PaymentChannel.AtCounter));
        Assert.Equal(DossierStatus.Processing, (await portal.LoadAsync(id)).Status);

        var noReason = await portal.Dossiers().ApplyAsync(leader, new ActionRequest(id, await portal.VersionAsync(id), DossierAction.Stop));
        Assert.Equal(CommandStatus.Invalid, noReason.Status);
        await portal.ApplyOkAsync(leader, id, DossierAction.Stop, "Có tranh chấp, chờ quyết định của Tòa án.");
        Assert.Equal(DossierStatus.Stopped, (await portal.LoadAsync(id)).Status);
        Assert.Equal(["RequestPayment", "ConfirmPayment", "Stop"], (await portal.EventsAsync(id)).Skip(3).Select(e => e.Action));
    }

    [Fact]
    public async Task Second_officer_acting_on_the_same_version_gets_a_conflict_naming_the_first()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync();
        var seen = await portal.VersionAsync(id);
        await portal.ApplyOkAsync(await portal.ActorAsync("chuyenvien.q1@demo.hcmc.vn"), id, DossierAction.ProposeResult, files: [new UploadedFile("kq.pdf", TestFiles.Pdf())]);

        var late = await portal.Dossiers().ApplyAsync(await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn"),
            new ActionRequest(id, seen, DossierAction.Stop) { Note = "Dừng." });

        Assert.Equal(CommandStatus.Conflict, late.Status);
        Assert.Contains("Hoàng Minh Đức", late.Message);
        Assert.Equal(DossierStage.AwaitingApproval, (await portal.LoadAsync(id)).Stage);
        var stale = await portal.Dossiers().RecordVerificationAsync(await portal.ActorAsync("chuyenvien.q1@demo.hcmc.vn"), id, seen, "Ghi chú cũ.");
        Assert.Equal(CommandStatus.Conflict, stale.Status);
    }

    [Fact]
    public async Task The_unit_list_filters_by_status_search_and_due_state_on_the_server()
    {
        portal.Clock.SetLocal(2025, 11, 17, 8);
        var id = await AssignedDossierAsync(); // due 24/11
        var leader = await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn");
        var code = (await portal.LoadAsync(id)).Code;
        async Task<IReadOnlyList<Guid>> Ids(DossierFilter f) => [.. (await Queries.ListAsync(leader, OfficerQueue.Unit, f, null, false, 0, 1000)).Rows.Select(r => r.Id)];

        Assert.Equal([id], await Ids(new DossierFilter { Search = code }));
        Assert.Contains(id, await Ids(new DossierFilter { Status = DossierStatus.Processing, Search = "Nguyễn Văn An" }));
        Assert.DoesNotContain(id, await Ids(new DossierFilter { Status = DossierStatus.Received }));
        portal.Clock.SetLocal(2025, 11, 21, 9);
        Assert.Contains(id, await Ids(new DossierFilter { Due = DueFilter.DueSoon }));
        portal.Clock.SetLocal(2025, 11, 25, 9);
        Assert.Contains(id, await Ids(new DossierFilter { Due = DueFilter.Overdue }));
        var page = await Queries.ListAsync(leader, OfficerQueue.Unit, new DossierFilter(), "Code", true, 0, 5);
        Assert.Equal(5, page.Rows.Count);
        Assert.Equal(page.Rows.Select(r => r.Code).OrderDescending(), page.Rows.Select(r => r.Code));
        Assert.True(page.Total > 5);
    }

    [Fact]
    public async Task A_holiday_added_later_moves_new_due_dates_but_never_a_promised_one()
    {
        portal.Clock.SetLocal(2027, 3, 15, 8); // Monday; 5 working days end on Monday 22/03/2027
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var promised = await portal.SubmitOnlineToQuan1Async();
        await portal.ApplyOkAsync(reception, promised, DossierAction.Receive);
        Assert.Equal(Local(2027, 3, 22, 17), (await portal.LoadAsync(promised)).DueAt);

        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var catalog = portal.Services.GetRequiredService<AdminCatalog>();
        Assert.Equal(CommandStatus.Forbidden, (await catalog.AddDayAsync(reception, new DateOnly(2027, 3, 17), CalendarDayKind.Holiday, "Nghỉ")).Status);
        Assert.Equal(CommandStatus.Invalid, (await catalog.AddDayAsync(admin, new DateOnly(2027, 3, 17), CalendarDayKind.WorkingDay, "Làm bù")).Status);
        Assert.True((await catalog.AddDayAsync(admin, new DateOnly(2027, 3, 17), CalendarDayKind.Holiday, "Ngày nghỉ đột xuất")).Succeeded);
        try
        {
            var later = await portal.SubmitOnlineToQuan1Async();
            await portal.ApplyOkAsync(reception, later, DossierAction.Receive);
            Assert.Equal(Local(2027, 3, 23, 17), (await portal.LoadAsync(later)).DueAt); // the provider was invalidated
            Assert.Equal(Local(2027, 3, 22, 17), (await portal.LoadAsync(promised)).DueAt); // the receipt's promise stands
        }
        finally
        {
            var day = (await catalog.CalendarAsync(2027)).Single(d => d.Date == new DateOnly(2027, 3, 17));
            Assert.True((await catalog.RemoveDayAsync(admin, day.Id)).Succeeded);
        }
    }

    [Fact]
    public async Task A_workflow_is_saved_only_when_its_shares_add_up_to_100_percent()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var editor = portal.Services.GetRequiredService<ProcedureEditor>();
        await using var db = portal.CreateDb();
        var procedureId = await db.Procedures.Where(p => p.Code == "1.001193").Select(p => p.Id).SingleAsync();
        var opened = (await editor.LoadAsync(procedureId))!;
        var definition = opened.Definition;
        definition.Steps = [new() { Name = "Tiếp nhận", Role = Roles.Reception, SharePercent = 30 }, new() { Name = "Thẩm định", Role = Roles.Specialist, SharePercent = 60 }];
        var refused = await editor.SaveAsync(admin, new SaveProcedureCommand(procedureId, opened.Version, definition));
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Contains("100%", refused.Message);

        definition.Steps.Add(new() { Name = "Phê duyệt", Role = Roles.UnitLeader, SharePercent = 10 });
        Assert.True((await editor.SaveAsync(admin, new SaveProcedureCommand(procedureId, opened.Version, definition))).Succeeded);
        Assert.Equal(["Tiếp nhận", "Thẩm định", "Phê duyệt"], (await editor.LoadAsync(procedureId))!.Definition.Steps.Select(s => s.Name));
        definition.Steps[0].Name = "Tiếp nhận, kiểm tra";
        var stale = await editor.SaveAsync(admin, new SaveProcedureCommand(procedureId, opened.Version, definition));
        Assert.Equal(CommandStatus.Conflict, stale.Status);
    }

    [Theory]
    [InlineData("dang ky ket hon")]
    [InlineData("đăng ký kết hôn")]
    [InlineData("ĐĂNG KÝ KẾT HÔN")]
    public async Task The_administrator_finds_a_procedure_with_or_without_diacritics_in_any_case(string search)
    {
        var page = await portal.Services.GetRequiredService<AdminCatalog>().ListProceduresAsync(search, 0, 50);
        Assert.Contains(MarriageProcedureCode, page.Rows.Select(r => r.Code));
    }
}
