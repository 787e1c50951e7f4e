namespace HcmcPortal.Domain;

/// <summary>Role names of the portal (domain.md §1). Stored in Identity; never rename.</summary>
public static class Roles
{
    public const string Citizen = "CongDan";
    public const string Reception = "MotCua";
    public const string Specialist = "ChuyenVien";
    public const string UnitLeader = "LanhDaoDonVi";
    public const string CityLeader = "LanhDaoUBND";
    public const string DxEvaluator = "DanhGiaCDS";
    public const string Admin = "QuanTri";

    public static readonly string[] All = [Citizen, Reception, Specialist, UnitLeader, CityLeader, DxEvaluator, Admin];
    public static readonly string[] Officers = [Reception, Specialist, UnitLeader];
}
