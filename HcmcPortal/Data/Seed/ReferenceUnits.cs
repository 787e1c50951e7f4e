namespace HcmcPortal.Data.Seed;

/// <summary>
/// Reference administrative units of Ho Chi Minh City before 1 July 2025 (domain.md §7): the city, its 22 district-level
/// units and a sample of 3–4 wards/communes per district. Every call returns new instances without ids, Path or ParentId:
/// the seeder sets them.
/// </summary>
/// <remarks>
/// District codes are those of the national list of administrative units (domain.md §7).
/// Ward codes follow the national list as it stood before the 2020–2025 ward mergers (taken from a copy of that
/// list, not from the official text: check them against the General Statistics Office list before relying on them);
/// Phường Võ Thị Sáu (Quận 3, formed in 2020 from wards 6, 7 and 8) is given the code of the former Phường 6.
/// The ward sample is demo data: it is not the full list, and wards merged later are not modelled.
/// ValidFrom is simplified to 02/07/1976 (reunification; the city took its name that day) for every unit except
/// Thành phố Thủ Đức and its wards (01/01/2021); Quận 7 and Quận 12 in fact date from 1997 and Quận Bình Tân and
/// Quận Tân Phú from 2003. No portal data predates them, so the simplification does not affect any report.
/// </remarks>
public static class ReferenceUnits
{
    /// <summary>Province code of Ho Chi Minh City in the national list.</summary>
    public const string CityCode = "79";

    /// <summary>HCMC's province-level agency code in Circular 10/2016/TT-BTTTT.</summary>
    public const string CityAgencyCode = "000.00.00.H29";

    /// <summary>The day HCMC got its name (reunification of the country's administration).</summary>
    public static readonly DateOnly Founded = new(1976, 7, 2);

    /// <summary>Thành phố Thủ Đức was formed from Quận 2, Quận 9 and Quận Thủ Đức (Resolution 1111/NQ-UBTVQH14).</summary>
    public static readonly DateOnly ThuDucFounded = new(2021, 1, 1);

    /// <summary>Last day of the district level (domain.md §7).</summary>
    public static readonly DateOnly DistrictLevelEnded = new(2025, 6, 30);

    public static AdministrativeUnit City() => new()
    {
        Code = CityCode,
        AgencyCode = CityAgencyCode,
        Name = "Thành phố Hồ Chí Minh",
        Kind = "Thành phố",
        Level = UnitLevel.Province,
        ValidFrom = Founded,
    };

    /// <summary>The 22 district-level units in the order of domain.md §7, each with a sample of its wards/communes.</summary>
    public static IReadOnlyList<(AdministrativeUnit District, IReadOnlyList<AdministrativeUnit> Wards)> Districts()
    {
        var result = new List<(AdministrativeUnit, IReadOnlyList<AdministrativeUnit>)>(Table.Length);
        for (var i = 0; i < Table.Length; i++)
        {
            var row = Table[i];
            var nn = (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var validFrom = row.Code == ThuDucCode ? ThuDucFounded : Founded;
            var district = new AdministrativeUnit
            {
                Code = row.Code,
                AgencyCode = $"000.00.{nn}.H29",
                Name = row.Name,
                Kind = row.Kind,
                Level = UnitLevel.District,
                ValidFrom = validFrom,
                ValidTo = DistrictLevelEnded,
            };
            var wards = new List<AdministrativeUnit>(row.Wards.Length);
            for (var j = 0; j < row.Wards.Length; j++)
            {
                var (code, name) = row.Wards[j];
                wards.Add(new AdministrativeUnit
                {
                    Code = code,
                    AgencyCode = $"000.{nn}.{(j + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}.H29",
                    Name = name,
                    Kind = KindOf(name),
                    Level = UnitLevel.Commune,
                    ValidFrom = validFrom,
                    ValidTo = DistrictLevelEnded,
                });
            }

            result.Add((district, wards));
        }

        return result;
    }

    private const string ThuDucCode = "769";

    private static string KindOf(string wardName) =>
        wardName.StartsWith("Thị trấn ", StringComparison.Ordinal) ? "Thị trấn"
        : wardName.StartsWith("Xã ", StringComparison.Ordinal) ? "Xã"
        : "Phường";

    private sealed record Row(string Code, string Name, string Kind, (string Code, string Name)[] Wards);

    // Order of domain.md §7; the position gives the NN of the agency code (Quận 1 = 01 … Huyện Cần Giờ = 22).
    private static readonly Row[] Table =
    [
        new("760", "Quận 1", "Quận",
        [
            ("26740", "Phường Bến Nghé"), ("26743", "Phường Bến Thành"), ("26737", "Phường Đa Kao"), ("26734", "Phường Tân Định"),
        ]),
        new("761", "Quận 12", "Quận",
        [
            ("26764", "Phường Thạnh Xuân"), ("26770", "Phường Hiệp Thành"), ("26776", "Phường Tân Chánh Hiệp"), ("26788", "Phường Đông Hưng Thuận"),
        ]),
        new("764", "Quận Gò Vấp", "Quận",
        [
            ("26896", "Phường 1"), ("26902", "Phường 3"), ("26884", "Phường 10"), ("26875", "Phường 17"),
        ]),
        new("765", "Quận Bình Thạnh", "Quận",
        [
            ("26944", "Phường 1"), ("26905", "Phường 13"), ("26956", "Phường 22"), ("26920", "Phường 25"),
        ]),
        new("766", "Quận Tân Bình", "Quận",
        [
            ("26965", "Phường 2"), ("26968", "Phường 4"), ("26971", "Phường 12"), ("27007", "Phường 15"),
        ]),
        new("767", "Quận Tân Phú", "Quận",
        [
            ("27010", "Phường Tân Sơn Nhì"), ("27013", "Phường Tây Thạnh"), ("27025", "Phường Phú Thọ Hòa"), ("27037", "Phường Hiệp Tân"),
        ]),
        new("768", "Quận Phú Nhuận", "Quận",
        [
            ("27058", "Phường 1"), ("27043", "Phường 4"), ("27049", "Phường 9"), ("27067", "Phường 15"),
        ]),
        new("770", "Quận 3", "Quận",
        [
            ("27139", "Phường Võ Thị Sáu"), ("27142", "Phường 9"), ("27133", "Phường 11"), ("27127", "Phường 14"),
        ]),
        new("771", "Quận 10", "Quận",
        [
            ("27184", "Phường 1"), ("27172", "Phường 12"), ("27169", "Phường 14"), ("27163", "Phường 15"),
        ]),
        new("772", "Quận 11", "Quận",
        [
            ("27211", "Phường 5"), ("27214", "Phường 14"), ("27208", "Phường 15"), ("27253", "Phường 16"),
        ]),
        new("773", "Quận 4", "Quận",
        [
            ("27262", "Phường 9"), ("27259", "Phường 13"), ("27289", "Phường 16"), ("27277", "Phường 18"),
        ]),
        new("774", "Quận 5", "Quận",
        [
            ("27325", "Phường 1"), ("27301", "Phường 4"), ("27328", "Phường 11"), ("27331", "Phường 14"),
        ]),
        new("775", "Quận 6", "Quận",
        [
            ("27370", "Phường 1"), ("27367", "Phường 2"), ("27385", "Phường 10"), ("27346", "Phường 14"),
        ]),
        new("776", "Quận 8", "Quận",
        [
            ("27409", "Phường 4"), ("27418", "Phường 5"), ("27424", "Phường 6"), ("27433", "Phường 7"),
        ]),
        new("777", "Quận Bình Tân", "Quận",
        [
            ("27436", "Phường Bình Hưng Hòa"), ("27445", "Phường Bình Trị Đông"), ("27454", "Phường Tân Tạo"), ("27460", "Phường An Lạc"),
        ]),
        new("778", "Quận 7", "Quận",
        [
            ("27466", "Phường Tân Thuận Đông"), ("27487", "Phường Tân Phú"), ("27490", "Phường Tân Phong"), ("27493", "Phường Phú Mỹ"),
        ]),
        new(ThuDucCode, "Thành phố Thủ Đức", "Thành phố",
        [
            ("27088", "Phường Thảo Điền"), ("26800", "Phường Linh Trung"), ("26839", "Phường Hiệp Phú"), ("26830", "Phường Long Bình"),
        ]),
        new("783", "Huyện Củ Chi", "Huyện",
        [
            ("27496", "Thị trấn Củ Chi"), ("27556", "Xã Tân Thông Hội"), ("27517", "Xã Phú Hòa Đông"), ("27508", "Xã An Nhơn Tây"),
        ]),
        new("784", "Huyện Hóc Môn", "Huyện",
        [
            ("27559", "Thị trấn Hóc Môn"), ("27592", "Xã Bà Điểm"), ("27577", "Xã Xuân Thới Sơn"), ("27562", "Xã Tân Hiệp"),
        ]),
        new("785", "Huyện Bình Chánh", "Huyện",
        [
            ("27595", "Thị trấn Tân Túc"), ("27601", "Xã Vĩnh Lộc A"), ("27619", "Xã Bình Hưng"), ("27610", "Xã Lê Minh Xuân"),
        ]),
        new("786", "Huyện Nhà Bè", "Huyện",
        [
            ("27643", "Thị trấn Nhà Bè"), ("27646", "Xã Phước Kiển"), ("27661", "Xã Hiệp Phước"), ("27658", "Xã Long Thới"),
        ]),
        new("787", "Huyện Cần Giờ", "Huyện",
        [
            ("27664", "Thị trấn Cần Thạnh"), ("27667", "Xã Bình Khánh"), ("27679", "Xã Long Hòa"), ("27676", "Xã Thạnh An"),
        ]),
    ];
}
