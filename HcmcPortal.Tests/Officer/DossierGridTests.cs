using Bunit;
using HcmcPortal.Calendar;
using HcmcPortal.Domain;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Officer;

/// <summary>
/// The officer queue as plain markup (issue 12, a lighter circuit): what it shows is what <see cref="OfficerQueries"/>
/// returns for the same page, sort and filter — the paging, sorting and filtering still happen on the server.
/// </summary>
public sealed class DossierGridTests(PortalFactory portal) : BunitTestBase, IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_queue_pages_sorts_searches_and_filters_on_the_server()
    {
        Services.AddSingleton(portal.Get<OfficerQueries>());
        Services.AddSingleton(portal.Get<CalendarProvider>());
        OnLiveCircuit();
        var clerk = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var queries = portal.Get<OfficerQueries>();
        for (var total = (await queries.ListAsync(clerk, OfficerQueue.Unit, new(), null, false, 0, 10)).Total; total <= 10; total++)
            await portal.SubmitOnlineToQuan1Async();

        async Task<(string[] Codes, int Total)> ServerAsync(DossierFilter filter, string? sortBy = null, bool descending = false, int page = 0)
        {
            var result = await queries.ListAsync(clerk, OfficerQueue.Unit, filter, sortBy, descending, page, 10);
            return (result.Rows.Select(r => r.Code).ToArray(), result.Total);
        }

        var cut = Render<DossierGrid>(p => p.Add(c => c.Actor, clerk).Add(c => c.Queue, OfficerQueue.Unit).Add(c => c.PageSize, 10)
            .Add(c => c.DataTest, "unit-grid"));
        string[] Shown() => [.. cut.FindAll("[data-test=unit-grid] [data-test=open-dossier]").Select(a => a.GetAttribute("data-code")!)];
        void Expect((string[] Codes, int Total) server, int page = 0)
        {
            cut.WaitForAssertion(() => Assert.Equal(server.Codes, Shown()), Wait);
            var shownFrom = server.Total == 0 ? 0 : page * 10 + 1;
            Assert.Equal($"{shownFrom}-{Math.Min(server.Total, page * 10 + 10)} trên {server.Total}", cut.Find("[data-test=page-info]").TextContent.Trim());
        }

        // Page 1 in the queue's order, then the next page through the pager (first, previous, next, last).
        var first = await ServerAsync(new());
        Expect(first);
        Assert.Equal(10, first.Codes.Length);
        var pager = cut.FindAll(".mud-table-pagination-actions button");
        Assert.Equal(4, pager.Count);
        Assert.True(pager[0].HasAttribute("disabled"));
        pager[2].Click();
        Expect(await ServerAsync(new(), page: 1), page: 1);
        Assert.False(cut.FindAll(".mud-table-pagination-actions button")[0].HasAttribute("disabled"));

        // Sorting by applicant: ascending, then descending, shown to screen readers on the column; back to page 1.
        cut.Find("[data-test=sort-ApplicantName]").Click();
        Expect(await ServerAsync(new(), nameof(DossierRow.ApplicantName)));
        Assert.Equal("ascending", cut.Find("[data-test=sort-ApplicantName]").ParentElement!.GetAttribute("aria-sort"));
        cut.Find("[data-test=sort-ApplicantName]").Click();
        Expect(await ServerAsync(new(), nameof(DossierRow.ApplicantName), descending: true));
        Assert.Equal("descending", cut.Find("[data-test=sort-ApplicantName]").ParentElement!.GetAttribute("aria-sort"));

        // A status from the list filters the rows; the sort chosen stays.
        cut.Find("[data-test=filter-status]").Change(nameof(DossierStatus.Submitted));
        Expect(await ServerAsync(new() { Status = DossierStatus.Submitted }, nameof(DossierRow.ApplicantName), descending: true));

        // The search runs once typing pauses: one code finds its dossier, nonsense says nothing matches.
        cut.Find("[data-test=filter-status]").Change("");
        var code = first.Codes[3];
        cut.Find("[data-test=filter-search]").Input(code);
        cut.WaitForAssertion(() => Assert.Equal([code], Shown()), Wait);
        cut.Find("[data-test=filter-search]").Input("không có hồ sơ nào như thế");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-test=queue-empty]")), Wait);
        Assert.Equal("0-0 trên 0", cut.Find("[data-test=page-info]").TextContent.Trim());
    }
}
