using HcmcPortal.Accounts;
using HcmcPortal.Domain;

namespace HcmcPortal.Privacy;

/// <summary>
/// Who sees which personal data (Law 91/2025/QH15 on personal data protection, art. 3: data minimisation; Decree
/// 356/2025/NĐ-CP). The one place the portal decides it; queries ask it before they project a dossier.
/// </summary>
public static class PersonalDataPolicy
{
    /// <summary>
    /// Identity papers (CCCD, phone, e-mail, address and the uploaded files) are for the people who handle or decide the
    /// dossier and for its applicant. The DX evaluator scores units and needs none of them.
    /// </summary>
    public static bool SeesIdentityPapers(this Actor actor) =>
        !actor.IsInRole(Roles.DxEvaluator)
        || actor.IsOfficer || actor.IsInRole(Roles.CityLeader) || actor.IsInRole(Roles.Admin);

    /// <summary>Every view by staff (officers, leaders, evaluators, administrators) is recorded; the applicant's own views are not.</summary>
    public static bool ViewsAreRecorded(this Actor actor) => actor.Roles.Any(r => r != Roles.Citizen);
}

/// <summary>The screens and endpoints that show a dossier's personal data, as written in the access log.</summary>
public static class PersonalDataScreens
{
    public const string OfficerDossier = "can-bo/ho-so";
    public const string PrintedForm = "in/mau";
    public const string TrackingLog = "in/06";
    public const string File = "files";
    public const string DrillDown = "bao-cao/chi-tiet";
    public const string ListingExport = "bao-cao/xuat-danh-sach";

    public static IReadOnlyList<string> All { get; } = [OfficerDossier, PrintedForm, TrackingLog, File, DrillDown, ListingExport];

    public static string DisplayName(string screen) => screen switch
    {
        OfficerDossier => "Xử lý hồ sơ (trang cán bộ)",
        PrintedForm => "In biểu mẫu hồ sơ",
        TrackingLog => "In sổ theo dõi (mẫu 06)",
        File => "Xem/tải tệp đính kèm",
        DrillDown => "Danh sách hồ sơ trong báo cáo",
        ListingExport => "Xuất danh sách hồ sơ (Excel)",
        _ => screen,
    };
}
