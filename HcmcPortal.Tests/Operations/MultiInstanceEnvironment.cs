using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace HcmcPortal.Tests.Operations;

/// <summary>
/// Two real portal processes sharing one SQLite file (WAL), Redis as their channel and nginx with sticky sessions in
/// front, all on loopback ports, started once by <c>.ci/multi-instance.sh</c> (which installs nginx and redis-server
/// with apt when missing). Production has SQL Server instead of the shared file: docs/deployment.md.
/// </summary>
public sealed class MultiInstanceEnvironment : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(PortalFactory.RepoRoot, ".ci", "multi-instance.sh");
    private IPlaywright? playwright;
    private Dictionary<string, string> ports = [];

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "hcmcportal-multi", Guid.NewGuid().ToString("N")[..8]);
    public string Balancer => $"http://127.0.0.1:{ports["NGINX_PORT"]}";
    public string A => $"http://127.0.0.1:{ports["A_PORT"]}";
    public string B => $"http://127.0.0.1:{ports["B_PORT"]}";
    public string Redis => $"127.0.0.1:{ports["REDIS_PORT"]}";
    /// <summary>Values of nginx's affinity cookie that send a client to instance a or b.</summary>
    public string AffinityOf(string instance) => ports[instance == "a" ? "AFFINITY_A" : "AFFINITY_B"];
    /// <summary>The address nginx reports (X-Upstream) for instance a or b.</summary>
    public string UpstreamOf(string instance) => $"127.0.0.1:{ports[instance == "a" ? "A_PORT" : "B_PORT"]}";
    public IBrowser Browser { get; private set; } = null!;
    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Dir);
        await RunScriptAsync("start", Dir);
        ports = File.ReadAllLines(Path.Combine(Dir, "ports.env")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        StartedIn = clock.Elapsed;
    }

    public async Task RunScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Script);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        // The app's build output of the configuration these tests were built in.
        info.Environment["CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Generous: in CI this starts while every other test class starts too, on two cores.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"multi-instance.sh {string.Join(' ', args)} did not finish in 10 minutes:\n{Logs()}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"multi-instance.sh {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await errors}\n{Logs()}");
    }

    /// <summary>The tail of each instance's log, for a failure message.</summary>
    public string Logs() => string.Join("\n", new[] { "migrate.log", "a.log", "b.log", "nginx/error.log" }
        .Select(f => Path.Combine(Dir, f)).Where(File.Exists)
        .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(30))}"));

    /// <summary>A browser context that nginx sends to <paramref name="instance"/> (its affinity cookie set beforehand).</summary>
    public async Task<IPage> PageOnAsync(string instance)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Balancer, Locale = "vi-VN" });
        context.SetDefaultTimeout(20_000);
        await RouteToAsync(context, instance);
        return await context.NewPageAsync();
    }

    /// <summary>What the balancer does when it moves a client (e.g. its instance is drained): the next requests go to the other one.</summary>
    public Task RouteToAsync(IBrowserContext context, string instance) =>
        context.AddCookiesAsync([new Cookie { Name = "hcmc_lb", Value = AffinityOf(instance), Url = Balancer }]);

    public async Task<IPage> SignedInOnAsync(string instance, string email)
    {
        var page = await PageOnAsync(instance);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Demo@12345");
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return page;
    }

    /// <summary>An API client of one instance (or the balancer) with a citizen's bearer token.</summary>
    public async Task<HttpClient> ApiAsync(string baseUrl, string email = "congdan@demo.hcmc.vn")
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsJsonAsync("/api/v1/identity/login", new { email, password = "Demo@12345" });
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>
    /// A complete birth registration (khai sinh) to Phường Sài Gòn, built the way the city's app builds it: the procedure's
    /// documents and the address ids read from the API.
    /// </summary>
    public static async Task<MultipartFormDataContent> BirthRegistrationAsync(HttpClient http, string label)
    {
        var procedure = await http.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001193");
        var city = (await http.GetFromJsonAsync<JsonElement>("/api/v1/districts")).EnumerateArray().Single().GetProperty("id").GetInt32();
        var ward = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/districts/{city}/wards")).EnumerateArray()
            .First(w => w.GetProperty("name").GetString() == "Phường Sài Gòn").GetProperty("id").GetInt32();
        var form = JsonSerializer.Serialize(new
        {
            childName = "Nguyễn Bảo Ngọc", childBirthDate = "2026-01-15", childSex = "Nữ", relationship = "Cha",
            birthPlace = new { districtId = city, wardId = ward, street = "284 Cống Quỳnh" },
        });
        var content = new MultipartFormDataContent
        {
            { new StringContent("1.001193"), "procedureCode" },
            { new StringContent(HcmcPortal.Data.Seed.DemoSeeder.SaiGonCode), "unitCode" },
            { new StringContent(form), "form" },
        };
        foreach (var doc in procedure.GetProperty("requiredDocuments").EnumerateArray().Where(d => d.GetProperty("mandatory").GetBoolean()))
        {
            var id = doc.GetProperty("id").GetInt32();
            content.Add(new ByteArrayContent(TestFiles.Pdf($"{label} {id}")), $"doc_{id}", $"giay-to-{id}.pdf");
        }
        return content;
    }

    /// <summary>The shared database, read-only, for what the pages do not show (leases, the outbox).</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Dir, "portal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>SIGKILL of one instance, as a crash or an OOM kill would do.</summary>
    public void Kill(string instance)
    {
        using var process = Process.GetProcessById(int.Parse(File.ReadAllText(Path.Combine(Dir, $"{instance}.pid")).Trim()));
        process.Kill();
        process.WaitForExit();
    }

    public Task RestartAsync(string instance) => RunScriptAsync("instance", Dir, instance);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        await RunScriptAsync("stop", Dir);
        SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
    }
}
