using Bunit;
using HcmcPortal.Accounts;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Notifications;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace HcmcPortal.Tests.Officer;

public sealed class DeadlineChipTests : BunitTestBase
{
    [Theory]
    [InlineData(DeadlineState.DueSoon, "Sắp đến hạn", "mud-chip-color-warning")]
    [InlineData(DeadlineState.Overdue, "Quá hạn", "mud-chip-color-error")]
    [InlineData(DeadlineState.Early, "Trước hạn", "mud-chip-color-success")]
    [InlineData(DeadlineState.OnTime, "Đúng hạn", "mud-chip-color-info")]
    [InlineData(DeadlineState.Late, "Trễ hạn", "mud-chip-color-error")]
    public void Shows_the_state_in_Vietnamese_with_its_colour(DeadlineState state, string text, string colour)
    {
        var chip = Render<DeadlineChip>(p => p.Add(c => c.State, state)).Find("[data-test=deadline-chip]");
        Assert.Contains(text, chip.TextContent);
        Assert.Contains(colour, chip.ClassName);
    }

    [Fact]
    public void Shows_nothing_for_a_dossier_within_time_or_without_a_due_date()
    {
        Assert.Empty(Render<DeadlineChip>(p => p.Add(c => c.State, DeadlineState.NotDue)).FindAll("[data-test=deadline-chip]"));
        Assert.Empty(Render<DeadlineChip>(p => p.Add(c => c.State, (DeadlineState?)null)).FindAll("[data-test=deadline-chip]"));
    }
}

/// <summary>The action panel offers the workflow's actions for the officer's roles and validates before calling the service.</summary>
public sealed class ActionPanelTests : BunitTestBase
{
    private sealed class NoDatabase : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => throw new InvalidOperationException("The panel must not reach the database when validation fails.");
    }

    public ActionPanelTests()
    {
        var db = new NoDatabase();
        var calendars = new CalendarProvider(db);
        Services.AddSingleton(new DossierService(db, calendars, new NotificationService(TestOptions.Monitor<HcmcPortal.Operations.PortalOptions>(), TimeProvider.System), TimeProvider.System,
            new HcmcPortal.Operations.PortalRateLimiter(TestOptions.Monitor<HcmcPortal.Operations.RateLimitOptions>()),
            TestOptions.Monitor<HcmcPortal.Operations.RateLimitOptions>(), NullLogger<DossierService>.Instance,
            new SubmitRequestValidator(new ApplicantValidator(TimeProvider.System)), new ActionRequestValidator(), new FileRules(TestOptions.Monitor<UploadOptions>()),
            new HcmcPortal.Live.LiveUpdates(new HcmcPortal.Live.InstanceIdentity("test"), NullLogger<HcmcPortal.Live.LiveUpdates>.Instance)));
        Services.AddSingleton(new OfficerQueries(db, calendars, TimeProvider.System, new HcmcPortal.Privacy.PersonalDataLog(TimeProvider.System)));
    }

    private static Actor ActorWith(params string[] roles) => new("u1", "Lê Thị Cúc", 5, "/1/5/", "Quận 1", roles.ToHashSet());

    private static DossierDetail Detail(DossierStage stage, DeadlineState? deadline = null, bool canReappoint = false, bool apologyDue = false) => new(
        Guid.NewGuid(), "000.00.01.H29-251123-0001", Guid.NewGuid(), 1, "1.000894", "Đăng ký kết hôn", new TimeLimit(5, TimeLimitUnit.WorkingDays),
        5, "Quận 1", "Quận 1", "000.00.01.H29", "Nguyễn Văn An", "079203001234", null, null, null, true,
        DossierChannel.Online, stage, DossierWorkflow.StatusOf(stage), DossierOutcome.None, "{}",
        DateTime.UtcNow, null, null, DateTime.UtcNow.AddDays(1), null, 0, null, null, null, null, 0, null, false, 0,
        [], [], [], [], deadline, canReappoint, apologyDue, null);

    private IRenderedComponent<ActionPanel> RenderPanel(DossierDetail detail, Actor actor)
    {
        OnLiveCircuit();
        Render<MudPopoverProvider>();
        return Render<ActionPanel>(p => p.Add(c => c.Detail, detail).Add(c => c.Actor, actor));
    }

    [Fact]
    public void Reception_sees_the_reception_outcomes_and_withdrawal_on_the_applicants_behalf_only()
    {
        var panel = RenderPanel(Detail(DossierStage.Submitted), ActorWith(Roles.Reception));
        var actions = panel.FindAll("button[data-test^=action-]").Select(b => b.GetAttribute("data-test")).ToList();
        Assert.Equal(["action-Receive", "action-RequestSupplement", "action-Refuse", "action-Withdraw"], actions);
    }

    [Fact]
    public void A_specialist_has_no_action_on_a_dossier_awaiting_the_leaders_approval()
    {
        var panel = RenderPanel(Detail(DossierStage.AwaitingApproval), ActorWith(Roles.Specialist));
        Assert.Empty(panel.FindAll("button[data-test^=action-]"));
        Assert.NotNull(panel.Find("[data-test=no-actions]"));
    }

    [Fact]
    public void Refusing_without_a_reason_shows_the_error_next_to_the_field_and_keeps_the_form_open()
    {
        var panel = RenderPanel(Detail(DossierStage.Submitted), ActorWith(Roles.Reception));
        panel.Find("[data-test=action-Refuse]").Click();
        panel.Find("[data-test=action-form]").Submit();
        Assert.Contains("Vui lòng nêu lý do.", panel.Find("[data-test=action-form]").TextContent);
        Assert.Empty(panel.FindAll("[data-test=action-message]"));
    }

    [Fact]
    public void Proposing_a_result_requires_the_result_document()
    {
        var panel = RenderPanel(Detail(DossierStage.Assigned), ActorWith(Roles.Specialist));
        panel.Find("[data-test=action-ProposeResult]").Click();
        panel.Find("[data-test=action-form]").Submit();
        Assert.Equal("Vui lòng đính kèm văn bản kết quả.", panel.Find("[data-test=files-error]").TextContent);
    }

    [Fact]
    public void Picking_more_files_than_the_service_accepts_shows_a_message_instead_of_failing()
    {
        var panel = RenderPanel(Detail(DossierStage.Assigned), ActorWith(Roles.Specialist));
        panel.Find("[data-test=action-ProposeResult]").Click();
        var input = panel.FindComponent<InputFile>();

        input.UploadFiles([.. Enumerable.Range(1, FileRules.MaxFilesPerSlot + 1).Select(i => InputFileContent.CreateFromBinary(TestFiles.Pdf(), $"ket-qua-{i}.pdf"))]);
        Assert.Equal($"Chỉ được đính kèm tối đa {FileRules.MaxFilesPerSlot} tệp ở mục này.", panel.Find("[data-test=files-error]").TextContent);
        Assert.Empty(panel.FindAll("[data-test=picked-file]"));

        input.UploadFiles(InputFileContent.CreateFromBinary(TestFiles.Pdf(), "ket-qua.pdf"));
        Assert.Single(panel.FindAll("[data-test=picked-file]"));
        Assert.Empty(panel.FindAll("[data-test=files-error]"));
    }

    [Fact]
    public void A_dossier_due_soon_prompts_for_the_one_re_appointment()
    {
        var panel = RenderPanel(Detail(DossierStage.Assigned, DeadlineState.DueSoon, canReappoint: true, apologyDue: true), ActorWith(Roles.UnitLeader));
        Assert.Contains("chỉ được hẹn lại một lần", panel.Find("[data-test=reappoint-prompt]").TextContent);
        Assert.NotNull(panel.Find("[data-test=action-Reappoint]"));

        // Far from the due date the apology stays possible, without a warning.
        var early = Render<ActionPanel>(p => p.Add(c => c.Detail, Detail(DossierStage.Assigned, DeadlineState.NotDue, canReappoint: true)).Add(c => c.Actor, ActorWith(Roles.UnitLeader)));
        Assert.Empty(early.FindAll("[data-test=reappoint-prompt]"));
        Assert.NotNull(early.Find("[data-test=action-Reappoint]"));
    }
}
