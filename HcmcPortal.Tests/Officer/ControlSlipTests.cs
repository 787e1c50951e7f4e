using HcmcPortal.Domain;
using HcmcPortal.Officer;

namespace HcmcPortal.Tests.Officer;

public sealed class ControlSlipTests
{
    private static readonly StepPlan[] Standard =
    [
        new(1, "Tiếp nhận hồ sơ", Roles.Reception, 10),
        new(2, "Thẩm định hồ sơ", Roles.Specialist, 60),
        new(3, "Phê duyệt, ký kết quả", Roles.UnitLeader, 20),
        new(4, "Trả kết quả", Roles.Reception, 10),
    ];

    private static readonly DateTime Start = new(2025, 11, 17, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Due = Start.AddHours(100);

    private static HandoverEvent At(double hours, string action) =>
        new(Start.AddHours(hours), action, "Cán bộ", "Quận 1", DossierStatus.Received, DossierStatus.Processing, null);

    [Fact]
    public void Each_step_is_due_at_its_cumulative_share_of_the_span()
    {
        Assert.Equal(Start.AddHours(10), ControlSlip.StepDue(Standard, 0, Start, Due));
        Assert.Equal(Start.AddHours(70), ControlSlip.StepDue(Standard, 1, Start, Due));
        Assert.Equal(Start.AddHours(90), ControlSlip.StepDue(Standard, 2, Start, Due));
        Assert.Equal(Due, ControlSlip.StepDue(Standard, 3, Start, Due));
        Assert.Null(ControlSlip.StepDue(Standard, 0, null, Due));
    }

    [Fact]
    public void Hand_overs_are_judged_against_their_own_step_and_the_return_uses_the_last_reception_step()
    {
        var lines = ControlSlip.Build(Standard,
            [At(0, "Submit"), At(5, "Receive"), At(6, "Assign"), At(50, "Verify"), At(75, "ProposeResult"), At(80, "Approve"), At(99, "Return")],
            Start, Due);

        Assert.Equal(
            [null, "Tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Thẩm định hồ sơ", "Thẩm định hồ sơ", "Phê duyệt, ký kết quả", "Trả kết quả"],
            lines.Select(l => l.Step?.Name));
        Assert.Equal([null, true, true, true, false, true, true], lines.Select(l => l.OnTime));
    }

    [Fact]
    public void A_workflow_without_a_specialist_step_gives_no_verdict_for_appraisal_actions()
    {
        StepPlan[] onTheSpot = [new(1, "Tiếp nhận", Roles.Reception, 30), new(2, "Ký chứng thực", Roles.UnitLeader, 50), new(3, "Trả kết quả", Roles.Reception, 20)];
        var lines = ControlSlip.Build(onTheSpot, [At(1, "Receive"), At(2, "ProposeResult"), At(60, "Approve"), At(100.5, "Return")], Start, Due);
        Assert.Equal([true, null, true, false], lines.Select(l => l.OnTime));
    }
}
