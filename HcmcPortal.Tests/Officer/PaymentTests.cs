using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Officer;

/// <summary>Status 6 (fee or tax): asked for only when the procedure charges one; the clock stops while the applicant pays.</summary>
public sealed class PaymentTests(ClockedPortalFactory portal) : IClassFixture<ClockedPortalFactory>
{
    /// <summary>"Cấp giấy xác nhận tình trạng hôn nhân": 3 working days, 3,000 đ.</summary>
    private const string FeeProcedureCode = "1.004873";

    [Fact]
    public async Task A_free_procedure_has_no_payment_to_ask_for()
    {
        portal.Clock.SetLocal(2025, 11, 18, 9);
        var id = await portal.SubmitOnlineToQuan1Async(); // Đăng ký kết hôn: free
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await portal.ApplyOkAsync(reception, id, DossierAction.Receive);

        var refused = await portal.Dossiers().ApplyAsync(reception, new ActionRequest(id, await portal.VersionAsync(id), DossierAction.RequestPayment));

        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Contains("không thu phí", refused.Message);
        Assert.Equal(DossierStatus.Received, (await portal.LoadAsync(id)).Status);
        Assert.DoesNotContain(DossierAction.RequestPayment, DossierWorkflow.AllowedActions(DossierStage.Received, feeVnd: 0));
        Assert.Contains(DossierAction.RequestPayment, DossierWorkflow.AllowedActions(DossierStage.Received, feeVnd: 3_000));
    }

    [Fact]
    public async Task The_days_spent_waiting_for_the_payment_move_the_due_date_and_the_confirmation_is_audited()
    {
        portal.Clock.SetLocal(2025, 11, 18, 9);
        var id = await portal.SubmitOnlineToQuan1Async(FeeProcedureCode);
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await portal.ApplyOkAsync(reception, id, DossierAction.Receive);
        var dueBefore = VietnamTime.ToLocal((await portal.LoadAsync(id)).DueAt!.Value);
        await portal.ApplyOkAsync(reception, id, DossierAction.RequestPayment, note: "Nộp lệ phí 3.000 đ.");
        Assert.Equal(DossierStatus.FinancialObligation, (await portal.LoadAsync(id)).Status);

        // Paid on Thursday 20/11: two working days (19 and 20/11) were the applicant's.
        portal.Clock.SetLocal(2025, 11, 20, 10);
        await portal.ApplyOkAsync(reception, id, DossierAction.ConfirmPayment, payment: new PaymentReceipt(3_000, " BL-2025/000123 ", PaymentChannel.BankTransfer));

        var d = await portal.LoadAsync(id);
        Assert.Equal(DossierStatus.Processing, d.Status);
        var expected = WorkingCalendar.ForYears(2025).AddWorkingDays(DateOnly.FromDateTime(dueBefore), 2).ToDateTime(TimeOnly.FromDateTime(dueBefore));
        Assert.Equal(expected, VietnamTime.ToLocal(d.DueAt!.Value));
        var confirmed = (await portal.EventsAsync(id)).Last();
        Assert.Equal(("ConfirmPayment", DossierStatus.FinancialObligation, DossierStatus.Processing), (confirmed.Action, confirmed.FromStatus!.Value, confirmed.ToStatus));
        Assert.Contains(expected.ToString("dd/MM/yyyy HH:mm"), confirmed.Note);
        Assert.StartsWith("Đã nhận khoản phí, lệ phí 3.000 đ (chuyển khoản), biên lai số BL-2025/000123.", confirmed.Note);
        Assert.Equal((3_000L, "BL-2025/000123", PaymentChannel.BankTransfer, false), (d.PaidAmountVnd, d.PaymentReceiptNumber, d.PaymentChannel, d.FeePaidOnline));
        Assert.Equal(VietnamTime.ToUtc(new DateTime(2025, 11, 20, 10, 0, 0)), d.PaidAt);
        Assert.Equal(reception.UserId, d.UpdatedBy); // audited: who recorded it
    }

    [Theory]
    [InlineData(0L, "BL-1", "Số tiền đã thu phải lớn hơn 0 đồng.")]
    [InlineData(-3_000L, "BL-1", "Số tiền đã thu phải lớn hơn 0 đồng.")]
    [InlineData(3_000L, null, "Vui lòng nhập số biên lai.")]
    [InlineData(3_000L, " \u200B ", "Vui lòng nhập số biên lai.")]
    public async Task A_payment_without_a_positive_amount_or_a_receipt_number_is_refused_and_the_dossier_still_waits(long amount, string? receipt, string message)
    {
        portal.Clock.SetLocal(2025, 11, 18, 9);
        var id = await portal.SubmitOnlineToQuan1Async(FeeProcedureCode);
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await portal.ApplyOkAsync(reception, id, DossierAction.Receive);
        await portal.ApplyOkAsync(reception, id, DossierAction.RequestPayment, note: "Nộp lệ phí 3.000 đ.");

        var refused = await portal.Dossiers().ApplyAsync(reception, new ActionRequest(id, await portal.VersionAsync(id), DossierAction.ConfirmPayment)
        {
            Payment = new PaymentReceipt(amount, receipt, PaymentChannel.AtCounter),
        });
        var nothing = await portal.Dossiers().ApplyAsync(reception, new ActionRequest(id, await portal.VersionAsync(id), DossierAction.ConfirmPayment));

        Assert.Equal((CommandStatus.Invalid, CommandStatus.Invalid), (refused.Status, nothing.Status));
        Assert.Contains(message, refused.Message);
        Assert.Contains("Vui lòng nhập số tiền đã thu và số biên lai.", nothing.Message);
        var d = await portal.LoadAsync(id);
        Assert.Equal((DossierStatus.FinancialObligation, (long?)null), (d.Status, d.PaidAmountVnd));
    }

    [Fact]
    public async Task A_payment_through_the_e_payment_gateway_counts_as_paid_online()
    {
        portal.Clock.SetLocal(2025, 11, 18, 9);
        var id = await portal.SubmitOnlineToQuan1Async(FeeProcedureCode);
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await portal.ApplyOkAsync(reception, id, DossierAction.Receive);
        await portal.ApplyOkAsync(reception, id, DossierAction.RequestPayment);

        await portal.ApplyOkAsync(reception, id, DossierAction.ConfirmPayment, payment: new PaymentReceipt(3_000, "GD-778899", PaymentChannel.EPayment));

        var d = await portal.LoadAsync(id);
        Assert.True(d.FeePaidOnline);
        Assert.Contains("(thanh toán trực tuyến), biên lai số GD-778899.", (await portal.EventsAsync(id)).Last().Note);
    }
}
