using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HcmcPortal.Accounts;
using HcmcPortal.Admin;
using HcmcPortal.Admin.Users;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HcmcPortal.Tests.Security;

/// <summary>The portal with no demo dossiers (a fast start) and budgets no input of the suite can reach.</summary>
public sealed class BadInputFactory : PortalFactory
{
    protected override int DemoDossiers => 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var policy in new[] { "SignIn", "Register", "PasswordReset", "Submission", "Lookup" })
            foreach (var scope in new[] { "PerClient", "PerAccount" })
                builder.UseSetting($"RateLimits:{policy}:{scope}", "1000000");
    }
}

/// <summary>
/// Every kind of bad input, generated from tables, sent through the API, the form endpoints and the services the pages
/// call (their validators are the pages' own). Each input must be answered without a 5xx; each refused input must be a
/// 4xx with a Vietnamese message and leave nothing stored. Prints <c>inputs N, 5xx 0, stored-after-refusal 0</c>.
/// </summary>
public sealed partial class BadInputSuite(BadInputFactory portal, ITestOutputHelper output) : IClassFixture<BadInputFactory>
{
    /// <summary>Refused: 4xx, Vietnamese, nothing stored. Accepted: 2xx/3xx (normalised, sanitised, sent home). Handled: anything but a 5xx.</summary>
    private enum Expect { Refused, Accepted, Handled }

    /// <summary>An HTTP status, or for a service call 200 (done) or the status its refusal maps to.</summary>
    private sealed record Answer(int Status, string Text, HttpResponseMessage? Response = null);

    private sealed record Case(string Name, Expect Expect, Func<Task<Answer>> Send, Func<Answer, Task<string?>>? Verify = null);

    private sealed record Counts(int Dossiers, int Users, int Files, int Events, int Ratings, int Drafts, int Calendar, int Notifications);

    /// <summary>A decomposed "Nguyễn Văn An": accepted, and stored in NFC.</summary>
    private const string NonNfc = "Nguye\u0302\u0303n Va\u0306n An";
    private const string Nfc = "Nguyễn Văn An";

    /// <summary>Every text field is tried with each of these (the length is the field's column size + 1).</summary>
    private static IEnumerable<(string Kind, string Value)> BadTexts(int maxLength) =>
    [
        ("too long", "Nguyễn " + new string('a', maxLength)),
        ("NUL", "Nguyễn\0Văn An"),
        ("only zero-width", "\u200B\u200C\u200D\u2060\uFEFF"),
        ("only punctuation", "!!! ... --- ???"),
        ("control char", "Nguyễn\u0007Văn An"),
        ("bidi override", "Nguyễn \u202Ena\u0306V"),
        ("lone surrogate", "Nguyễn \uD800 An"),
    ];

    private static IEnumerable<(string Kind, string Value)> BadEmails() =>
    [
        ("too long", new string('a', TextLimits.Email - 4) + "@x.vn"),
        ("NUL", "an\0@x.vn"),
        ("only zero-width", "\u200B\u200C\u200D"),
        ("only punctuation", "!!!@..."),
        ("control char", "an\u0007@x.vn"),
        ("bidi override", "an\u202E@x.vn"),
        ("lone surrogate", "an\uD800@x.vn"),
    ];

    private static readonly (string Kind, string From, string To)[] BadRanges =
    [
        ("year 1", "0001-01-01", "0001-01-31"),
        ("year 9999", "9999-12-01", "9999-12-31"),
        ("year 1 to 9999", "0001-01-01", "9999-12-31"),
        ("from after to", "2025-12-31", "2025-01-01"),
        ("garbage", "abc", "2025-01-01"),
        ("impossible day", "2025-02-30", "2025-03-01"),
        ("missing", "", ""),
        ("over three years", "2020-01-01", "2025-01-01"),
    ];

    private static readonly string[] BadYears = ["1", "0", "9999", "-5", "abc", "99999999999", ""];

    private static readonly string[] ForeignReturnUrls =
    [
        "//evil.example", "/\\evil.example", "https://evil.example/", "http:evil.example", "\\\\evil.example",
        "javascript:alert(1)", "/\t/evil.example", "//evil.example/%2F..", "evil.example", "/%5Cevil.example",
    ];

    private int serial;
    private string Unique() => Interlocked.Increment(ref serial).ToString("D5");
    private string NewEmail() => $"bad-input-{Unique()}-{Guid.NewGuid():N}@x.vn";
    private string NewCccd() => "0792030" + Unique();

    [Fact]
    public async Task Every_bad_input_is_a_4xx_with_a_Vietnamese_message_and_leaves_nothing_stored()
    {
        var started = DateTime.UtcNow;
        var cases = new List<Case>();
        await AddApiCasesAsync(cases);
        await AddFormEndpointCasesAsync(cases);
        await AddPagePathCasesAsync(cases);

        var failures = new List<string>();
        int fiveXx = 0, storedAfterRefusal = 0;
        foreach (var c in cases)
        {
            var before = await CountsAsync();
            Answer answer;
            try
            {
                answer = await c.Send();
            }
            catch (Exception ex)
            {
                answer = new Answer(500, ex.ToString());
            }
            if (answer.Status >= 500)
            {
                fiveXx++;
                failures.Add($"5xx: {c.Name} → {answer.Status} {Short(answer.Text)}");
                continue;
            }
            switch (c.Expect)
            {
                case Expect.Refused when answer.Status < 400:
                    failures.Add($"not refused: {c.Name} → {answer.Status}");
                    break;
                case Expect.Refused:
                    if (!Vietnamese().IsMatch(answer.Text))
                        failures.Add($"no Vietnamese message: {c.Name} → {answer.Status} {Short(answer.Text)}");
                    if (await CountsAsync() != before)
                    {
                        storedAfterRefusal++;
                        failures.Add($"stored after refusal: {c.Name}");
                    }
                    break;
                case Expect.Accepted when answer.Status >= 400:
                    failures.Add($"refused though valid: {c.Name} → {answer.Status} {Short(answer.Text)}");
                    break;
            }
            if (c.Verify is not null && await c.Verify(answer) is { } problem)
                failures.Add($"{c.Name}: {problem}");
        }

        var line = $"inputs {cases.Count}, 5xx {fiveXx}, stored-after-refusal {storedAfterRefusal}";
        output.WriteLine(line);
        output.WriteLine($"({cases.Count(c => c.Expect == Expect.Refused)} refused, {cases.Count(c => c.Expect == Expect.Accepted)} accepted after normalising, "
            + $"{cases.Count(c => c.Expect == Expect.Handled)} answered by the page; {(DateTime.UtcNow - started).TotalSeconds:F0} s)");
        foreach (var f in failures)
            output.WriteLine(f);
        var results = Path.Combine(PortalFactory.RepoRoot, "TestResults");
        Directory.CreateDirectory(results);
        await File.AppendAllTextAsync(Path.Combine(results, "bad-input.txt"), $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z {line}{Environment.NewLine}");

        Assert.True(cases.Count >= 300, $"only {cases.Count} inputs");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
    }

    // ---------- the API ----------

    private async Task AddApiCasesAsync(List<Case> cases)
    {
        var anonymous = portal.CreateClient();
        var citizen = await portal.ClientOfAsync(ApiClient.Citizen);
        var leader = await portal.ClientOfAsync("lanhdao.tp@demo.hcmc.vn");
        var me = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var myCccd = me.GetProperty("cccd").GetString()!;
        var myPhone = me.GetProperty("phone").GetString()!;

        // Registration: each field × each bad text, the others valid and unique.
        object Registration(string? fullName = null, string? email = null, string? cccd = null, string? phone = null, string? password = null) => new
        {
            fullName = fullName ?? "Trần Thị Bình", email = email ?? NewEmail(), cccd = cccd ?? NewCccd(), phone = phone ?? "0909" + Unique() + "1",
            password = password ?? "Demo@12345",
        };
        foreach (var (kind, bad) in BadTexts(TextLimits.PersonName))
        {
            cases.Add(Http($"register fullName {kind}", Expect.Refused, () => anonymous.PostAsJsonAsync("/api/v1/identity/register", Registration(fullName: bad))));
            cases.Add(Http($"register cccd {kind}", Expect.Refused, () => anonymous.PostAsJsonAsync("/api/v1/identity/register", Registration(cccd: bad))));
            cases.Add(Http($"register phone {kind}", Expect.Refused, () => anonymous.PostAsJsonAsync("/api/v1/identity/register", Registration(phone: bad))));
            cases.Add(Http($"PUT /me fullName {kind}", Expect.Refused, () => citizen.PutAsJsonAsync("/api/v1/me", new { fullName = bad, cccd = myCccd, phone = myPhone })));
            cases.Add(Http($"PUT /me cccd {kind}", Expect.Refused, () => citizen.PutAsJsonAsync("/api/v1/me", new { fullName = Nfc, cccd = bad, phone = myPhone })));
            cases.Add(Http($"PUT /me phone {kind}", Expect.Refused, () => citizen.PutAsJsonAsync("/api/v1/me", new { fullName = Nfc, cccd = myCccd, phone = bad })));
        }
        foreach (var (kind, bad) in BadEmails())
            cases.Add(Http($"register email {kind}", Expect.Refused, () => anonymous.PostAsJsonAsync("/api/v1/identity/register", Registration(email: bad))));
        cases.Add(Http("register password NUL", Expect.Refused, () => anonymous.PostAsJsonAsync("/api/v1/identity/register", Registration(password: "Demo@1234\0"))));
        cases.Add(Http("register password too long", Expect.Refused, () => anonymous.PostAsJsonAsync("/api/v1/identity/register", Registration(password: "Demo@1" + new string('x', 200)))));
        var nfcEmail = NewEmail();
        cases.Add(Http("register fullName not NFC", Expect.Accepted, () => anonymous.PostAsJsonAsync("/api/v1/identity/register", Registration(fullName: NonNfc, email: nfcEmail)),
            async _ => await StoredAsync(db => db.Users.Where(u => u.Email == nfcEmail).Select(u => u.FullName).SingleAsync()) == Nfc ? null : "name not stored in NFC"));
        cases.Add(Http("PUT /me fullName not NFC", Expect.Accepted, () => citizen.PutAsJsonAsync("/api/v1/me", new { fullName = NonNfc, cccd = myCccd, phone = myPhone }),
            async _ => await StoredAsync(db => db.Users.Where(u => u.Email == ApiClient.Citizen).Select(u => u.FullName).SingleAsync()) == Nfc ? null : "name not stored in NFC"));

        // Submission: each text answer × each bad text; dates outside the supported range; the idempotency key.
        var submission = await portal.KhaiSinhSubmissionAsync();
        Task<HttpResponseMessage> Submit(Action<Dictionary<string, object?>> change, string? key = null, ApiSubmission? with = null)
        {
            var form = JsonSerializer.Deserialize<Dictionary<string, object?>>(submission.Form)!;
            change(form);
            return citizen.SubmitAsync((with ?? submission) with { Form = JsonSerializer.Serialize(form) }, key);
        }
        var birthPlace = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(submission.Form)!["birthPlace"].Deserialize<Dictionary<string, object?>>()!;
        foreach (var (kind, bad) in BadTexts(TextLimits.FormAnswer))
            cases.Add(Http($"submit form.childName {kind}", Expect.Refused, () => Submit(f => f["childName"] = bad)));
        foreach (var (kind, bad) in BadTexts(TextLimits.Address))
            cases.Add(Http($"submit form.birthPlace.street {kind}", Expect.Refused, () => Submit(f => f["birthPlace"] = new Dictionary<string, object?>(birthPlace) { ["street"] = bad })));
        foreach (var date in new[] { "0001-01-01", "9999-12-31", "2026-02-30", "abc", "15/01/2026", "", "-2026-01-15" })
            cases.Add(Http($"submit form.childBirthDate '{date}'", Expect.Refused, () => Submit(f => f["childBirthDate"] = date)));
        cases.Add(Http("submit Idempotency-Key too long", Expect.Refused, () => Submit(_ => { }, new string('k', TextLimits.IdempotencyKey + 1))));
        cases.Add(Http("submit form not JSON", Expect.Refused, () => citizen.SubmitAsync(submission with { Form = "{\"childName\": " })));
        cases.Add(Http("submit form a JSON array", Expect.Refused, () => citizen.SubmitAsync(submission with { Form = "[1,2]" })));
        cases.Add(Http("submit form.childName not NFC", Expect.Accepted, () => Submit(f => f["childName"] = NonNfc),
            async a => (await FormDataOfAsync(a)).Contains(Nfc) ? null : "answer not stored in NFC"));
        // Upload names: accepted, stored as a safe display name.
        var slot = submission.Files.Keys.First();
        foreach (var name in new[] { "../../etc/passwd.pdf", "C:\\Users\\an\\to-khai.pdf", "to-khai\u202Efdp.exe.pdf", "to\u0007khai.pdf",
                     new string('t', 400) + ".pdf", "\u200B\u200B.pdf", "..pdf", "/" })
            cases.Add(Http($"submit file name '{Short(name, 20)}'", Expect.Accepted,
                () => citizen.SubmitAsync(submission.With(slot, new ApiFile(name, TestFiles.Pdf()))),
                async a => SafeNameProblem(await FileNamesOfAsync(a))));

        // The same key with the same body answers the first dossier; with another body, 422.
        var key = Guid.NewGuid().ToString("N");
        string? firstCode = null;
        cases.Add(Http("idempotency first", Expect.Accepted, () => Submit(_ => { }, key), async a => { firstCode = await CodeOfAsync(a); return null; }));
        cases.Add(Http("idempotency same body", Expect.Accepted, () => Submit(_ => { }, key),
            async a => await CodeOfAsync(a) == firstCode ? null : "a second dossier for the same key"));
        cases.Add(Http("idempotency other answers", Expect.Refused, () => Submit(f => f["childName"] = "Lê Văn Cường", key), Status(422)));
        cases.Add(Http("idempotency other file", Expect.Refused, () => Submit(_ => { }, key, submission.With(slot, new ApiFile("khac.pdf", TestFiles.Pdf("khac")))), Status(422)));

        // Withdraw reasons and rating comments on the citizen's own dossier.
        var ownCode = await CodeOfAsync(await Send(() => citizen.SubmitAsync(submission)));
        foreach (var (kind, bad) in BadTexts(TextLimits.Note))
            cases.Add(Http($"withdraw reason {kind}", Expect.Refused, () => citizen.PostAsJsonAsync($"/api/v1/dossiers/{ownCode}/withdraw", new { reason = bad })));
        foreach (var (kind, bad) in BadTexts(TextLimits.RatingComment))
            cases.Add(Http($"rating comment {kind}", Expect.Refused, () => citizen.PostAsJsonAsync($"/api/v1/dossiers/{ownCode}/rating", new { level = "satisfied", comment = bad }),
                async a => a.Text.Contains("Ý kiến góp ý") ? null : "refused for another reason than the comment"));

        // Malformed multipart bodies on both upload endpoints.
        foreach (var (kind, content) in MalformedMultiparts())
        {
            cases.Add(Http($"submit multipart {kind}", Expect.Refused, () => citizen.PostAsync("/api/v1/dossiers", content())));
            cases.Add(Http($"supplement multipart {kind}", Expect.Refused, () => citizen.PostAsync($"/api/v1/dossiers/{ownCode}/supplement", content())));
        }

        // Malformed JSON bodies on every JSON endpoint.
        foreach (var (kind, body) in MalformedJson())
            foreach (var (name, client, method, path) in new (string, HttpClient, HttpMethod, string)[]
                     {
                         ("register", anonymous, HttpMethod.Post, "/api/v1/identity/register"), ("login", anonymous, HttpMethod.Post, "/api/v1/identity/login"),
                         ("refresh", anonymous, HttpMethod.Post, "/api/v1/identity/refresh"), ("PUT /me", citizen, HttpMethod.Put, "/api/v1/me"),
                         ("withdraw", citizen, HttpMethod.Post, $"/api/v1/dossiers/{ownCode}/withdraw"), ("rating", citizen, HttpMethod.Post, $"/api/v1/dossiers/{ownCode}/rating"),
                     })
                cases.Add(Http($"{name} JSON {kind}", Expect.Refused, () => client.SendAsync(new HttpRequestMessage(method, path)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                })));

        // Report endpoints: dates and periods outside the supported range, in the wrong order, or garbage.
        foreach (var endpoint in new[] { "service-index", "service-index.xlsx", "statistics", "statistics.xlsx" })
            foreach (var (kind, from, to) in BadRanges)
                cases.Add(Http($"{endpoint} {kind}", Expect.Refused, () => leader.GetAsync($"/api/v1/reports/{endpoint}?from={from}&to={to}"), Status(400)));
        foreach (var endpoint in new[] { "dx", "dx.xlsx" })
            foreach (var year in BadYears)
                cases.Add(Http($"{endpoint} period '{year}'", Expect.Refused, () => leader.GetAsync($"/api/v1/reports/{endpoint}?period={year}")));

        // Overlong query strings.
        var longValue = new string('a', 5000);
        foreach (var path in new[] { "/api/v1/procedures?q=", "/api/v1/lookup?code=", "/api/v1/reports/statistics?from=", "/?q=", "/thu-tuc?q=", "/culture/en-GB?returnUrl=/" })
            cases.Add(Http($"overlong query {path}", Expect.Refused, () => citizen.GetAsync(path + longValue), Status(414)));
    }

    // ---------- the form endpoints (culture switch, sign-in) ----------

    private async Task AddFormEndpointCasesAsync(List<Case> cases)
    {
        await Task.CompletedTask;
        var noRedirects = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in ForeignReturnUrls)
        {
            cases.Add(Http($"culture returnUrl '{url}'", Expect.Accepted, () => noRedirects.GetAsync($"/culture/vi-VN?returnUrl={Uri.EscapeDataString(url)}"), StaysLocal));
            cases.Add(Http($"sign-in returnUrl '{url}'", Expect.Accepted, async () =>
            {
                // A new client each time: a signed-in client would not post the form again.
                var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                var path = $"/account/login?returnUrl={Uri.EscapeDataString(url)}";
                var page = await client.GetStringAsync(path);
                return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value, ["_handler"] = "login",
                    ["Input.Email"] = ApiClient.OtherCitizen, ["Input.Password"] = "Demo@12345",
                }));
            }, StaysLocal));
        }
        // A registration form post with a truncated multipart body.
        foreach (var (kind, content) in MalformedMultiparts().Take(4))
            cases.Add(Http($"register form multipart {kind}", Expect.Refused, () => noRedirects.PostAsync("/account/register", content())));
    }

    // ---------- the services the pages call (the pages' validators) ----------

    private async Task AddPagePathCasesAsync(List<Case> cases)
    {
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var citizenActor = await portal.ActorAsync(ApiClient.Citizen);
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var dossiers = portal.Dossiers();
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var mandatory = procedure.Documents.Where(d => d.Mandatory).Select(d => new UploadedFile($"scan-{d.Id}.pdf", TestFiles.Pdf(), d.Id)).ToList();
        var q1 = reception.UnitId!.Value;

        // Walk-in intake at the desk: the applicant's fields.
        SubmitRequest WalkIn(Func<SubmitRequest, SubmitRequest> change) => change(new SubmitRequest(procedure.Id, q1, DossierChannel.InPerson)
        {
            ApplicantName = Nfc, ApplicantCccd = "079203001234", ApplicantPhone = "0909001234", Files = mandatory,
        });
        foreach (var (kind, bad) in BadTexts(TextLimits.PersonName))
        {
            cases.Add(Service($"walk-in name {kind}", () => dossiers.SubmitAsync(reception, WalkIn(r => r with { ApplicantName = bad }))));
            cases.Add(Service($"walk-in cccd {kind}", () => dossiers.SubmitAsync(reception, WalkIn(r => r with { ApplicantCccd = bad }))));
            cases.Add(Service($"walk-in phone {kind}", () => dossiers.SubmitAsync(reception, WalkIn(r => r with { ApplicantPhone = bad }))));
        }
        foreach (var (kind, bad) in BadTexts(TextLimits.Address))
            cases.Add(Service($"walk-in address {kind}", () => dossiers.SubmitAsync(reception, WalkIn(r => r with { ApplicantAddress = bad }))));
        foreach (var (kind, bad) in BadEmails())
            cases.Add(Service($"walk-in email {kind}", () => dossiers.SubmitAsync(reception, WalkIn(r => r with { ApplicantEmail = bad }))));
        Guid? walkInId = null;
        cases.Add(new Case("walk-in name not NFC", Expect.Accepted, async () =>
        {
            var result = await dossiers.SubmitAsync(reception, WalkIn(r => r with { ApplicantName = NonNfc }));
            walkInId = result.DossierId;
            return ToAnswer(result);
        }, async _ => await StoredAsync(db => db.Dossiers.Where(d => d.Id == walkInId).Select(d => d.ApplicantName).SingleAsync()) == Nfc ? null : "name not stored in NFC"));

        // Officers' notes and reasons on a dossier waiting at the desk, and the apology's reason on a received one.
        var waiting = (await portal.SubmitKhaiSinhAsync(citizenActor)).DossierId!.Value;
        foreach (var (kind, bad) in BadTexts(TextLimits.Note))
        {
            foreach (var action in new[] { DossierAction.RequestSupplement, DossierAction.Refuse })
                cases.Add(Service($"officer {action} note {kind}", async () =>
                    await dossiers.ApplyAsync(reception, new ActionRequest(waiting, await portal.VersionAsync(waiting), action) { Note = bad })));
            cases.Add(Service($"re-appointment reason {kind}", async () =>
                await dossiers.ReappointAsync(reception, walkInId!.Value, await portal.VersionAsync(walkInId!.Value), DateTime.Today.AddDays(30), bad)));
        }

        // The online form (web page and API share DraftService's checks): applicant fields and answers.
        var drafts = portal.Get<DraftService>();
        Func<Task<Answer>> WebSubmit(Action<DraftData> change) => async () =>
        {
            var data = await portal.KhaiSinhDataAsync(citizenActor);
            change(data);
            return ToAnswer((await drafts.SubmitDataAsync(citizenActor, procedure, data, mandatory, Guid.NewGuid().ToString("N"), null)).Result);
        };
        foreach (var (kind, bad) in BadTexts(TextLimits.PersonName))
        {
            cases.Add(new Case($"web form applicant name {kind}", Expect.Refused, WebSubmit(d => d.Applicant.Name = bad)));
            cases.Add(new Case($"web form applicant phone {kind}", Expect.Refused, WebSubmit(d => d.Applicant.Phone = bad)));
            cases.Add(new Case($"web form applicant cccd {kind}", Expect.Refused, WebSubmit(d => d.Applicant.Cccd = bad)));
        }
        foreach (var (kind, bad) in BadTexts(TextLimits.Address))
            cases.Add(new Case($"web form applicant address {kind}", Expect.Refused, WebSubmit(d => d.Applicant.Address = bad)));
        foreach (var (kind, bad) in BadEmails())
            cases.Add(new Case($"web form applicant email {kind}", Expect.Refused, WebSubmit(d => d.Applicant.Email = bad)));
        foreach (var (kind, bad) in BadTexts(TextLimits.FormAnswer))
            cases.Add(new Case($"web form childName answer {kind}", Expect.Refused, WebSubmit(d => d.Answers["childName"] = bad)));
        foreach (var date in new[] { "0001-01-01", "9999-12-31" })
            cases.Add(new Case($"web form birth date {date}", Expect.Refused, WebSubmit(d => d.Answers["childBirthDate"] = date)));

        // Staff accounts created by the administrator.
        var staff = portal.Get<UserAdminService>();
        var administrator = await portal.ActorAsync("quantri@demo.hcmc.vn");
        async Task<Answer> CreateStaff(string name, string email)
        {
            var errors = await staff.CreateAsync(administrator, new OfficerInput(email, name, Roles.Reception, q1, "Demo@12345"));
            return errors.Count == 0 ? new Answer(200, "") : new Answer(400, string.Join(" ", errors.Values.SelectMany(m => m)));
        }
        foreach (var (kind, bad) in BadTexts(TextLimits.PersonName))
            cases.Add(new Case($"staff name {kind}", Expect.Refused, () => CreateStaff(bad, NewEmail())));
        foreach (var (kind, bad) in BadEmails())
            cases.Add(new Case($"staff email {kind}", Expect.Refused, () => CreateStaff(Nfc, bad)));

        // The rating page's comment, through the service it calls.
        var mine = portal.Get<MyDossierService>();
        foreach (var (kind, bad) in BadTexts(TextLimits.RatingComment))
            cases.Add(Service($"rating page comment {kind}", () => mine.RateAsync(citizenActor, waiting, SatisfactionLevel.Satisfied, bad)));

        // The calendar administration.
        var catalog = portal.Get<AdminCatalog>();
        cases.Add(Service("calendar day year 1", () => catalog.AddDayAsync(admin, new DateOnly(1, 1, 1), CalendarDayKind.Holiday, "Nghỉ")));
        cases.Add(Service("calendar day year 9999", () => catalog.AddDayAsync(admin, new DateOnly(9999, 12, 31), CalendarDayKind.Holiday, "Nghỉ")));
        foreach (var (kind, bad) in BadTexts(200))
            cases.Add(Service($"calendar day name {kind}", () => catalog.AddDayAsync(admin, new DateOnly(2031, 3, 4), CalendarDayKind.Holiday, bad)));

        // The report pages' one date rule (drill-down links, date bars) and the report pages themselves.
        var metric = PortalMetrics.All[0].Name;
        foreach (var (kind, from, to) in BadRanges)
            cases.Add(new Case($"drill-down range {kind}", Expect.Refused, () => Task.FromResult(
                DrillDownService.Parse(metric, "numerator", "760", from, to) is null
                    ? new Answer(400, ReportPeriod.Parse(from, to, out var error) is null ? error ?? "" : "")
                    : new Answer(200, ""))));
        var leaderPages = portal.CreateClient();
        await leaderPages.SignInAsync("lanhdao.tp@demo.hcmc.vn");
        foreach (var (kind, from, to) in BadRanges)
            cases.Add(Http($"drill-down page {kind}", Expect.Handled, () => leaderPages.GetAsync($"/bao-cao/chi-tiet?metric={metric}&part=numerator&unit=760&from={from}&to={to}"), NoErrorPage));
        foreach (var year in BadYears)
        {
            cases.Add(Http($"DX ranking page period '{year}'", Expect.Handled, () => leaderPages.GetAsync($"/bao-cao/chuyen-doi-so?period={year}"), NoErrorPage));
            cases.Add(Http($"DX district page period '{year}'", Expect.Handled, () => leaderPages.GetAsync($"/bao-cao/chuyen-doi-so/760?period={year}"), NoErrorPage));
        }
    }

    // ---------- inputs ----------

    private static IEnumerable<(string Kind, Func<HttpContent> Content)> MalformedMultiparts()
    {
        static HttpContent Raw(string body, string? contentType)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }
        const string part = "--b\r\nContent-Disposition: form-data; name=\"procedureCode\"\r\n\r\n1.001193\r\n";
        const string filePart = "--b\r\nContent-Disposition: form-data; name=\"doc_1\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 trunc";
        return
        [
            ("truncated before the closing boundary", () => Raw(part, "multipart/form-data; boundary=b")),
            ("truncated inside a file", () => Raw(filePart, "multipart/form-data; boundary=b")),
            ("missing boundary", () => Raw(part + "--b--\r\n", "multipart/form-data")),
            ("boundary not in the body", () => Raw(part + "--b--\r\n", "multipart/form-data; boundary=zzz")),
            ("wrong content type", () => Raw("procedureCode=1.001193", "text/plain")),
            ("JSON instead of multipart", () => Raw("{\"procedureCode\":\"1.001193\"}", "application/json")),
            ("empty body", () => Raw("", "multipart/form-data; boundary=b")),
            ("boundary longer than 70", () => Raw(part.Replace("--b", "--" + new string('b', 200)), "multipart/form-data; boundary=" + new string('b', 200))),
            ("part header over 16 KB", () => Raw("--b\r\nContent-Disposition: form-data; name=\"x\"\r\nX-Pad: " + new string('p', 20_000) + "\r\n\r\nv\r\n--b--\r\n", "multipart/form-data; boundary=b")),
            ("garbage bytes", () => Raw("\u0001\u0002\u0003garbage\r\n\r\n--", "multipart/form-data; boundary=b")),
        ];
    }

    private static IEnumerable<(string Kind, string Body)> MalformedJson() =>
    [
        ("cut short", "{\"email\": \"an@x.vn\", "),
        ("an array", "[1, 2]"),
        ("a string", "\"text\""),
        ("wrong types", "{\"email\": 5, \"fullName\": {}, \"reason\": [], \"level\": 7, \"refreshToken\": 1}"),
        ("not JSON", "nul"),
        ("NUL inside a string", "{\"reason\": \"a\\u0000b\", \"comment\": \"a\\u0000b\", \"fullName\": \"a\\u0000b\", \"email\": \"a\\u0000b\"}"),
    ];

    // ---------- helpers ----------

    private static Case Http(string name, Expect expect, Func<Task<HttpResponseMessage>> send, Func<Answer, Task<string?>>? verify = null) =>
        new(name, expect, () => Send(send), verify);

    private static async Task<Answer> Send(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static Case Service(string name, Func<Task<CommandResult>> call) => new(name, Expect.Refused, async () => ToAnswer(await call()));

    private static Answer ToAnswer(CommandResult result) => new(result.Status switch
    {
        CommandStatus.Ok => 200,
        CommandStatus.NotFound => 404,
        CommandStatus.Forbidden => 403,
        CommandStatus.Conflict => 409,
        CommandStatus.KeyReused => 422,
        _ => 400,
    }, result.Message ?? "");

    private static Func<Answer, Task<string?>> Status(int expected) => a => Task.FromResult(a.Status == expected ? null : $"expected {expected}, got {a.Status}");

    private static Task<string?> StaysLocal(Answer a)
    {
        var location = a.Response?.Headers.Location?.OriginalString;
        return Task.FromResult(a.Status is >= 300 and < 400 && location is not null && IsPortal(location) ? null : $"went to '{location}' ({a.Status})");
    }

    /// <summary>A path of the portal, or an absolute address on the portal's own host (the test server's).</summary>
    private static bool IsPortal(string location) =>
        HcmcPortal.Operations.LocalUrls.IsLocal(location) || Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Host == "localhost";

    private static Task<string?> NoErrorPage(Answer a) =>
        Task.FromResult(a.Text.Contains("correlation-id") ? $"the error page ({a.Status})" : null);

    private async Task<T> StoredAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var db = portal.CreateDb();
        return await read(db);
    }

    private async Task<Counts> CountsAsync()
    {
        await using var db = portal.CreateDb();
        // One round trip per count of everything a refused input could have left behind.
        return await db.Procedures.Take(1).Select(_ => new Counts(db.Dossiers.Count(), db.Users.Count(), db.Files.Count(), db.DossierEvents.Count(),
            db.Ratings.Count(), db.Drafts.Count(), db.Calendar.Count(), db.Notifications.Count())).SingleAsync();
    }

    private static async Task<string> CodeOfAsync(Answer a) =>
        a.Status == 201 ? JsonDocument.Parse(a.Text).RootElement.GetProperty("code").GetString()! : throw new InvalidOperationException($"not created: {a.Status} {a.Text}");

    private async Task<string> FormDataOfAsync(Answer a)
    {
        var code = await CodeOfAsync(a);
        return await StoredAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.FormDataJson).SingleAsync());
    }

    private async Task<List<string>> FileNamesOfAsync(Answer a)
    {
        var code = await CodeOfAsync(a);
        return await StoredAsync(db => db.Files.Where(f => db.Dossiers.Any(d => d.Code == code && d.Id == f.DossierId)).Select(f => f.FileName).ToListAsync());
    }

    private static string? SafeNameProblem(List<string> names) =>
        names.FirstOrDefault(n => n.Length is 0 or > TextLimits.FileName || n.IndexOfAny(['/', '\\']) >= 0
            || n.Any(c => char.IsControl(c) || TextRules.IsBidiControl(c) || c == '\u200B')) is { } bad ? $"unsafe stored name '{bad}'" : null;

    private static string Short(string text, int length = 200) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>A letter only Vietnamese uses: the message is in Vietnamese.</summary>
    [GeneratedRegex("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
