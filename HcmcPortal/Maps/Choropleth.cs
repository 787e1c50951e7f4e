namespace HcmcPortal.Maps;

/// <summary>A unit on a map: its figure (null = no data), the text shown for it, and the page it opens.</summary>
public sealed record MapUnit(string Code, string Name, double? Value, string Label, string? Href);

/// <summary>How one unit is painted (sent to the browser as is).</summary>
public sealed record MapUnitStyle(string Name, string Color, string Label, string? Href);

/// <summary>One legend entry: a colour and the range of figures it stands for.</summary>
public sealed record LegendClass(string Color, string Label);

public sealed record ChoroplethData(IReadOnlyDictionary<string, MapUnitStyle> Units, IReadOnlyList<LegendClass> Legend);

/// <summary>
/// Colours of a choropleth: five equal intervals between the lowest and the highest figure, light to dark (a
/// ColorBrewer "Blues" ramp, readable in grey too). Decided here once so the map and its legend cannot disagree.
/// </summary>
public static class Choropleth
{
    public static readonly IReadOnlyList<string> Palette = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
    public const string NoDataColor = "#e0e0e0";

    public static ChoroplethData Build(IReadOnlyList<MapUnit> units, Func<double, string> format)
    {
        var values = units.Where(u => u.Value is not null).Select(u => u.Value!.Value).ToList();
        if (values.Count == 0)
            return new ChoroplethData(units.ToDictionary(u => u.Code, u => new MapUnitStyle(u.Name, NoDataColor, u.Label, u.Href)), []);
        var min = values.Min();
        var max = values.Max();
        var classes = max > min ? Palette.Count : 1;
        var width = (max - min) / classes;
        int ClassOf(double v) => classes == 1 ? 0 : Math.Clamp((int)Math.Floor((v - min) / width), 0, classes - 1);
        var colors = classes == 1 ? [Palette[^1]] : Palette;
        var legend = Enumerable.Range(0, classes)
            .Select(i => new LegendClass(colors[i], classes == 1 ? format(min) : $"{format(min + i * width)} – {format(i == classes - 1 ? max : min + (i + 1) * width)}"))
            .ToList();
        return new ChoroplethData(
            units.ToDictionary(u => u.Code, u => new MapUnitStyle(u.Name, u.Value is double v ? colors[ClassOf(v)] : NoDataColor, u.Label, u.Href)),
            legend);
    }
}
