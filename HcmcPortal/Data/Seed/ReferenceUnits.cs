using HcmcPortal.Units;

namespace HcmcPortal.Data.Seed;

/// <summary>An old unit's area went (wholly or in part) to a new unit.</summary>
public sealed record SuccessionSpec(AdministrativeUnit Predecessor, AdministrativeUnit Successor, bool Partial);

/// <summary>Both structures of the city: before 01/07/2025 (districts and their wards) and from that day (168 units).</summary>
public sealed record UnitTree(AdministrativeUnit City, IReadOnlyList<AdministrativeUnit> Districts, IReadOnlyList<AdministrativeUnit> OldWards,
    IReadOnlyList<AdministrativeUnit> Units2025, IReadOnlyList<SuccessionSpec> Successions)
{
    /// <summary>Parents before children.</summary>
    public IEnumerable<AdministrativeUnit> All => [City, .. Districts, .. OldWards, .. Units2025];
}

/// <summary>
/// Reference administrative units of Ho Chi Minh City (domain.md §7, updated for the 2025 reform): the city; its 22
/// district-level units with all 273 of their wards/communes as they stood on 30/06/2025, valid until that day; and
/// the 168 commune-level units (113 phường, 54 xã, Đặc khu Côn Đảo) directly under the city from 01/07/2025, with the
/// old→new links of every old HCMC ward. Instances are new, without ids or Path; <see cref="UnitTree"/> parents are
/// set through <see cref="AdministrativeUnit.Parent"/>.
/// </summary>
/// <remarks>
/// Data: <c>Data/Seed/units-2025/</c>, a copy of shared/data/hcmc-units-2025 (MIT licensed; sources and licences
/// beside the files: thanglequoc/vietnamese-provinces-database for codes and names, dvhcvn/20250701 for the old → new
/// mapping). Only the old wards of HCMC (province 79) are loaded: the wards of the former Bình Dương and Bà Rịa–Vũng
/// Tàu never were portal units. An old district's successors are the new units its wards went into, partial unless
/// all of its wards went wholly into one unit.
/// ValidFrom of the old units is simplified to 02/07/1976 (the city took its name that day) except Thành phố Thủ Đức
/// and its wards (01/01/2021); ward mergers before 2025 are not modelled. No portal data predates them.
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

    /// <summary>First day of the commune-level structure (Resolution 1685/NQ-UBTVQH15).</summary>
    public static readonly DateOnly Reform2025 = DistrictLevelEnded.AddDays(1);

    public static AdministrativeUnit City() => new()
    {
        Code = CityCode,
        AgencyCode = CityAgencyCode,
        Name = "Thành phố Hồ Chí Minh",
        Kind = "Thành phố",
        Level = UnitLevel.Province,
        ValidFrom = Founded,
    };

    /// <summary>Opens one of the bundled data files (embedded resources "units-2025/…").</summary>
    public static Stream OpenFile(string name) =>
        typeof(ReferenceUnits).Assembly.GetManifestResourceStream("units-2025/" + name)
        ?? throw new InvalidOperationException($"Embedded resource units-2025/{name} is missing.");

    public static UnitTree Build()
    {
        var city = City();
        using var mappingFile = OpenFile("old-wards-to-2025.csv");
        var (mapping, mappingErrors) = UnitTables.ParseMapping(UnitTables.Read(mappingFile, "old-wards-to-2025.csv"));
        using var unitFile = OpenFile("communes-2025.csv");
        var (units, unitErrors) = UnitTables.ParseUnits(UnitTables.Read(unitFile, "communes-2025.csv"));
        if (mappingErrors.Count + unitErrors.Count > 0)
            throw new InvalidOperationException("Bundled unit files: " + string.Join("; ", mappingErrors.Concat(unitErrors)));

        var districts = new List<AdministrativeUnit>();
        var oldWards = new List<AdministrativeUnit>();
        var districtByCode = new Dictionary<string, AdministrativeUnit>();
        for (var i = 0; i < Table.Length; i++)
        {
            var (code, name, kind) = Table[i];
            var district = new AdministrativeUnit
            {
                Code = code, AgencyCode = AgencyCodes.Format(0, i + 1), Name = name, Kind = kind, Level = UnitLevel.District,
                Parent = city, ValidFrom = code == ThuDucCode ? ThuDucFounded : Founded, ValidTo = DistrictLevelEnded,
            };
            districts.Add(district);
            districtByCode[code] = district;
        }
        var oldRows = mapping.Where(r => r.OldProvinceCode == CityCode).ToList();
        var wardByCode = new Dictionary<string, AdministrativeUnit>();
        foreach (var group in oldRows.GroupBy(r => r.OldDistrictCode))
        {
            var district = districtByCode[group.Key];
            var place = 0;
            foreach (var row in group)
            {
                var ward = new AdministrativeUnit
                {
                    Code = row.OldCode, AgencyCode = AgencyCodes.Format(Array.FindIndex(Table, t => t.Code == group.Key) + 1, ++place),
                    Name = row.OldName, Kind = KindOf(row.OldName), Level = UnitLevel.Commune, Parent = district,
                    ValidFrom = district.ValidFrom, ValidTo = DistrictLevelEnded,
                };
                oldWards.Add(ward);
                wardByCode[row.OldCode] = ward;
            }
        }

        // The 2025 agency codes are the portal's own numbering (AgencyCodes): not the official list.
        var units2025 = units.OrderBy(u => u.Code, StringComparer.Ordinal).Select((u, i) => new AdministrativeUnit
        {
            Code = u.Code, AgencyCode = AgencyCodes.At(AgencyCodes.Units2025FirstBlock, i), Name = u.FullName, Kind = u.Kind,
            Level = UnitLevel.Commune, Parent = city, ValidFrom = Reform2025,
        }).ToList();
        var newByCode = units2025.ToDictionary(u => u.Code);

        var successions = new List<SuccessionSpec>();
        foreach (var row in oldRows)
            foreach (var (code, partial) in row.NewUnits)
                successions.Add(new(wardByCode[row.OldCode], newByCode[code], partial));
        foreach (var district in districts)
        {
            var links = successions.Where(s => s.Predecessor.Parent == district).ToList();
            var targets = links.Select(s => s.Successor).Distinct().ToList();
            var whole = targets.Count == 1 && links.All(s => !s.Partial);
            successions.AddRange(targets.Select(t => new SuccessionSpec(district, t, !whole)));
        }
        return new UnitTree(city, districts, oldWards, units2025, successions);
    }

    private const string ThuDucCode = "769";

    private static string KindOf(string wardName) =>
        wardName.StartsWith("Thị trấn ", StringComparison.Ordinal) ? "Thị trấn"
        : wardName.StartsWith("Xã ", StringComparison.Ordinal) ? "Xã"
        : "Phường";

    // Order of domain.md §7; the position gives the NN of the agency code (Quận 1 = 000.00.01.H29 … Huyện Cần Giờ = 22)
    // and the block of its wards' codes (Quận 1's wards 000.01.NN.H29).
    private static readonly (string Code, string Name, string Kind)[] Table =
    [
        ("760", "Quận 1", "Quận"), ("761", "Quận 12", "Quận"), ("764", "Quận Gò Vấp", "Quận"), ("765", "Quận Bình Thạnh", "Quận"),
        ("766", "Quận Tân Bình", "Quận"), ("767", "Quận Tân Phú", "Quận"), ("768", "Quận Phú Nhuận", "Quận"), ("770", "Quận 3", "Quận"),
        ("771", "Quận 10", "Quận"), ("772", "Quận 11", "Quận"), ("773", "Quận 4", "Quận"), ("774", "Quận 5", "Quận"),
        ("775", "Quận 6", "Quận"), ("776", "Quận 8", "Quận"), ("777", "Quận Bình Tân", "Quận"), ("778", "Quận 7", "Quận"),
        (ThuDucCode, "Thành phố Thủ Đức", "Thành phố"), ("783", "Huyện Củ Chi", "Huyện"), ("784", "Huyện Hóc Môn", "Huyện"),
        ("785", "Huyện Bình Chánh", "Huyện"), ("786", "Huyện Nhà Bè", "Huyện"), ("787", "Huyện Cần Giờ", "Huyện"),
    ];
}
