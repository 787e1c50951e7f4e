using System.Diagnostics;
using Microsoft.Playwright;

namespace HcmcPortal.LoadTest;

/// <summary>
/// Many officers' queue pages open at once, each its own Blazor circuit: one Chromium, one context signed in once through
/// the real login page, N pages on <c>/can-bo/tiep-nhan</c>. The portal's resident memory is read before, halfway and
/// after the pages open; then, with every circuit still open, the pager of one page after another is clicked and the time from
/// the click to the new rows in the DOM is measured inside the page.
/// </summary>
public static class CircuitLoad
{
    public const string Officer = "motcua.q1@demo.hcmc.vn";
    public const string QueuePath = "/can-bo/tiep-nhan";
    private const string DemoPassword = "Demo@12345";
    private const string Grid = "[data-test=reception-grid]";
    private const string FirstRow = Grid + " [data-test=open-dossier]";
    /// <summary>Past this a click counts as lost (and is reported): nothing a person would wait for.</summary>
    private const int LostAfterMs = 30_000;

    /// <summary>The portal's memory at one point: resident (VmRSS, garbage included) and its live managed heap.</summary>
    public sealed record Memory(long ResidentKb, PortalProcess.HeapDump Heap)
    {
        public long HeapKb => Heap.Bytes / 1024;
    }

    /// <summary>CPU time used by the portal and by the client (driver and Chromium) over some stretch of the run.</summary>
    public readonly record struct Cpu(TimeSpan Portal, TimeSpan Client)
    {
        public static Cpu operator -(Cpu a, Cpu b) => new(a.Portal - b.Portal, a.Client - b.Client);
        public static Cpu operator +(Cpu a, Cpu b) => new(a.Portal + b.Portal, a.Client + b.Client);
        public string PerPage(int pages) => $"portal {Portal.TotalMilliseconds / pages:F0} ms, client {Client.TotalMilliseconds / pages:F0} ms per page";
    }

    public sealed record Outcome(int Circuits, Memory Before, Memory Middle, Memory After, TimeSpan OpenTime, Cpu OpenCpu, Cpu IdleCpuPerSecond,
        IReadOnlyList<double> ClickMs, TimeSpan ClickCpu, int LostClicks, IReadOnlyList<string> Problems)
    {
        private int SecondHalf => Circuits - Circuits / 2;
        /// <summary>Live managed heap per circuit over the second half of the pages (what the first pages' caches and warm-up leave out).</summary>
        public double HeapKbPerCircuit => (double)(After.HeapKb - Middle.HeapKb) / SecondHalf;
        public double HeapKbPerCircuitOverall => (double)(After.HeapKb - Before.HeapKb) / Circuits;
        /// <summary>Resident memory per circuit over the second half: an upper bound (it holds garbage not yet collected).</summary>
        public double ResidentKbPerCircuit => (double)(After.ResidentKb - Middle.ResidentKb) / SecondHalf;
        public double ResidentKbPerCircuitOverall => (double)(After.ResidentKb - Before.ResidentKb) / Circuits;

        /// <summary>The types whose live objects grew most over the second half, per circuit: what a circuit holds.</summary>
        public IEnumerable<(string Type, double ObjectsPerCircuit)> MostObjectsPerCircuit(int count) =>
            After.Heap.ObjectsByType
                .Select(t => (t.Key, (double)(t.Value - Middle.Heap.ObjectsByType.GetValueOrDefault(t.Key)) / SecondHalf))
                .OrderByDescending(t => t.Item2).Take(count);
    }

    /// <summary>
    /// Measures the click inside the page: the first row's code before, the pager button clicked, a MutationObserver
    /// resolving at the first DOM change that shows another first row (−1 when none within the limit).
    /// </summary>
    private const string ClickScript = """
        async ({ grid, forward, lostAfterMs }) => {
            const root = document.querySelector(grid);
            const firstCode = () => root.querySelector('[data-test=open-dossier]')?.getAttribute('data-code');
            const buttons = root.querySelectorAll('.mud-table-pagination-actions button');
            const button = buttons[forward ? buttons.length - 2 : 1];
            if (!button || button.disabled) return -2;
            const before = firstCode();
            return await new Promise(resolve => {
                const started = performance.now();
                const observer = new MutationObserver(() => {
                    const now = firstCode();
                    if (now && now !== before) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - started); }
                });
                const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, lostAfterMs);
                observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
                button.click();
            });
        }
        """;

    public static async Task<Outcome> RunAsync(PortalProcess portal, string chromium, int circuits, int clicks, Action<string> say)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // As the tests launch it (shared/stack.md); the pages share a few renderer processes so that 200 of them fit in memory.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--renderer-process-limit=8"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl, Locale = "vi-VN" });
        // Generous: on a shared, overloaded machine a page may take minutes to come alive; the open time is reported.
        context.SetDefaultTimeout(600_000);

        // Signed in once through the real login page; every page of the context shares the cookie. This page stays open
        // on the queue as the warm-up circuit (compiled code, caches), before the memory is first read.
        var first = await context.NewPageAsync();
        await first.GotoAsync("/account/login");
        await first.FillAsync("#email", Officer);
        await first.FillAsync("#password", DemoPassword);
        await first.ClickAsync("[data-test=login-submit]");
        await first.WaitForURLAsync(url => !url.Contains("/account/login"));
        await OpenQueueAsync(first, firstPage: true);
        async Task<Memory> MeasureAsync(string label)
        {
            // The heap dump first: it forces the full collection that the resident figure then also reflects.
            var heap = await portal.DumpHeapAsync(PortalProcess.HeapDumpFileOf(portal.DatabaseFile, label));
            return new Memory(portal.ResidentKb(), heap);
        }
        var before = await MeasureAsync("before");

        // Opened in two halves, memory read after each: the second half's growth per circuit leaves out what does not
        // grow with the number of circuits (caches filled by the first pages, the garbage the GC lets build up).
        var pages = new List<IPage>();
        Cpu CpuNow() => new(portal.CpuTime(), portal.ClientCpuTime());
        var opening = Stopwatch.StartNew();
        var openCpu = new Cpu();
        using var gate = new SemaphoreSlim(8);
        async Task OpenAsync(int count)
        {
            var cpu = CpuNow();
            var opened = Enumerable.Range(0, count).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    var page = await context.NewPageAsync();
                    await OpenQueueAsync(page);
                    return page;
                }
                finally
                {
                    gate.Release();
                }
            });
            pages.AddRange(await Task.WhenAll(opened));
            var used = CpuNow() - cpu;
            openCpu += used;
            say($"circuits: {pages.Count} open ({opening.Elapsed.TotalSeconds:F0} s into this half); CPU of this half: {used.PerPage(count)}");
        }
        await OpenAsync(circuits / 2);
        var openedHalf = opening.Elapsed;
        var middle = await MeasureAsync("middle");
        opening.Restart();
        await OpenAsync(circuits - circuits / 2);
        var openedSecondHalf = opening.Elapsed;
        var openTime = openedHalf + openedSecondHalf;
        var after = await MeasureAsync("after");
        // All circuits open, nothing done: what merely keeping them costs each side (SignalR pings, timers, page scripts).
        var idleFrom = CpuNow();
        var idle = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idleUsed = CpuNow() - idleFrom;
        var idleCpuPerSecond = new Cpu(idleUsed.Portal / idle.Elapsed.TotalSeconds, idleUsed.Client / idle.Elapsed.TotalSeconds);
        say($"circuits: idle with {circuits + 1} pages open, CPU per second: portal {idleCpuPerSecond.Portal.TotalMilliseconds:F0} ms, client {idleCpuPerSecond.Client.TotalMilliseconds:F0} ms");
        say($"circuits: {circuits} pages open on {QueuePath} as {Officer} in {openedHalf.TotalSeconds:F0} s + {openedSecondHalf.TotalSeconds:F0} s " +
            $"(heap dumps excluded); portal live heap {before.HeapKb / 1024} MB before, {middle.HeapKb / 1024} MB at half, {after.HeapKb / 1024} MB after; " +
            $"VmRSS {before.ResidentKb / 1024} MB, {middle.ResidentKb / 1024} MB, {after.ResidentKb / 1024} MB");

        // Every page moves forward on its first click and back on its second, so each click shows other rows.
        var times = new List<double>();
        var lost = 0;
        var problems = new List<string>();
        var clickCpu = portal.CpuTime();
        for (var i = 0; i < clicks; i++)
        {
            var page = pages[i % pages.Count];
            var forward = i / pages.Count % 2 == 0;
            var ms = await page.EvaluateAsync<double>(ClickScript, new { grid = Grid, forward, lostAfterMs = LostAfterMs });
            if (ms >= 0)
                times.Add(ms);
            else if (ms == -2)
                throw new InvalidOperationException($"The queue {QueuePath} of {Officer} has a single page: no pager to click (submit load first).");
            else
            {
                lost++;
                problems.Add($"click {i} on page {i % pages.Count} ({(forward ? "next" : "previous")}) showed no new rows within {LostAfterMs / 1000} s; " +
                    $"reconnect UI shown: {await page.Locator("#components-reconnect-modal").IsVisibleAsync()}");
            }
        }
        clickCpu = portal.CpuTime() - clickCpu;
        times.Sort();
        return new Outcome(circuits, before, middle, after, openTime, openCpu, idleCpuPerSecond, times, clickCpu, lost, problems);
    }

    /// <summary>
    /// The queue's rows come from ServerData, so they are on screen only once the page's circuit is live. The first page
    /// also watches for the empty queue's message in the live page (the layout's fieldset no longer awaits the circuit):
    /// if no row follows it within 30 s, the run stops with the reason instead of waiting ten minutes for rows that never come.
    /// </summary>
    private static async Task OpenQueueAsync(IPage page, bool firstPage = false)
    {
        await page.GotoAsync(QueuePath);
        if (!firstPage)
        {
            await page.Locator(FirstRow).First.WaitForAsync();
            return;
        }
        var empty = $".circuit-fieldset:not(.awaiting-circuit) {Grid} [data-test=queue-empty]";
        await page.Locator($"{FirstRow}, {empty}").First.WaitForAsync();
        try
        {
            await page.Locator(FirstRow).First.WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The queue {QueuePath} of {Officer} is empty: nothing to page through (run the submission load first, without --no-submit).");
        }
    }
}
