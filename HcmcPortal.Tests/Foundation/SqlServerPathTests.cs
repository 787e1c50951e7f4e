using HcmcPortal.Accounts;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.Lookup;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Officer;
using HcmcPortal.Privacy;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// Issue 10 item 1: production runs SQL Server with a retrying execution strategy. SQLite runs with one too, so a
/// transaction opened outside the strategy fails in CI exactly as it would in production; and the portal's main
/// queries are translated for SQL Server (no server needed), so a query only SQLite can run is caught.
/// </summary>
public sealed class SqlServerPathTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_transaction_opened_outside_the_execution_strategy_fails_on_SQLite_as_on_SQL_Server()
    {
        await using var db = portal.CreateDb();
        Assert.IsType<SqliteRetryingExecutionStrategy>(db.Database.CreateExecutionStrategy());
        await using var tx = await db.Database.BeginTransactionAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Procedures.CountAsync());
        Assert.Contains("does not support user-initiated transactions", error.Message);
    }

    [Fact]
    public async Task The_same_transaction_inside_the_execution_strategy_commits()
    {
        await using var db = portal.CreateDb();
        var count = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var n = await db.Procedures.CountAsync();
            await tx.CommitAsync();
            return n;
        });
        Assert.True(count > 0);
    }

    [Fact]
    public async Task The_SQLite_strategy_runs_a_unit_of_work_again_when_the_database_is_busy_and_not_on_other_errors()
    {
        await using var db = portal.CreateDb();
        var strategy = db.Database.CreateExecutionStrategy();
        var attempts = 0;
        var result = await strategy.ExecuteAsync(() =>
        {
            if (++attempts < 3)
                throw new SqliteException("database is locked", 5);
            return Task.FromResult("saved");
        });
        Assert.Equal(("saved", 3), (result, attempts));

        var constraintAttempts = 0;
        await Assert.ThrowsAsync<SqliteException>(() => strategy.ExecuteAsync<int>(() =>
        {
            constraintAttempts++;
            throw new SqliteException("UNIQUE constraint failed", 19);
        }));
        Assert.Equal(1, constraintAttempts);
    }

    private static SqlServerAppDbContext SqlServerContext()
    {
        var o = new DbContextOptionsBuilder<SqlServerAppDbContext>().UseApplicationServiceProvider(DatabaseSetup.StandaloneServices);
        // No server: ToQueryString() only translates.
        DatabaseSetup.ConfigureSqlServer(o, "Server=sqlserver.invalid;Database=HcmcPortal;User Id=x;Password=x;TrustServerCertificate=True");
        return new SqlServerAppDbContext(o.Options);
    }

    private static readonly Actor Reception = new("officer-1", "Cán bộ", 12, "1/12/", "Quận 1", new HashSet<string> { Roles.Reception });
    private static readonly Actor CityLeader = new("leader-1", "Lãnh đạo", 1, "1/", "TP. Hồ Chí Minh", new HashSet<string> { Roles.CityLeader });
    private static readonly Actor Citizen = new("citizen-1", "Công dân", null, null, null, new HashSet<string> { Roles.Citizen });

    public static TheoryData<OfficerQueue, DueFilter, string?> Queues()
    {
        var data = new TheoryData<OfficerQueue, DueFilter, string?>();
        foreach (var queue in Enum.GetValues<OfficerQueue>())
            data.Add(queue, DueFilter.Any, null);
        foreach (var due in Enum.GetValues<DueFilter>())
            data.Add(OfficerQueue.Unit, due, nameof(DossierRow.DueAt));
        foreach (var sort in new[] { nameof(DossierRow.Code), nameof(DossierRow.ApplicantName), nameof(DossierRow.Status) })
            data.Add(OfficerQueue.Unit, DueFilter.Any, sort);
        return data;
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void Officer_queues_translate_for_SQL_Server(OfficerQueue queue, DueFilter due, string? sortBy)
    {
        using var db = SqlServerContext();
        var filter = new DossierFilter
        {
            Status = DossierStatus.Received, ProcedureId = 3, SubmittedFrom = new DateOnly(2026, 1, 1), SubmittedTo = new DateOnly(2026, 6, 30),
            Due = due, Search = "Nguyễn",
        };
        foreach (var actor in new[] { Reception, CityLeader })
        {
            var query = OfficerQueries.QueueQuery(db, actor, queue, filter, WorkingCalendar.ForYears(2026), new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc));
            Assert.Contains("WHERE", query.ToQueryString());
            foreach (var descending in new[] { false, true })
                Assert.Contains("OFFSET", OfficerQueries.PageQuery(db, query, sortBy, descending, 2, 20).ToQueryString());
        }
    }

    [Fact]
    public void The_applicant_name_search_is_a_range_on_the_folded_name_for_SQL_Server()
    {
        using var db = SqlServerContext();
        var sql = OfficerQueries.ApplySearch(db.Dossiers.VisibleTo(Reception), "Nguyễn Văn").ToQueryString();
        // A seek on (UnitId, ApplicantSearchName), not a LIKE '%…%' scan.
        Assert.Contains("[d].[ApplicantSearchName] >= @", sql);
        Assert.Contains("[d].[ApplicantSearchName] < @", sql);
        Assert.DoesNotContain("LIKE", sql);
    }

    [Fact]
    public void My_dossiers_catalogue_search_and_lookup_translate_for_SQL_Server()
    {
        using var db = SqlServerContext();
        foreach (var sort in Enum.GetValues<MyDossierSort>())
        {
            var q = new MyDossierQuery(DossierStatus.Processing, "khai sinh", sort, 1, 10);
            Assert.Contains("OFFSET", MyDossierService.PageQuery(MyDossierService.Filtered(db, Citizen, q), q).ToQueryString());
        }
        var search = ProcedureCatalog.Filtered(db, new ProcedureQuery("Khai sinh", "Hộ tịch", ProcedureLevel.Commune, true));
        Assert.Contains("LIKE", search.OrderBy(p => p.SearchName).Skip(20).Take(20).ToQueryString());
        Assert.Contains("TOP(@p)", LookupService.Query(db, "000.00.12.H29-260302-0001").Take(1).ToQueryString());
    }

    [Fact]
    public void Report_metrics_drill_down_and_DX_translate_for_SQL_Server()
    {
        using var db = SqlServerContext();
        var window = ReportWindow.Year(2025, new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc));
        var grouped = GroupedCounter.Query(PortalMetrics.OpenAt(db, window).Where(PortalMetrics.AsOfDependent(window)), r => r.D.UnitPath, [.. PortalMetrics.AllPredicates(window), .. PortalMetrics.AllPredicates(window with { AsOfUtc = DateTime.MaxValue })]);
        Assert.Contains("GROUP BY", grouped.ToQueryString());
        foreach (var byUnit in new[] { true, false })
            Assert.Contains("SUM([d].[ClosedAfterReceipt])", DossierRollups.SumQuery(db, byUnit, window.From, window.To).ToQueryString());
        foreach (var unitIds in new int[]?[] { null, [3, 5] })
            Assert.Contains("GROUP BY [d].[OfficerId]", DossierRollups.SumByOfficerQuery(db, window.From, window.To, unitIds).ToQueryString());
        foreach (var part in Enum.GetValues<MetricPart>())
            Assert.Contains("LEFT JOIN", PortalMetrics.Dossiers(db, db.Dossiers.AsNoTracking().VisibleTo(CityLeader), window, "1/12/", part).ToQueryString());
        Assert.Contains("INNER JOIN", DxReportService.PeriodQuery(db.DxPeriods.Where(p => p.Year == 2025)).ToQueryString());
        // A window not yet ended: the few dossiers the due-day roll-ups leave to read, by unit, procedure and officer.
        var current = ReportWindow.Of(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 2), new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc));
        foreach (var (from, withoutDueDate) in new[] { (current.FromUtc, false), (DateTime.MinValue, true) })
            foreach (var (_, rows, predicates) in PortalMetrics.NotYetDueReads(db, current, db.Dossiers.Where(d => new[] { 3, 5 }.Contains(d.UnitId)), from, withoutDueDate))
            {
                Assert.Contains("GROUP BY", GroupedCounter.Query(rows, r => r.D.UnitId + 0, predicates).ToQueryString());
                Assert.Contains("GROUP BY", GroupedCounter.Query(rows, r => (r.D.AssignedOfficerId ?? "") + "", predicates).ToQueryString());
            }
    }

    [Fact]
    public void The_access_log_inserts_a_page_from_one_JSON_parameter_OPENJSON_on_SQL_Server_json_each_on_SQLite()
    {
        using (var db = SqlServerContext())
        {
            var sql = PersonalDataLog.InsertSql(db);
            Assert.StartsWith("INSERT INTO [PersonalDataAccesses] ([At], [UserId], [UserName], [Roles], [UnitId], [UnitName], [Screen], [Detail], [DossierId], [DossierCode]) SELECT {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, ", sql);
            // The code's type is the column's: a longer code would fail here rather than be cut.
            var codeLength = db.Model.FindEntityType(typeof(PersonalDataAccess))!.FindProperty(nameof(PersonalDataAccess.DossierCode))!.GetMaxLength();
            Assert.EndsWith($"j.[DossierId], j.[DossierCode] FROM OPENJSON({{8}}) WITH ([DossierId] uniqueidentifier '$[0]', [DossierCode] nvarchar({codeLength}) '$[1]') AS j", sql);
        }
        using var sqlite = portal.CreateDb();
        Assert.EndsWith("json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each({8})", PersonalDataLog.InsertSql(sqlite));
    }
}
