using HcmcPortal.Accounts;
using HcmcPortal.Domain;
using HcmcPortal.Reports;

namespace HcmcPortal.FeedbackReports;

/// <summary>
/// The read side of residents' reports (issue 13 items 4–6): the public list and pages, the leaders' figures, and
/// <c>GET /api/v1/reports/feedback</c> (+ <c>.xlsx</c>) for the operations centre, on the same service as the page.
/// </summary>
public static class FeedbackReportsSetup
{
    public static IServiceCollection AddFeedbackReports(this IServiceCollection services)
    {
        services.AddSingleton<FeedbackFiguresService>();
        services.AddSingleton<PublicFeedbackService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeedbackReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ReportEndpoints.Prefix).RequireAuthorization(ReportUnits.ReadersPolicy);

        api.MapGet("/feedback", async (string? from, string? to, HttpContext http, FeedbackFiguresService figures, CancellationToken ct) =>
        {
            if (ReportPeriod.Parse(from, to, out var rangeError) is not (DateOnly f, DateOnly t))
                return Results.Problem(title: "Khoảng thời gian không hợp lệ", detail: rangeError, statusCode: StatusCodes.Status400BadRequest);
            var report = await figures.ComputeAsync(Actor.From(http.User)!, f, t, ct);
            return Results.Ok(new
            {
                from = f, to = t,
                total = Json(report.Total),
                units = report.Rows.Select(r => new { rank = r.Rank, unitCode = r.Unit.Code, unitName = r.Unit.Name, figures = Json(r.Counts) }),
            });
        });

        api.MapGet("/feedback.xlsx", async (string? from, string? to, HttpContext http, FeedbackFiguresService figures, TimeProvider clock, CancellationToken ct) =>
        {
            if (ReportPeriod.Parse(from, to, out var rangeError) is not (DateOnly f, DateOnly t))
                return Results.Problem(title: "Khoảng thời gian không hợp lệ", detail: rangeError, statusCode: StatusCodes.Status400BadRequest);
            var report = await figures.ComputeAsync(Actor.From(http.User)!, f, t, ct);
            return Results.File(FeedbackWorkbook.Build(report), ReportWorkbooks.ContentType, FeedbackWorkbook.FileName(report.Window, VietnamTime.Today(clock)));
        });
        return app;
    }

    private static object Json(FeedbackCounts c) => new
    {
        received = c[FeedbackPart.Received],
        accepted = c[FeedbackPart.Accepted],
        transferredOut = c[FeedbackPart.TransferredOut],
        resolvedOnTime = c[FeedbackPart.ResolvedOnTime],
        resolvedLate = c[FeedbackPart.ResolvedLate],
        openNotDue = c[FeedbackPart.OpenNotDue],
        openOverdue = c[FeedbackPart.OpenOverdue],
        refused = c[FeedbackPart.Refused],
        reopened = c[FeedbackPart.Reopened],
        rated = c[FeedbackPart.Rated],
        satisfied = c[FeedbackPart.Satisfied],
        onTimeRate = c.OnTimeRate,
        satisfactionRate = c.SatisfactionRate,
        meanDaysToResolve = c.MeanDaysToResolve,
    };
}
