using System.Globalization;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Localization;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Units;

/// <summary>An uploaded file: its name says whether it is CSV or Excel (.xlsx).</summary>
public sealed record ImportFile(string FileName, byte[] Content);

/// <summary>What an import did, or every reason it did nothing.</summary>
public sealed record UnitImportResult(IReadOnlyList<string> Errors, int UnitsAdded = 0, int UnitsDissolved = 0, int Links = 0)
{
    public bool Applied => Errors.Count == 0;
}

/// <summary>
/// Administrators load a reorganisation of the city's units themselves: a unit list and an old→new mapping in the
/// format of the 2025 files (<see cref="UnitTables"/>), in force from a given day. The whole import is checked first;
/// any wrong row refuses it with row-level messages in the reader's language and nothing changes. Applied, it adds the new units
/// under the city from that day, ends the mapped old units the day before (they keep their history and dossiers),
/// and links old to new. Agency codes of the new units continue the portal's numbering (<see cref="AgencyCodes"/>).
/// </summary>
public sealed class UnitImportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<UnitImportService> log)
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public async Task<UnitImportResult> ImportAsync(Actor actor, ImportFile? unitList, ImportFile? mapping, string? effectiveDate, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return new([UiTexts.Get("Units.Import.Result.AdminsOnly")]);
        var errors = new List<string>();
        var today = VietnamTime.Today(clock);
        var from = ParseDate(effectiveDate);
        if (from is null)
            errors.Add(UiTexts.Get("Units.Import.Result.DateInvalid"));
        else if (from <= today)
            errors.Add(UiTexts.Format("Units.Import.Result.DateNotFuture", UnitTables.Format(from.Value)));
        var units = Read(unitList, UnitTables.UnitListFile, errors, UnitTables.ParseUnits);
        var links = Read(mapping, UnitTables.MappingFile, errors, UnitTables.ParseMapping);
        if (errors.Count > 0 || from is not DateOnly day)
            return new(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var lastDay = day.AddDays(-1);
        var dayText = UnitTables.Format(day);
        var rowErrors = new List<RowError>();

        // Old units: each mapped code must name a unit that exists the day before (not already ended, not the city).
        var oldCodes = links.Select(l => l.OldCode).ToList();
        var oldUnits = (await db.Units.AsNoTracking().ValidOn(lastDay).Where(u => oldCodes.Contains(u.Code) && u.Level != UnitLevel.Province).ToListAsync(ct))
            .ToDictionary(u => u.Code);
        foreach (var l in links.Where(l => !oldUnits.ContainsKey(l.OldCode)))
            rowErrors.Add(new(UnitTables.MappingFile, l.Row, UiTexts.Format("Units.Import.Result.NoOldUnit", l.OldCode, UnitTables.Format(lastDay))));

        // New units: a code may be reused only from a unit this import ends (as in 2025), never from one that stays.
        var newCodes = units.Select(u => u.Code).ToList();
        var taken = await db.Units.AsNoTracking().Where(u => newCodes.Contains(u.Code) && (u.ValidTo == null || u.ValidTo >= day || u.ValidFrom == day))
            .Select(u => new { u.Id, u.Code, u.Name, u.ValidFrom }).ToListAsync(ct);
        foreach (var t in taken.Where(t => t.ValidFrom == day || !(oldUnits.TryGetValue(t.Code, out var ending) && ending.Id == t.Id)))
        {
            var row = units.First(u => u.Code == t.Code).Row;
            rowErrors.Add(new(UnitTables.UnitListFile, row, UiTexts.Format("Units.Import.Result.CodeTaken", t.Code, t.Name, dayText)));
        }

        // Targets: a new unit of the list, or a unit that exists on the day and is not ended by this import.
        var newSet = newCodes.ToHashSet();
        var targetCodes = links.SelectMany(l => l.NewUnits.Select(n => n.Code)).Distinct().Where(c => !newSet.Contains(c)).ToList();
        var staying = (await db.Units.AsNoTracking().ValidOn(day).Where(u => targetCodes.Contains(u.Code)).ToListAsync(ct))
            .Where(u => !oldUnits.ContainsKey(u.Code)).ToDictionary(u => u.Code);
        foreach (var l in links)
            foreach (var (code, _) in l.NewUnits.Where(n => !newSet.Contains(n.Code) && !staying.ContainsKey(n.Code)))
                rowErrors.Add(new(UnitTables.MappingFile, l.Row, UiTexts.Format("Units.Import.Result.NoNewUnit", code, dayText)));
        if (rowErrors.Count > 0)
            return new([.. rowErrors.OrderBy(e => e.File).ThenBy(e => e.Row).Select(e => e.ToString())]);

        var city = await db.Units.AsNoTracking().ValidOn(day).SingleAsync(u => u.Level == UnitLevel.Province, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var result = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var block = AgencyCodes.NextFreeBlock(await db.Units.Select(u => u.AgencyCode).ToListAsync(ct));
                var added = units.OrderBy(u => u.Code, StringComparer.Ordinal).Select((u, i) => new AdministrativeUnit
                {
                    Code = u.Code, Name = u.FullName, Kind = u.Kind, Level = UnitLevel.Commune, ParentId = city.Id,
                    AgencyCode = AgencyCodes.At(block, i), ValidFrom = day,
                }).ToList();
                db.Units.AddRange(added);
                await db.SaveChangesAsync(ct);
                foreach (var u in added)
                    u.Path = $"{city.Path}{u.Id}/";
                var ended = await db.Units.Where(u => oldUnits.Values.Select(o => o.Id).Contains(u.Id)).ToListAsync(ct);
                foreach (var u in ended)
                    u.ValidTo = lastDay;
                var ids = added.ToDictionary(u => u.Code, u => u.Id);
                foreach (var s in staying.Values)
                    ids[s.Code] = s.Id;
                var successions = links.SelectMany(l => l.NewUnits.Select(n => new UnitSuccession
                {
                    PredecessorId = oldUnits[l.OldCode].Id, SuccessorId = ids[n.Code], Partial = n.Partial,
                })).ToList();
                db.UnitSuccessions.AddRange(successions);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new UnitImportResult([], added.Count, ended.Count, successions.Count);
            });
            log.LogInformation("Unit import by {User}: {Added} units from {Day}, {Ended} units ended on {LastDay}, {Links} links",
                actor.UserId, result.UnitsAdded, day, result.UnitsDissolved, lastDay, result.Links);
            return result;
        }
        catch (DbUpdateException ex)
        {
            // Another import took a code meanwhile: the unique (Code, ValidFrom) index refused this one, whole.
            log.LogWarning(ex, "Unit import by {User} refused by the database", actor.UserId);
            return new([UiTexts.Get("Units.Import.Result.Conflict")]);
        }
    }

    private static IReadOnlyList<T> Read<T>(ImportFile? file, string label, List<string> errors,
        Func<IReadOnlyList<Dictionary<string, string>>, (IReadOnlyList<T> Rows, IReadOnlyList<RowError> Errors)> parse)
    {
        if (file is null || file.Content.Length == 0)
        {
            errors.Add(UiTexts.Format("Units.Import.Result.FileRequired", label));
            return [];
        }
        if (file.Content.Length > MaxFileBytes)
        {
            errors.Add(UiTexts.Format("Units.Import.Result.FileTooLarge", label, file.FileName, MaxFileBytes / 1024 / 1024));
            return [];
        }
        if (!file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(UiTexts.Format("Units.Import.Result.FileType", label, file.FileName));
            return [];
        }
        IReadOnlyList<Dictionary<string, string>> table;
        try
        {
            table = UnitTables.Read(new MemoryStream(file.Content), file.FileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            errors.Add(UiTexts.Format("Units.Import.Result.FileUnreadable", label, file.FileName, ex.GetType().Name));
            return [];
        }
        var (rows, rowErrors) = parse(table);
        errors.AddRange(rowErrors.Select(e => e.ToString()));
        return rows;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
