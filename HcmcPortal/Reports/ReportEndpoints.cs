using HcmcPortal.Accounts;
using HcmcPortal.Domain;

namespace HcmcPortal.Reports;

/// <summary>
/// JSON and xlsx reports for the city's operations centre (issue 5 item 9) under /api/v1/reports, guarded by the named
/// policy <see cref="ReportUnits.ReadersPolicy"/>, which accepts the citizen-app API's bearer token and the portal cookie alike.
/// Errors are RFC 9457 problem details in Vietnamese.
/// </summary>
public static class ReportEndpoints
{
    public const string Prefix = "/api/v1/reports";

    public sealed record DxIndexJson(string Code, string Name, double Score, double Max);
    public sealed record DxUnitJson(string UnitCode, string UnitName, int Rank, double Score, double Normalized, IReadOnlyList<DxIndexJson> Indices);
    public sealed record DxJson(int Period, bool Published, bool Provisional, string FrameworkVersion, DateTime? PublishedAt, IReadOnlyList<DxUnitJson> Units);

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization(ReportUnits.ReadersPolicy);

        api.MapGet("/dx", async (string? period, DxReportService dx, CancellationToken ct) =>
        {
            if (ReportPeriod.ParseYear(period) is not int year)
                return BadRequest("Kỳ đánh giá không hợp lệ", "Vui lòng truyền tham số period là một năm từ 1900 đến 2100, ví dụ period=2025.");
            var ranking = await dx.RankingAsync(year, ct);
            return ranking is null ? NotFound($"Không có kỳ đánh giá năm {year}.") : Results.Ok(ToJson(ranking));
        });

        api.MapGet("/dx.xlsx", async (string? period, HttpContext http, DxReportService dx, TimeProvider clock, CancellationToken ct) =>
        {
            if (ReportPeriod.ParseYear(period) is not int year)
                return BadRequest("Kỳ đánh giá không hợp lệ", "Vui lòng truyền tham số period là một năm từ 1900 đến 2100, ví dụ period=2025.");
            var ranking = await dx.RankingAsync(year, ct);
            if (ranking is null)
                return NotFound($"Không có kỳ đánh giá năm {year}.");
            // Component detail only for the districts the reader may open, as on the district pages.
            var detail = (await dx.DetailScopeAsync(Actor.From(http.User)!, year, ct)).ToHashSet();
            return Results.File(ReportWorkbooks.DxRanking(ranking, detail), ReportWorkbooks.ContentType, ReportWorkbooks.DxFileName(year, VietnamTime.Today(clock)));
        });

        api.MapGet("/service-index", async (string? from, string? to, HttpContext http, ServiceIndexService service, CancellationToken ct) =>
        {
            if (ReportPeriod.Parse(from, to, out var rangeError) is not (DateOnly f, DateOnly t))
                return RangeProblem(rangeError!);
            var report = await service.ComputeAsync(Actor.From(http.User)!, f, t, ct);
            return Results.Ok(new
            {
                from = f, to = t, straddles = report.Straddles,
                sections = report.Sections.Select(s => new
                {
                    from = s.Window.From, to = s.Window.To, level = LevelKey(s.Level), title = ReportUnits.SectionTitle(s.Level),
                    units = s.Rows.Select(r => new
                    {
                        unitCode = r.Unit.Code, unitName = r.Unit.Name, total = Math.Round(r.Result.Total, 2),
                        groups = r.Result.Groups.Select(g => new
                        {
                            code = g.Code, name = g.Name, max = g.Max, points = Math.Round(g.Points, 2),
                            indicators = g.Indicators.Select(i => new { code = i.Code, name = i.Name, numerator = i.Numerator, denominator = i.Denominator, rate = i.Rate, threshold = i.Threshold, max = i.Max, points = Math.Round(i.Points, 2) }),
                        }),
                    }),
                }),
            });
        });

        api.MapGet("/service-index.xlsx", async (string? from, string? to, HttpContext http, ServiceIndexService service, TimeProvider clock, CancellationToken ct) =>
        {
            if (ReportPeriod.Parse(from, to, out var rangeError) is not (DateOnly f, DateOnly t))
                return RangeProblem(rangeError!);
            var report = await service.ComputeAsync(Actor.From(http.User)!, f, t, ct);
            return Results.File(ReportWorkbooks.ServiceIndex(report), ReportWorkbooks.ContentType, ReportWorkbooks.ServiceIndexFileName(report.Window, VietnamTime.Today(clock)));
        });

        api.MapGet("/statistics", async (string? from, string? to, string? by, HttpContext http, StatisticsService service, CancellationToken ct) =>
        {
            if (ReportPeriod.Parse(from, to, out var rangeError) is not (DateOnly f, DateOnly t))
                return RangeProblem(rangeError!);
            if (Grouping(by) is not StatGrouping grouping)
                return BadRequest("Cách nhóm không hợp lệ", "Tham số by chỉ nhận unit, procedure hoặc officer.");
            var report = await service.ComputeAsync(Actor.From(http.User)!, f, t, grouping, ct);
            return Results.Ok(new
            {
                from = f, to = t, by = grouping.ToString().ToLowerInvariant(), straddles = report.Straddles,
                columns = StatisticsService.Columns.Select(c => new { key = ColumnKey(c.Column), title = c.Title }),
                // By unit: one section per structure the city had in the range; otherwise one section.
                sections = report.Sections.Select(s => new
                {
                    from = s.Window.From, to = s.Window.To, level = s.Level is { } l ? LevelKey(l) : null, title = s.Level is { } t2 ? ReportUnits.SectionTitle(t2) : null,
                    rows = s.Rows.Select(r => new { code = r.Code, name = r.Name, values = StatisticsService.Columns.ToDictionary(c => ColumnKey(c.Column), c => r[c.Column]) }),
                }),
            });
        });

        api.MapGet("/statistics.xlsx", async (string? from, string? to, HttpContext http, StatisticsService service, TimeProvider clock, CancellationToken ct) =>
        {
            if (ReportPeriod.Parse(from, to, out var rangeError) is not (DateOnly f, DateOnly t))
                return RangeProblem(rangeError!);
            var actor = Actor.From(http.User)!;
            var reports = new List<StatReport>();
            foreach (var grouping in Enum.GetValues<StatGrouping>())
                reports.Add(await service.ComputeAsync(actor, f, t, grouping, ct));
            return Results.File(ReportWorkbooks.Statistics(reports), ReportWorkbooks.ContentType, ReportWorkbooks.StatisticsFileName(reports[0].Window, VietnamTime.Today(clock)));
        });

        // A finished listing export (started from the drill-down page), handed over once.
        api.MapGet("/exports/{id:guid}", async (Guid id, HttpContext http, ExportJobs jobs, CancellationToken ct) =>
        {
            if (await jobs.TakeFinishedAsync(id, Actor.From(http.User)!.UserId, ct) is not { } file)
                return NotFound("Không tìm thấy tệp xuất hoặc tệp chưa sẵn sàng.");
            return Results.File(file.Content, ReportWorkbooks.ContentType, file.FileName);
        });

        return app;
    }

    public static DxJson ToJson(DxRanking ranking) => new(
        ranking.Period.Year, ranking.Period.Published, ranking.Provisional, ranking.Period.FrameworkVersion, ranking.Period.PublishedAt,
        [.. ranking.Units.Select(u => new DxUnitJson(u.UnitCode, u.UnitName, u.Rank, Math.Round(u.Score, 2), Math.Round(u.Normalized, 4),
            [.. u.Indices.Select(i => new DxIndexJson(i.Code, i.Name, Math.Round(i.Score, 2), i.MaxPoints))]))]);

    private static StatGrouping? Grouping(string? by) => by?.ToLowerInvariant() switch
    {
        null or "" or "unit" => StatGrouping.Unit,
        "procedure" => StatGrouping.Procedure,
        "officer" => StatGrouping.Officer,
        _ => null,
    };

    private static string LevelKey(HcmcPortal.Data.UnitLevel level) => level == HcmcPortal.Data.UnitLevel.Commune ? "commune" : "district";

    private static string ColumnKey(StatColumn c) => char.ToLowerInvariant(c.ToString()[0]) + c.ToString()[1..];

    private static IResult RangeProblem(string detail) => BadRequest("Khoảng thời gian không hợp lệ", detail);

    private static IResult BadRequest(string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string detail) => Results.Problem(title: "Không tìm thấy", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
