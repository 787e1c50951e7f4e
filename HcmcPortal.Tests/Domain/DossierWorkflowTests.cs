using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

public class DossierWorkflowTests
{
    [Theory]
    [InlineData(DossierStage.Submitted, DossierAction.Receive, DossierStage.Received)]
    [InlineData(DossierStage.Submitted, DossierAction.RequestSupplement, DossierStage.SupplementRequested)]
    [InlineData(DossierStage.Submitted, DossierAction.Refuse, DossierStage.Refused)]
    [InlineData(DossierStage.Received, DossierAction.Assign, DossierStage.Assigned)]
    [InlineData(DossierStage.SentBack, DossierAction.Assign, DossierStage.Assigned)]
    [InlineData(DossierStage.Assigned, DossierAction.ProposeResult, DossierStage.AwaitingApproval)]
    [InlineData(DossierStage.Assigned, DossierAction.ProposeRejection, DossierStage.AwaitingApproval)]
    [InlineData(DossierStage.AwaitingApproval, DossierAction.Approve, DossierStage.ResultReady)]
    [InlineData(DossierStage.AwaitingApproval, DossierAction.SendBack, DossierStage.SentBack)]
    [InlineData(DossierStage.Assigned, DossierAction.RequestSupplementInProcessing, DossierStage.SupplementRequested)]
    [InlineData(DossierStage.Received, DossierAction.RequestPayment, DossierStage.FinancialObligation)]
    [InlineData(DossierStage.Assigned, DossierAction.RequestPayment, DossierStage.FinancialObligation)]
    [InlineData(DossierStage.FinancialObligation, DossierAction.ConfirmPayment, DossierStage.Assigned)]
    [InlineData(DossierStage.Received, DossierAction.Transfer, DossierStage.Received)]
    [InlineData(DossierStage.Assigned, DossierAction.Transfer, DossierStage.Received)]
    [InlineData(DossierStage.SentBack, DossierAction.Transfer, DossierStage.Received)]
    [InlineData(DossierStage.SupplementRequested, DossierAction.Stop, DossierStage.Stopped)]
    [InlineData(DossierStage.FinancialObligation, DossierAction.Stop, DossierStage.Stopped)]
    [InlineData(DossierStage.ResultReady, DossierAction.Return, DossierStage.Returned)]
    public void Allowed_transitions(DossierStage from, DossierAction action, DossierStage to)
    {
        Assert.True(DossierWorkflow.CanApply(from, action));
        Assert.Equal(to, DossierWorkflow.Apply(from, action));
        Assert.Contains(action, DossierWorkflow.AllowedActions(from));
    }

    [Theory]
    [InlineData(DossierStage.Submitted, DossierAction.Assign)]
    [InlineData(DossierStage.Submitted, DossierAction.Approve)]
    [InlineData(DossierStage.Received, DossierAction.Receive)]
    [InlineData(DossierStage.Received, DossierAction.Approve)]
    [InlineData(DossierStage.Assigned, DossierAction.Approve)]
    [InlineData(DossierStage.AwaitingApproval, DossierAction.Transfer)]
    [InlineData(DossierStage.ResultReady, DossierAction.Withdraw)]
    [InlineData(DossierStage.ResultReady, DossierAction.Stop)]
    [InlineData(DossierStage.Returned, DossierAction.Return)]
    [InlineData(DossierStage.Refused, DossierAction.Receive)]
    [InlineData(DossierStage.Withdrawn, DossierAction.Receive)]
    [InlineData(DossierStage.Stopped, DossierAction.Assign)]
    [InlineData(DossierStage.Submitted, DossierAction.SubmitSupplement)]
    [InlineData(DossierStage.Submitted, DossierAction.Stop)]
    public void Forbidden_transitions_throw_with_a_Vietnamese_message(DossierStage from, DossierAction action)
    {
        Assert.False(DossierWorkflow.CanApply(from, action));
        var ex = Assert.Throws<InvalidDossierTransitionException>(() => DossierWorkflow.Apply(from, action, supplementAtReception: false));
        Assert.Equal(from, ex.From);
        Assert.Equal(action, ex.Action);
        Assert.StartsWith("Không thể thực hiện thao tác", ex.Message);
        Assert.Contains(DossierText.StageName(from), ex.Message);
        Assert.Contains(DossierText.ActionName(action), ex.Message);
    }

    [Fact]
    public void Supplement_requested_at_reception_goes_back_to_reception()
    {
        var stage = DossierWorkflow.Apply(DossierStage.Submitted, DossierAction.RequestSupplement);
        Assert.Equal(DossierStage.Submitted, DossierWorkflow.Apply(stage, DossierAction.SubmitSupplement, supplementAtReception: true));
    }

    [Fact]
    public void Supplement_during_processing_restarts_processing_from_Received()
    {
        var stage = DossierWorkflow.Apply(DossierStage.Assigned, DossierAction.RequestSupplementInProcessing);
        Assert.Equal(DossierStatus.SupplementRequested, DossierWorkflow.StatusOf(stage));
        Assert.Equal(DossierStage.Received, DossierWorkflow.Apply(stage, DossierAction.SubmitSupplement, supplementAtReception: false));
    }

    [Fact]
    public void SubmitSupplement_is_allowed_but_needs_the_flag()
    {
        Assert.True(DossierWorkflow.CanApply(DossierStage.SupplementRequested, DossierAction.SubmitSupplement));
        Assert.Equal(
            [DossierAction.SubmitSupplement, DossierAction.Stop, DossierAction.Withdraw],
            DossierWorkflow.AllowedActions(DossierStage.SupplementRequested));
        Assert.Throws<InvalidOperationException>(() => DossierWorkflow.Apply(DossierStage.SupplementRequested, DossierAction.SubmitSupplement));
    }

    [Theory]
    [InlineData(DossierStage.Submitted)]
    [InlineData(DossierStage.Received)]
    [InlineData(DossierStage.Assigned)]
    [InlineData(DossierStage.AwaitingApproval)]
    [InlineData(DossierStage.SentBack)]
    [InlineData(DossierStage.SupplementRequested)]
    [InlineData(DossierStage.FinancialObligation)]
    public void Applicant_may_withdraw_from_any_unfinished_stage(DossierStage from)
    {
        Assert.False(DossierWorkflow.IsFinished(from));
        Assert.Equal(DossierStage.Withdrawn, DossierWorkflow.Apply(from, DossierAction.Withdraw));
    }

    [Theory]
    [InlineData(DossierStage.Submitted, DossierStatus.Submitted, 1)]
    [InlineData(DossierStage.Received, DossierStatus.Received, 2)]
    [InlineData(DossierStage.Refused, DossierStatus.Refused, 3)]
    [InlineData(DossierStage.Assigned, DossierStatus.Processing, 4)]
    [InlineData(DossierStage.AwaitingApproval, DossierStatus.Processing, 4)]
    [InlineData(DossierStage.SentBack, DossierStatus.Processing, 4)]
    [InlineData(DossierStage.SupplementRequested, DossierStatus.SupplementRequested, 5)]
    [InlineData(DossierStage.FinancialObligation, DossierStatus.FinancialObligation, 6)]
    [InlineData(DossierStage.Withdrawn, DossierStatus.Withdrawn, 7)]
    [InlineData(DossierStage.Stopped, DossierStatus.Stopped, 8)]
    [InlineData(DossierStage.ResultReady, DossierStatus.ResultReady, 9)]
    [InlineData(DossierStage.Returned, DossierStatus.Returned, 10)]
    public void Stage_maps_onto_the_national_status_code(DossierStage stage, DossierStatus status, int code)
    {
        Assert.Equal(status, DossierWorkflow.StatusOf(stage));
        Assert.Equal(code, (int)DossierWorkflow.StatusOf(stage));
    }

    [Theory]
    [InlineData(DossierStage.Returned)]
    [InlineData(DossierStage.Refused)]
    [InlineData(DossierStage.Withdrawn)]
    [InlineData(DossierStage.Stopped)]
    public void Terminal_stages_allow_nothing(DossierStage stage)
    {
        Assert.True(DossierWorkflow.IsFinished(stage));
        Assert.True(DossierWorkflow.IsTerminal(stage));
        Assert.Empty(DossierWorkflow.AllowedActions(stage));
    }

    [Fact]
    public void Result_ready_is_finished_but_still_allows_the_return()
    {
        Assert.True(DossierWorkflow.IsFinished(DossierStage.ResultReady));
        Assert.Equal([DossierAction.Return], DossierWorkflow.AllowedActions(DossierStage.ResultReady));
    }

    [Fact]
    public void A_whole_happy_path_with_a_send_back_and_a_fee()
    {
        var s = DossierStage.Submitted;
        foreach (var a in new[]
                 {
                     DossierAction.Receive, DossierAction.Assign, DossierAction.RequestPayment, DossierAction.ConfirmPayment,
                     DossierAction.ProposeResult, DossierAction.SendBack, DossierAction.Assign, DossierAction.ProposeResult,
                     DossierAction.Approve, DossierAction.Return,
                 })
        {
            s = DossierWorkflow.Apply(s, a);
        }

        Assert.Equal(DossierStage.Returned, s);
    }

    [Fact]
    public void Every_action_has_roles_from_the_known_list_and_every_stage_and_action_a_name()
    {
        foreach (var a in Enum.GetValues<DossierAction>())
        {
            var roles = DossierWorkflow.RolesFor(a);
            Assert.NotEmpty(roles);
            Assert.All(roles, r => Assert.Contains(r, Roles.All));
            Assert.False(string.IsNullOrWhiteSpace(DossierText.ActionName(a)));
        }

        Assert.All(Enum.GetValues<DossierStage>(), s => Assert.False(string.IsNullOrWhiteSpace(DossierText.StageName(s))));
    }

    [Fact]
    public void Roles_follow_the_one_stop_split_of_duties()
    {
        Assert.Equal([Roles.Reception], DossierWorkflow.RolesFor(DossierAction.Receive));
        Assert.Equal([Roles.UnitLeader], DossierWorkflow.RolesFor(DossierAction.Approve));
        Assert.Equal([Roles.Specialist], DossierWorkflow.RolesFor(DossierAction.ProposeResult));
        Assert.Contains(Roles.Citizen, DossierWorkflow.RolesFor(DossierAction.Withdraw));
        Assert.DoesNotContain(Roles.Citizen, DossierWorkflow.RolesFor(DossierAction.Approve));
    }

    [Fact]
    public void Role_lists()
    {
        Assert.Equal(8, Roles.All.Count);
        Assert.DoesNotContain(Roles.Citizen, Roles.Officers);
        Assert.Equal(Roles.OfficersCsv, string.Join(",", Roles.Officers));
        Assert.Equal("MotCua", Roles.Reception);
    }

    [Theory]
    [InlineData(DossierStatus.Submitted, "Mới đăng ký")]
    [InlineData(DossierStatus.Received, "Được tiếp nhận")]
    [InlineData(DossierStatus.Refused, "Không được tiếp nhận")]
    [InlineData(DossierStatus.Processing, "Đang xử lý")]
    [InlineData(DossierStatus.SupplementRequested, "Yêu cầu bổ sung giấy tờ")]
    [InlineData(DossierStatus.FinancialObligation, "Yêu cầu thực hiện nghĩa vụ tài chính")]
    [InlineData(DossierStatus.Withdrawn, "Công dân yêu cầu rút hồ sơ")]
    [InlineData(DossierStatus.Stopped, "Dừng xử lý")]
    [InlineData(DossierStatus.ResultReady, "Đã xử lý xong")]
    [InlineData(DossierStatus.Returned, "Đã trả kết quả")]
    public void Status_names_are_the_national_list(DossierStatus status, string name) =>
        Assert.Equal(name, DossierText.StatusName(status));
}
