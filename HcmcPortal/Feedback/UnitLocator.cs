using System.Text.Json;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;

namespace HcmcPortal.Feedback;

/// <summary>The unit whose boundary holds a point (point-in-polygon over the 168 units' boundaries, the map's GeoJSON).</summary>
public sealed record LocatedUnit(int UnitId, string Code, string Name);

/// <summary>
/// Finds the unit in charge of a reported point on the server. The boundaries are the ones the map draws (embedded from
/// <c>wwwroot/data/hcmc-units-2025</c>), loaded once into an R-tree of prepared polygons.
/// A point on a shared border belongs to both neighbours: the unit with the smaller code takes it, so the answer is stable.
/// The published boundaries are simplified (5 decimals), which leaves thin gaps between neighbours and along the coast:
/// a point within <see cref="Tolerance"/> of a boundary goes to the nearest unit; farther away it is outside the city.
/// </summary>
public sealed class UnitLocator(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>About 55 m at this latitude.</summary>
    public const double Tolerance = 0.0005;

    private readonly SemaphoreSlim gate = new(1, 1);
    private Index? index;

    private sealed record Area(string Code, IPreparedGeometry Shape, Geometry Raw);

    private sealed record Index(STRtree<Area> Tree, IReadOnlyDictionary<string, (int Id, string Name)> Units);

    /// <summary>The unit holding (<paramref name="latitude"/>, <paramref name="longitude"/>), or null outside the city.</summary>
    public async Task<LocatedUnit?> LocateAsync(double latitude, double longitude, CancellationToken ct = default)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
            return null;
        var idx = await LoadAsync(ct);
        var point = new Point(longitude, latitude);
        var near = new Envelope(point.Coordinate);
        near.ExpandBy(Tolerance);
        var candidates = idx.Tree.Query(near).Where(a => idx.Units.ContainsKey(a.Code)).ToList();
        var holder = candidates.Where(a => a.Shape.Covers(point)).OrderBy(a => a.Code, StringComparer.Ordinal).FirstOrDefault()
            ?? candidates.Select(a => (Area: a, Distance: a.Raw.Distance(point))).Where(x => x.Distance <= Tolerance)
                .OrderBy(x => x.Distance).ThenBy(x => x.Area.Code, StringComparer.Ordinal).Select(x => x.Area).FirstOrDefault();
        if (holder is null)
            return null;
        var unit = idx.Units[holder.Code];
        return new LocatedUnit(unit.Id, holder.Code, unit.Name);
    }

    private async Task<Index> LoadAsync(CancellationToken ct)
    {
        if (index is { } ready)
            return ready;
        await gate.WaitAsync(ct);
        try
        {
            if (index is { } loaded)
                return loaded;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var units = await db.Units.AsNoTracking().ValidOn(VietnamTime.Today(clock)).Where(u => u.Level == UnitLevel.Commune)
                .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
            var tree = new STRtree<Area>();
            foreach (var (code, shape) in ReadBoundaries())
                tree.Insert(shape.EnvelopeInternal, new Area(code, PreparedGeometryFactory.Prepare(shape), shape));
            tree.Build();
            // Two units valid today never share a code (UnitQueries), so the code is a key here.
            return index = new Index(tree, units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name)));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The boundaries shipped with the app: GeoJSON features with a <c>code</c> property.</summary>
    internal static IEnumerable<(string Code, Geometry Shape)> ReadBoundaries()
    {
        using var stream = typeof(UnitLocator).Assembly.GetManifestResourceStream("units-2025/communes-2025.geojson")
            ?? throw new InvalidOperationException("Embedded resource units-2025/communes-2025.geojson is missing.");
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options) ?? [];
        var list = new List<(string, Geometry)>();
        foreach (var feature in features)
        {
            if (feature.Attributes?["code"]?.ToString() is { Length: > 0 } code && feature.Geometry is { IsEmpty: false } shape)
                list.Add((code, shape));
        }
        return list;
    }
}
