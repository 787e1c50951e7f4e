namespace HcmcPortal.Domain;

/// <summary>Vietnamese display names for statuses, stages and actions.</summary>
public static class DossierText
{
    /// <summary>The status name exactly as in the national list (domain.md §2).</summary>
    public static string StatusName(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "Mới đăng ký",
        DossierStatus.Received => "Được tiếp nhận",
        DossierStatus.Refused => "Không được tiếp nhận",
        DossierStatus.Processing => "Đang xử lý",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung giấy tờ",
        DossierStatus.FinancialObligation => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierStatus.Withdrawn => "Công dân yêu cầu rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.ResultReady => "Đã xử lý xong",
        DossierStatus.Returned => "Đã trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown dossier status."),
    };

    public static string StageName(DossierStage stage) => stage switch
    {
        DossierStage.Submitted => "Mới đăng ký",
        DossierStage.Received => "Đã tiếp nhận",
        DossierStage.Assigned => "Đang xử lý",
        DossierStage.AwaitingApproval => "Chờ phê duyệt",
        DossierStage.SentBack => "Trả lại để xử lý lại",
        DossierStage.SupplementRequested => "Chờ bổ sung hồ sơ",
        DossierStage.FinancialObligation => "Chờ thực hiện nghĩa vụ tài chính",
        DossierStage.ResultReady => "Đã có kết quả",
        DossierStage.Returned => "Đã trả kết quả",
        DossierStage.Refused => "Từ chối tiếp nhận",
        DossierStage.Withdrawn => "Đã rút hồ sơ",
        DossierStage.Stopped => "Dừng xử lý",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown dossier stage."),
    };

    public static string ActionName(DossierAction action) => action switch
    {
        DossierAction.Receive => "Tiếp nhận hồ sơ",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung, hoàn thiện hồ sơ",
        DossierAction.Refuse => "Từ chối tiếp nhận",
        DossierAction.Assign => "Phân công xử lý",
        DossierAction.ProposeResult => "Trình kết quả",
        DossierAction.ProposeRejection => "Đề xuất từ chối giải quyết",
        DossierAction.RequestSupplementInProcessing => "Yêu cầu bổ sung trong quá trình xử lý",
        DossierAction.SubmitSupplement => "Nộp bổ sung hồ sơ",
        DossierAction.Approve => "Phê duyệt",
        DossierAction.SendBack => "Trả lại để xử lý lại",
        DossierAction.Transfer => "Chuyển liên thông",
        DossierAction.RequestPayment => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierAction.ConfirmPayment => "Xác nhận đã thực hiện nghĩa vụ tài chính",
        DossierAction.Stop => "Dừng xử lý",
        DossierAction.Withdraw => "Rút hồ sơ",
        DossierAction.Return => "Trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown dossier action."),
    };

    /// <summary>How the fee was paid, as the dossier's history records it.</summary>
    public static string PaymentChannelName(PaymentChannel channel) => channel switch
    {
        PaymentChannel.AtCounter => "nộp tại quầy",
        PaymentChannel.BankTransfer => "chuyển khoản",
        PaymentChannel.EPayment => "thanh toán trực tuyến",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown payment channel."),
    };
}
