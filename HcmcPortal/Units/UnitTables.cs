using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using HcmcPortal.Data;
using HcmcPortal.Localization;

namespace HcmcPortal.Units;

/// <summary>A unit of a reorganisation as the unit list gives it (communes-2025.csv format).</summary>
public sealed record NewUnitRow(int Row, string Code, string FullName, string Kind, string? FormerProvince);

/// <summary>Where one pre-reform unit went (old-wards-to-2025.csv format): the new unit codes, each whole or in part.</summary>
public sealed record MappingRow(int Row, string OldProvinceCode, string OldDistrictCode, string OldDistrict, string OldCode, string OldName,
    IReadOnlyList<(string Code, bool Partial)> NewUnits);

/// <summary>A row-level problem, in the reader's language, naming the file, the row and the field.</summary>
public sealed record RowError(string File, int Row, string Message)
{
    public override string ToString() => Row > 0 ? UiTexts.Format("Units.Import.Result.RowError", File, Row, Message) : $"{File}: {Message}";
}

/// <summary>
/// Reads the two files of a reorganisation — the unit list and the old→new mapping — in the format of the shared
/// data set (shared/data/hcmc-units-2025, MIT: thanglequoc/vietnamese-provinces-database and dvhcvn/20250701), from
/// CSV (UTF-8, comma-separated, header row) or an Excel workbook (first sheet, header row). Used by the reference
/// seed and by the administrators' import, so both accept exactly the same files.
/// </summary>
public static class UnitTables
{
    public static string UnitListFile => UiTexts.Get("Units.Import.Result.UnitListFile");
    public static string MappingFile => UiTexts.Get("Units.Import.Result.MappingFile");

    public static readonly string[] UnitColumns = ["code", "name", "full_name", "full_name_en", "type", "former_province"];
    public static readonly string[] MappingColumns = ["old_province_code", "old_province", "old_district_code", "old_district", "old_ward_code", "old_ward", "new_units"];

    /// <summary>The file's "type" → the unit's kind as the portal names it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ward"] = "Phường",
        ["commune"] = "Xã",
        ["special zone"] = "Đặc khu",
    };

    /// <summary>Reads a header row and data rows; each row maps a lower-case column name to its trimmed text.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Read(Stream stream, string fileName)
    {
        var rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadExcel(stream) : ReadCsv(stream);
        if (rows.Count == 0)
            return [];
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        return rows.Skip(1).Where(r => r.Any(c => c.Length > 0)).Select(r =>
        {
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++)
                row[header[i]] = i < r.Count ? r[i].Trim() : "";
            return row;
        }).ToList();
    }

    /// <summary>The unit list, or the reasons it cannot be used.</summary>
    public static (IReadOnlyList<NewUnitRow> Rows, IReadOnlyList<RowError> Errors) ParseUnits(IReadOnlyList<Dictionary<string, string>> table)
    {
        var errors = new List<RowError>();
        if (MissingColumns(table, ["code", "full_name", "type"]) is { } missing)
            return ([], [new RowError(UnitListFile, 0, missing)]);
        var rows = new List<NewUnitRow>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < table.Count; i++)
        {
            var n = i + 2; // row 1 is the header
            var r = table[i];
            var code = r["code"];
            var before = errors.Count;
            if (!IsCode(code))
                errors.Add(new(UnitListFile, n, UiTexts.Format("Units.Import.Result.CodeFormat", code)));
            else if (seen.TryGetValue(code, out var first))
                errors.Add(new(UnitListFile, n, UiTexts.Format("Units.Import.Result.CodeRepeated", code, first)));
            else
                seen[code] = n;
            if (r["full_name"].Length == 0)
                errors.Add(new(UnitListFile, n, UiTexts.Get("Units.Import.Result.NameMissing")));
            else if (r["full_name"].Length > 200)
                errors.Add(new(UnitListFile, n, UiTexts.Get("Units.Import.Result.NameTooLong")));
            if (!Kinds.TryGetValue(r["type"], out var kind))
                errors.Add(new(UnitListFile, n, UiTexts.Format("Units.Import.Result.KindInvalid", r["type"])));
            if (errors.Count == before)
                rows.Add(new NewUnitRow(n, code, r["full_name"].Normalize(NormalizationForm.FormC), kind!, r.GetValueOrDefault("former_province")));
        }
        return (rows, errors);
    }

    /// <summary>The mapping, or the reasons it cannot be used (unknown new codes are checked by the caller, who knows the units).</summary>
    public static (IReadOnlyList<MappingRow> Rows, IReadOnlyList<RowError> Errors) ParseMapping(IReadOnlyList<Dictionary<string, string>> table)
    {
        var errors = new List<RowError>();
        if (MissingColumns(table, ["old_ward_code", "new_units"]) is { } missing)
            return ([], [new RowError(MappingFile, 0, missing)]);
        var rows = new List<MappingRow>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < table.Count; i++)
        {
            var n = i + 2;
            var r = table[i];
            var code = r["old_ward_code"];
            var before = errors.Count;
            if (!IsCode(code))
                errors.Add(new(MappingFile, n, UiTexts.Format("Units.Import.Result.OldCodeFormat", code)));
            else if (seen.TryGetValue(code, out var first))
                errors.Add(new(MappingFile, n, UiTexts.Format("Units.Import.Result.OldCodeRepeated", code, first)));
            else
                seen[code] = n;
            var targets = new List<(string, bool)>();
            foreach (var part in r["new_units"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bits = part.Split(':', StringSplitOptions.TrimEntries);
                if (bits.Length != 2 || !IsCode(bits[0]) || bits[1] is not ("full" or "partial"))
                    errors.Add(new(MappingFile, n, UiTexts.Format("Units.Import.Result.TargetFormat", part)));
                else
                    targets.Add((bits[0], bits[1] == "partial"));
            }
            if (targets.Count == 0 && errors.Count == before)
                errors.Add(new(MappingFile, n, UiTexts.Get("Units.Import.Result.TargetMissing")));
            if (errors.Count == before)
                rows.Add(new MappingRow(n, r.GetValueOrDefault("old_province_code", ""), r.GetValueOrDefault("old_district_code", ""),
                    r.GetValueOrDefault("old_district", ""), code, r.GetValueOrDefault("old_ward", ""), targets));
        }
        return (rows, errors);
    }

    private static string? MissingColumns(IReadOnlyList<Dictionary<string, string>> table, string[] required)
    {
        if (table.Count == 0)
            return UiTexts.Get("Units.Import.Result.NoRows");
        var absent = required.Where(c => !table[0].ContainsKey(c)).ToList();
        return absent.Count == 0 ? null : UiTexts.Format("Units.Import.Result.ColumnsMissing", string.Join(", ", absent));
    }

    private static bool IsCode(string code) => code.Length is > 0 and <= 20 && code.All(char.IsAsciiDigit);

    private static List<List<string>> ReadExcel(Stream stream)
    {
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null)
            return [];
        return used.Rows().Select(r => r.Cells(1, used.ColumnCount()).Select(c => c.GetFormattedString()).ToList()).ToList();
    }

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<List<string>> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Formats a day as the portal shows dates.</summary>
    public static string Format(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
