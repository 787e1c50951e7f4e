namespace HcmcPortal.Domain;

/// <summary>Role names (domain.md §1). The constants can be used in <c>[Authorize(Roles = ...)]</c>.</summary>
public static class Roles
{
    /// <summary>Người dân, doanh nghiệp.</summary>
    public const string Citizen = "CongDan";

    /// <summary>Cán bộ một cửa (tiếp nhận).</summary>
    public const string Reception = "MotCua";

    /// <summary>Chuyên viên xử lý.</summary>
    public const string Specialist = "ChuyenVien";

    /// <summary>Lãnh đạo đơn vị.</summary>
    public const string UnitLeader = "LanhDaoDonVi";

    /// <summary>Lãnh đạo UBND (city or district).</summary>
    public const string CityLeader = "LanhDaoUBND";

    /// <summary>Trung tâm Chuyển đổi số — DX evaluator.</summary>
    public const string DxEvaluator = "DanhGiaCDS";

    /// <summary>Quản trị hệ thống.</summary>
    public const string Admin = "QuanTri";

    /// <summary>Quản trị đơn vị: manages the officers of their own unit only (issue 15), nothing city-wide.</summary>
    public const string UnitAdmin = "QuanTriDonVi";

    /// <summary>Who manages staff accounts, comma-separated for <c>[Authorize(Roles = ...)]</c>.</summary>
    public const string UserManagersCsv = Admin + "," + UnitAdmin;

    /// <summary>The roles that handle dossiers inside one unit, comma-separated for <c>[Authorize(Roles = ...)]</c>.</summary>
    public const string OfficersCsv = Reception + "," + Specialist + "," + UnitLeader;

    /// <summary>Every role, e.g. for seeding.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly([Citizen, Reception, Specialist, UnitLeader, CityLeader, DxEvaluator, Admin, UnitAdmin]);

    /// <summary>The roles that handle dossiers inside one unit (domain.md §1); they see only their unit's dossiers.</summary>
    public static IReadOnlyList<string> Officers { get; } = Array.AsReadOnly([Reception, Specialist, UnitLeader]);

    /// <summary>Vietnamese display name of a role.</summary>
    public static string DisplayName(string role) => role switch
    {
        Citizen => "Người dân, doanh nghiệp",
        Reception => "Cán bộ một cửa",
        Specialist => "Chuyên viên xử lý",
        UnitLeader => "Lãnh đạo đơn vị",
        CityLeader => "Lãnh đạo UBND",
        DxEvaluator => "Đánh giá chuyển đổi số",
        Admin => "Quản trị hệ thống",
        UnitAdmin => "Quản trị đơn vị",
        _ => role,
    };
}
