using System.Linq.Expressions;
using System.Reflection;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>
/// The report roll-ups (<see cref="DossierRollup"/>): which counters a dossier adds to which day, their upkeep in the
/// transaction of each dossier change (<see cref="AppDbContext"/> calls <see cref="FactsAsync"/> before and after the
/// save and <see cref="ApplyAsync"/> with the difference), the rebuild from the dossiers, and the sums reports read.
/// <para>The counters are THE report predicates (<see cref="PortalMetrics.Predicate"/>,
/// <see cref="StatisticsService.Predicate"/>) evaluated over an unbounded window, each dated by the event it counts,
/// so a figure from roll-ups equals the recount from dossiers by construction.</para>
/// </summary>
public static class DossierRollups
{
    /// <summary>The unbounded window: a dossier's counters as of the end of time.</summary>
    private static readonly ReportWindow Always = new(DateOnly.MinValue, DateOnly.MaxValue, DateTime.MinValue, DateTime.MaxValue, DateTime.MaxValue);

    private sealed record Counter(PropertyInfo Property, Func<MetricRow, bool> Holds, Func<Dossier, DateOnly?> DatedBy);

    /// <summary>The due day the open-dossier counters give a dossier without a due date: it is never overdue by date.</summary>
    public static readonly DateOnly NeverDue = DateOnly.MaxValue;

    private static DateOnly? LocalDay(DateTime? at) => at is DateTime utc ? DateOnly.FromDateTime(VietnamTime.ToLocal(utc)) : null;

    private static readonly Func<MetricRow, bool> OpenNotOverdueByCount = PortalMetrics.OpenNotOverdueByCount.Compile();

    private static readonly StatColumn[] StatCounters =
        [StatColumn.ReceivedOnline, StatColumn.ReceivedInPerson, StatColumn.ResolvedEarly, StatColumn.ResolvedOnTime, StatColumn.ResolvedLate,
         StatColumn.Returned, StatColumn.Withdrawn, StatColumn.Refused, StatColumn.Stopped];

    private static readonly Counter[] Counters =
    [
        .. Enum.GetValues<MetricPart>().Select(p => new Counter(Prop(p.ToString()), PortalMetrics.Predicate(p, Always).Compile(), d => LocalDay(d.ReceivedAt))),
        .. StatCounters.Select(c => new Counter(Prop(c.ToString()), StatisticsService.Predicate(c, Always).Compile(), c switch
        {
            StatColumn.ReceivedOnline or StatColumn.ReceivedInPerson => d => LocalDay(d.ReceivedAt),
            StatColumn.Returned => d => LocalDay(d.ReturnedAt),
            _ => d => LocalDay(d.FinishedAt),
        })),
        new(Prop(nameof(DossierRollup.ClosedAfterReceipt)), r => r.D.ReceivedAt != null && r.D.FinishedAt != null, d => LocalDay(d.FinishedAt)),
        // A current state: the save hook's before/after moves a dossier out when it finishes or gets a second supplement request.
        new(Prop(nameof(DossierRollup.OpenByDueDay)), OpenNotOverdueByCount, DueDay),
        new(Prop(nameof(DossierRollup.OpenByDueDayNotSatisfied)), r => OpenNotOverdueByCount(r) && r.Rating == SatisfactionLevel.NotSatisfied, DueDay),
        new(Prop(nameof(DossierRollup.NotDueFrom)), r => NotDueDays(r.D) is not null, d => NotDueDays(d)?.From),
        new(Prop(nameof(DossierRollup.NotDueUntil)), r => NotDueDays(r.D) is { Until: not null }, d => NotDueDays(d)?.Until),
    ];

    private static DateOnly? DueDay(Dossier d) => LocalDay(d.DueAt) ?? NeverDue;

    /// <summary>
    /// The days D at whose end the dossier is in process and not yet due (StatisticsService.Predicate with the window
    /// ending with D): received on or before D, not finished and not due before D + 1, at most one supplement request;
    /// [From, Until), Until null when it has neither a finishing nor a due date. Null when there is no such day.
    /// </summary>
    private static (DateOnly From, DateOnly? Until)? NotDueDays(Dossier d)
    {
        if (LocalDay(d.ReceivedAt) is not DateOnly from || d.SupplementCount > 1)
            return null;
        DateOnly?[] ends = [LocalDay(d.FinishedAt), LocalDay(d.DueAt)];
        var until = ends.Where(e => e is not null).Min();
        return until <= from ? null : (from, until);
    }

    /// <summary>The counter columns, in the order of the arrays this class passes around.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. Counters.Select(c => c.Property.Name)];

    private static PropertyInfo Prop(string name) => typeof(DossierRollup).GetProperty(name) ?? throw new InvalidOperationException($"No roll-up counter {name}.");

    public static int Index(MetricPart part) => (int)part;
    public static int Index(StatColumn column) => Index(column.ToString());
    public static int Index(string column) => Array.IndexOf(Columns.ToArray(), column);
    public static int ClosedAfterReceiptIndex => Index(nameof(DossierRollup.ClosedAfterReceipt));
    public static int OpenByDueDayIndex => Index(nameof(DossierRollup.OpenByDueDay));
    public static int OpenByDueDayNotSatisfiedIndex => Index(nameof(DossierRollup.OpenByDueDayNotSatisfied));
    public static int NotDueFromIndex => Index(nameof(DossierRollup.NotDueFrom));
    public static int NotDueUntilIndex => Index(nameof(DossierRollup.NotDueUntil));

    /// <summary>The procedure id that marks the day × unit × assigned officer rows (statistics by officer).</summary>
    public const int OfficerGrain = -1;

    /// <summary>
    /// The key of a roll-up row: a day and a unit (procedure 0), a procedure (unit 0), or a unit and the officer the
    /// dossiers are assigned to (procedure <see cref="OfficerGrain"/>, officer "" for no one).
    /// </summary>
    public readonly record struct Key(DateOnly Day, int UnitId, int ProcedureId, string OfficerId = "");

    /// <summary>Adds the counters of one dossier (with its rating) to <paramref name="sums"/>, times <paramref name="sign"/>.</summary>
    public static void Add(Dictionary<Key, int[]> sums, MetricRow row, int sign)
    {
        for (var i = 0; i < Counters.Length; i++)
        {
            var counter = Counters[i];
            if (counter.DatedBy(row.D) is not DateOnly day || !counter.Holds(row))
                continue;
            Bump(sums, new Key(day, row.D.UnitId, 0), i, sign);
            Bump(sums, new Key(day, 0, row.D.ProcedureId), i, sign);
            Bump(sums, new Key(day, row.D.UnitId, OfficerGrain, row.D.AssignedOfficerId ?? ""), i, sign);
        }
    }

    private static void Bump(Dictionary<Key, int[]> sums, Key key, int counter, int sign)
    {
        if (!sums.TryGetValue(key, out var values))
            sums[key] = values = new int[Counters.Length];
        values[counter] += sign;
    }

    /// <summary>The columns a counter reads, loaded without the form answers.</summary>
    private static IQueryable<MetricRow> Rows(AppDbContext db, IQueryable<Dossier> dossiers) =>
        from d in dossiers.AsNoTracking()
        join r in db.Ratings on d.Id equals r.DossierId into ratings
        from r in ratings.DefaultIfEmpty()
        select new MetricRow
        {
            D = new Dossier
            {
                Id = d.Id, UnitId = d.UnitId, ProcedureId = d.ProcedureId, AssignedOfficerId = d.AssignedOfficerId, Channel = d.Channel, Stage = d.Stage, ReceivedAt = d.ReceivedAt,
                FinishedAt = d.FinishedAt, ReturnedAt = d.ReturnedAt, DueAt = d.DueAt, SupplementCount = d.SupplementCount, IsDigitised = d.IsDigitised,
                ResultDigitised = d.ResultDigitised, FeeVnd = d.FeeVnd, FeePaidOnline = d.FeePaidOnline,
            },
            Rating = r == null ? null : r.Level,
        };

    /// <summary>The counters of the given dossiers as the database holds them now (inside the saving transaction).</summary>
    public static async Task<Dictionary<Key, int[]>> FactsAsync(AppDbContext db, IReadOnlyCollection<Guid> dossierIds, CancellationToken ct)
    {
        var sums = new Dictionary<Key, int[]>();
        foreach (var row in await Rows(db, db.Dossiers.Where(d => dossierIds.Contains(d.Id))).ToListAsync(ct))
            Add(sums, row, +1);
        return sums;
    }

    /// <summary>after − before, without the keys that did not move.</summary>
    public static Dictionary<Key, int[]> Difference(Dictionary<Key, int[]> before, Dictionary<Key, int[]> after)
    {
        var delta = after.ToDictionary(kv => kv.Key, kv => (int[])kv.Value.Clone());
        foreach (var (key, values) in before)
        {
            if (!delta.TryGetValue(key, out var d))
                delta[key] = d = new int[Counters.Length];
            for (var i = 0; i < values.Length; i++)
                d[i] -= values[i];
        }
        return delta.Where(kv => kv.Value.Any(v => v != 0)).ToDictionary();
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to the rows with one atomic upsert per key (two writers never lose each other's
    /// increments): SQLite's INSERT … ON CONFLICT DO UPDATE, SQL Server's MERGE with HOLDLOCK.
    /// </summary>
    public static async Task ApplyAsync(AppDbContext db, Dictionary<Key, int[]> delta, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", Columns.Select((_, i) => $"{{{i + 4}}}"));
        var sql = sqlite
            ? $"INSERT INTO \"DossierRollups\" (\"Day\", \"UnitId\", \"ProcedureId\", \"OfficerId\", {columns}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {values}) " +
              $"ON CONFLICT (\"Day\", \"UnitId\", \"ProcedureId\", \"OfficerId\") DO UPDATE SET {string.Join(", ", Columns.Select(c => $"\"{c}\" = \"{c}\" + excluded.\"{c}\""))}"
            : $"MERGE [DossierRollups] WITH (HOLDLOCK) AS t USING (SELECT {{0}} AS [Day], {{1}} AS [UnitId], {{2}} AS [ProcedureId], {{3}} AS [OfficerId], " +
              $"{string.Join(", ", Columns.Select((c, i) => $"{{{i + 4}}} AS [{c}]"))}) AS s " +
              "ON t.[Day] = s.[Day] AND t.[UnitId] = s.[UnitId] AND t.[ProcedureId] = s.[ProcedureId] AND t.[OfficerId] = s.[OfficerId] " +
              $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", Columns.Select(c => $"[{c}] = t.[{c}] + s.[{c}]"))} " +
              $"WHEN NOT MATCHED THEN INSERT ([Day], [UnitId], [ProcedureId], [OfficerId], {string.Join(", ", Columns.Select(c => $"[{c}]"))}) " +
              $"VALUES (s.[Day], s.[UnitId], s.[ProcedureId], s.[OfficerId], {string.Join(", ", Columns.Select(c => $"s.[{c}]"))});";
        foreach (var (key, d) in delta)
        {
            object[] parameters = [sqlite ? key.Day.ToString("yyyy-MM-dd") : key.Day.ToDateTime(TimeOnly.MinValue), key.UnitId, key.ProcedureId, key.OfficerId, .. d.Cast<object>()];
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    /// <summary>
    /// Recounts every roll-up row from the dossiers, in one transaction (idempotent: run it again any time, e.g.
    /// after a repair in the database by hand). Answers the number of rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sums = await RecountAsync(db, ct);
            await db.DossierRollups.ExecuteDeleteAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var written = 0;
            foreach (var chunk in sums.Chunk(5000))
            {
                db.DossierRollups.AddRange(chunk.Select(kv => ToRow(kv.Key, kv.Value)));
                written += await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync(ct);
            return written;
        });
    }

    /// <summary>Every counter recounted from the dossiers (the rebuild, and the test that compares it with the kept rows).</summary>
    public static async Task<Dictionary<Key, int[]>> RecountAsync(AppDbContext db, CancellationToken ct)
    {
        var sums = new Dictionary<Key, int[]>();
        await foreach (var row in Rows(db, db.Dossiers).AsAsyncEnumerable().WithCancellation(ct))
            Add(sums, row, +1);
        return sums.Where(kv => kv.Value.Any(v => v != 0)).ToDictionary();
    }

    /// <summary>The kept rows as counters (rows left at zero by later changes are dropped).</summary>
    public static async Task<Dictionary<Key, int[]>> StoredAsync(AppDbContext db, CancellationToken ct) =>
        (await db.DossierRollups.AsNoTracking().ToListAsync(ct))
            .Select(r => (Key: new Key(r.Day, r.UnitId, r.ProcedureId, r.OfficerId), Values: Values(r)))
            .Where(x => x.Values.Any(v => v != 0))
            .ToDictionary(x => x.Key, x => x.Values);

    private static DossierRollup ToRow(Key key, int[] values)
    {
        var row = new DossierRollup { Day = key.Day, UnitId = key.UnitId, ProcedureId = key.ProcedureId, OfficerId = key.OfficerId };
        for (var i = 0; i < Counters.Length; i++)
            Counters[i].Property.SetValue(row, values[i]);
        return row;
    }

    private static int[] Values(DossierRollup row) => [.. Counters.Select(c => (int)c.Property.GetValue(row)!)];

    /// <summary>
    /// Sums of every counter per unit (procedure-0 rows) or per procedure (unit-0 rows) over days
    /// [<paramref name="from"/>, <paramref name="to"/>], in one grouped query over the roll-up rows.
    /// </summary>
    public static async Task<Dictionary<int, int[]>> SumAsync(AppDbContext db, bool byUnit, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await SumQuery(db, byUnit, from, to).ToListAsync(ct)).ToDictionary(r => byUnit ? r.UnitId : r.ProcedureId, Values);

    /// <summary>The grouped query of <see cref="SumAsync"/> (tests translate it for every provider).</summary>
    public static IQueryable<DossierRollup> SumQuery(AppDbContext db, bool byUnit, DateOnly from, DateOnly to)
    {
        var rows = db.DossierRollups.AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        return byUnit
            ? rows.Where(r => r.ProcedureId == 0).GroupBy(r => r.UnitId).Select(SumSelector)
            : rows.Where(r => r.UnitId == 0).GroupBy(r => r.ProcedureId).Select(SumSelector);
    }

    /// <summary>
    /// Sums of every counter per assigned officer ("" = no one) over days [<paramref name="from"/>, <paramref name="to"/>],
    /// of the dossiers of <paramref name="unitIds"/> (null: every unit), from the day × unit × officer rows.
    /// </summary>
    public static async Task<Dictionary<string, int[]>> SumByOfficerAsync(AppDbContext db, DateOnly from, DateOnly to, IReadOnlyCollection<int>? unitIds, CancellationToken ct) =>
        (await SumByOfficerQuery(db, from, to, unitIds).ToListAsync(ct)).ToDictionary(r => r.OfficerId, Values);

    /// <summary>The grouped query of <see cref="SumByOfficerAsync"/> (tests translate it for every provider).</summary>
    public static IQueryable<DossierRollup> SumByOfficerQuery(AppDbContext db, DateOnly from, DateOnly to, IReadOnlyCollection<int>? unitIds)
    {
        var rows = db.DossierRollups.AsNoTracking().Where(r => r.ProcedureId == OfficerGrain && r.Day >= from && r.Day <= to);
        if (unitIds is not null)
            rows = rows.Where(r => unitIds.Contains(r.UnitId));
        return rows.GroupBy(r => r.OfficerId).Select(OfficerSumSelector);
    }

    /// <summary>g => new DossierRollup { UnitId = g.Key, ProcedureId = g.Key, Received = g.Sum(r => r.Received), … }.</summary>
    private static readonly Expression<Func<IGrouping<int, DossierRollup>, DossierRollup>> SumSelector =
        BuildSumSelector<int>(nameof(DossierRollup.UnitId), nameof(DossierRollup.ProcedureId));

    /// <summary>g => new DossierRollup { OfficerId = g.Key, Received = g.Sum(r => r.Received), … }.</summary>
    private static readonly Expression<Func<IGrouping<string, DossierRollup>, DossierRollup>> OfficerSumSelector =
        BuildSumSelector<string>(nameof(DossierRollup.OfficerId));

    private static Expression<Func<IGrouping<TKey, DossierRollup>, DossierRollup>> BuildSumSelector<TKey>(params string[] keyProperties)
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, DossierRollup>), "g");
        var key = Expression.Property(group, nameof(IGrouping<TKey, DossierRollup>.Key));
        var bindings = keyProperties.Select(p => (MemberBinding)Expression.Bind(Prop(p), key)).ToList();
        foreach (var counter in Counters)
        {
            var r = Expression.Parameter(typeof(DossierRollup), "r");
            var selector = Expression.Lambda<Func<DossierRollup, int>>(Expression.Property(r, counter.Property), r);
            bindings.Add(Expression.Bind(counter.Property, Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(DossierRollup)], group, selector)));
        }
        return Expression.Lambda<Func<IGrouping<TKey, DossierRollup>, DossierRollup>>(Expression.MemberInit(Expression.New(typeof(DossierRollup)), bindings), group);
    }

    /// <summary>Sums per unit id (counters, or any arrays of one length) folded into the report units (each unit = its subtree, by path prefix).</summary>
    public static async Task<Dictionary<int, int[]>> ByReportUnitAsync(AppDbContext db, Dictionary<int, int[]> byUnitId, IReadOnlyList<ReportUnit> units, CancellationToken ct, int? width = null)
    {
        var ids = byUnitId.Keys.ToList();
        var paths = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        return units.ToDictionary(u => u.Id, u => byUnitId
            .Where(kv => paths.TryGetValue(kv.Key, out var path) && path.StartsWith(u.Path, StringComparison.Ordinal))
            .Aggregate(new int[width ?? Counters.Length], (sum, kv) => [.. sum.Zip(kv.Value, (a, b) => a + b)]));
    }
}
