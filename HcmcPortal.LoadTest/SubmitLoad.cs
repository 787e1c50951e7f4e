using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace HcmcPortal.LoadTest;

/// <summary>
/// N citizen-app clients, each with its own account, each submitting "Đăng ký khai sinh" to Phường Sài Gòn through
/// <c>POST /api/v1/dossiers</c> one after another for the given time: a 100 KB PDF as the application form (the two
/// other mandatory papers as 1 KB PDFs), a new Idempotency-Key per dossier (a retry would reuse it).
/// </summary>
public static class SubmitLoad
{
    public const string ProcedureCode = "1.001193";
    public const string UnitCode = "26740";
    public const string EmailDomain = "loadtest.hcmc.vn";
    private const string Password = "TaiThu#2026-hcmc";
    /// <summary>Untimed submissions per client before the timed window: 16 × 4 ≥ 30, the number of calls after which the JIT recompiles a method optimized.</summary>
    public const int WarmUpPerClient = 4;

    public sealed record Outcome(int Clients, int WarmUps, TimeSpan Elapsed, IReadOnlyList<double> AcknowledgedMs, IReadOnlyDictionary<string, int> Refused,
        int ServerErrors, int Unanswered, IReadOnlyCollection<string> AcknowledgedCodes, IReadOnlyList<string> Samples, TimeSpan PortalCpu)
    {
        public double PerSecond => AcknowledgedMs.Count / Elapsed.TotalSeconds;
        /// <summary>On a shared machine wall time mostly measures the wait for a core; the portal's CPU per request says what the work costs.</summary>
        public double PortalCpuMsPerRequest => PortalCpu.TotalMilliseconds / Math.Max(1, AcknowledgedMs.Count + Refused.Values.Sum() + Unanswered);
    }

    public static string Email(int client) => $"loadtest{client:00}@{EmailDomain}";

    public static async Task<Outcome> RunAsync(string baseUrl, int clients, TimeSpan duration, Func<TimeSpan> portalCpu, Action<string> say, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(100),
        };
        var tokens = new string[clients];
        for (var i = 0; i < clients; i++)
            tokens[i] = await SignInAsync(http, i + 1, ct);
        say($"submissions: {clients} citizen accounts {Email(1)} … {Email(clients)} (registered through POST /api/v1/identity/register when new, signed in through /api/v1/identity/login)");
        var submission = await SubmissionAsync(http, ct);

        var acknowledged = new ConcurrentBag<(double Ms, string Code)>();
        var refused = new ConcurrentDictionary<string, int>();
        var samples = new ConcurrentQueue<string>();
        var serverErrors = 0;
        var unanswered = 0;
        var warmupCodes = new ConcurrentBag<string>();

        async Task<bool> SubmitOnceAsync(string token, Action<double, string> onAcknowledged)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = submission() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                var ms = watch.Elapsed.TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    onAcknowledged(ms, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!);
                    return true;
                }
                if ((int)response.StatusCode >= 500)
                    Interlocked.Increment(ref serverErrors);
                refused.AddOrUpdate($"{(int)response.StatusCode} {response.StatusCode}", 1, (_, n) => n + 1);
                if (samples.Count < 5)
                    samples.Enqueue($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref unanswered);
                if (samples.Count < 5)
                    samples.Enqueue($"no answer: {e.GetType().Name}: {e.Message}");
            }
            return false;
        }

        // The untimed warm-up is the same load, WarmUpPerClient submissions per client: connections opened, and the code
        // paths compiled and recompiled optimized by the JIT (a portal still running its first, quickly compiled code spends
        // more on compiling than on the submissions), so that the timed window measures the steady state. Its dossiers are checked too.
        await Task.WhenAll(tokens.Select(token => Task.Run(async () =>
        {
            for (var i = 0; i < WarmUpPerClient && !ct.IsCancellationRequested; i++)
                await SubmitOnceAsync(token, (_, code) => warmupCodes.Add(code));
        }, ct)));
        var cpuBefore = portalCpu();
        var started = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(token => Task.Run(async () =>
        {
            while (started.Elapsed < duration && !ct.IsCancellationRequested)
                await SubmitOnceAsync(token, (ms, code) => acknowledged.Add((ms, code)));
        }, ct)));
        var elapsed = started.Elapsed;
        var cpu = portalCpu() - cpuBefore;

        return new Outcome(clients, warmupCodes.Count, elapsed, acknowledged.Select(a => a.Ms).Order().ToList(), refused, serverErrors, unanswered,
            acknowledged.Select(a => a.Code).Concat(warmupCodes).ToList(), samples.ToList(), cpu);
    }

    /// <summary>Signs the client's account in, registering it first when it does not exist (a 401 on the first try).</summary>
    private static async Task<string> SignInAsync(HttpClient http, int client, CancellationToken ct)
    {
        var email = Email(client);
        var login = await http.PostAsJsonAsync("/api/v1/identity/login", new { email, password = Password }, ct);
        if (login.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A valid CCCD (province 079, born 1990) and mobile number, unique per client.
            var registered = await http.PostAsJsonAsync("/api/v1/identity/register", new
            {
                email, password = Password, fullName = $"Người Thử Tải {client:00}", cccd = $"07919099{client:0000}", phone = $"09099{client:00000}",
            }, ct);
            if (!registered.IsSuccessStatusCode)
                throw new InvalidOperationException($"register {email}: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync(ct)}");
            login = await http.PostAsJsonAsync("/api/v1/identity/login", new { email, password = Password }, ct);
        }
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"login {email}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(ct)}");
        return (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The form answers and files, read from the catalogue API as a mobile app would; a fresh multipart body per request.</summary>
    private static async Task<Func<MultipartFormDataContent>> SubmissionAsync(HttpClient http, CancellationToken ct)
    {
        var procedure = await http.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{ProcedureCode}", ct);
        var unitName = procedure.GetProperty("receivingUnits").EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == UnitCode).GetProperty("name").GetString();
        var city = (await http.GetFromJsonAsync<JsonElement>("/api/v1/districts", ct)).EnumerateArray().Single().GetProperty("id").GetInt32();
        var ward = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/districts/{city}/wards", ct)).EnumerateArray()
            .Single(w => w.GetProperty("name").GetString() == unitName).GetProperty("id").GetInt32();
        var form = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["childName"] = "Nguyễn Bảo Ngọc",
            ["childBirthDate"] = "2026-01-15",
            ["childSex"] = "Nữ",
            ["relationship"] = "Cha",
            ["birthPlace"] = new { districtId = city, wardId = ward, street = "284 Cống Quỳnh" },
        });
        var documents = procedure.GetProperty("requiredDocuments").EnumerateArray()
            .Where(d => d.GetProperty("mandatory").GetBoolean()).Select(d => d.GetProperty("id").GetInt32()).ToList();
        var application = Pdf(100 * 1024);
        var small = Pdf(1024);
        return () =>
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(ProcedureCode), "procedureCode" },
                { new StringContent(UnitCode), "unitCode" },
                { new StringContent(form), "form" },
            };
            for (var i = 0; i < documents.Count; i++)
            {
                var file = new ByteArrayContent(i == 0 ? application : small);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                content.Add(file, $"doc_{documents[i]}", i == 0 ? "to-khai.pdf" : $"giay-to-{documents[i]}.pdf");
            }
            return content;
        };
    }

    /// <summary>A well-formed PDF of exactly <paramref name="size"/> bytes: one page whose content stream is filler.</summary>
    public static byte[] Pdf(int size)
    {
        const string head = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n4 0 obj << /Length {0:D7} >> stream\n";
        const string tail = "\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        var filler = size - Encoding.ASCII.GetByteCount(string.Format(CultureInfo.InvariantCulture, head, 0) + tail);
        var bytes = new byte[size];
        var written = Encoding.ASCII.GetBytes(string.Format(CultureInfo.InvariantCulture, head, filler), bytes);
        var random = new Random(size);
        for (var i = written; i < written + filler; i++)
            bytes[i] = (byte)random.Next(32, 127); // printable and hardly compressible, like a scan's data
        Encoding.ASCII.GetBytes(tail, bytes.AsSpan(written + filler));
        return bytes;
    }
}
