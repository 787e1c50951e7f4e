using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Api;

public static class ApiClient
{
    public const string Citizen = "congdan@demo.hcmc.vn";
    public const string OtherCitizen = "congdan2@demo.hcmc.vn";

    /// <summary>Logs in through POST /api/v1/identity/login and sets the bearer token on the client.</summary>
    public static async Task<JsonElement> LoginAsync(this HttpClient client, string email, string password = "Demo@12345")
    {
        var response = await client.PostAsJsonAsync("/api/v1/identity/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return tokens;
    }

    /// <summary>A client carrying the bearer token of a demo account.</summary>
    public static async Task<HttpClient> ClientOfAsync(this PortalFactory portal, string email)
    {
        var client = portal.CreateClient();
        await client.LoginAsync(email);
        return client;
    }

    /// <summary>A complete "Đăng ký khai sinh" submission to Phường Sài Gòn: CitizenKit's answers and one PDF in each mandatory slot.</summary>
    public static async Task<ApiSubmission> KhaiSinhSubmissionAsync(this PortalFactory portal)
    {
        var data = await portal.KhaiSinhDataAsync(await portal.ActorAsync(Citizen));
        var form = data.Answers.ToDictionary(a => a.Key, a => (object?)a.Value);
        foreach (var (key, address) in data.Addresses)
            form[key] = address;
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var files = procedure.Documents.Where(d => d.Mandatory)
            .ToDictionary(d => $"doc_{d.Id}", d => new ApiFile($"giay-to-{d.Id}.pdf", TestFiles.Pdf(d.Name)));
        return new ApiSubmission(procedure, JsonSerializer.Serialize(form, JsonSerializerOptions.Web), files);
    }

    /// <summary>POST /api/v1/dossiers, with an Idempotency-Key header when given.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, ApiSubmission submission, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = submission.ToContent() };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>Submits and asserts 201; answers the body (id, code, status, statusName, submittedAt).</summary>
    public static async Task<JsonElement> SubmittedAsync(this HttpClient client, ApiSubmission submission)
    {
        var response = await client.SubmitAsync(submission);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static MultipartFormDataContent Files(params (string Name, ApiFile File)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, file) in files)
            content.Add(new ByteArrayContent(file.Data), name, file.FileName);
        return content;
    }

    /// <summary>Asserts an RFC 9457 problem and answers it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string FieldError(this JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    /// <summary>The dossier's current version, for driving the officers' steps through DossierService.</summary>
    public static async Task<Guid> VersionAsync(this PortalFactory portal, Guid dossierId)
    {
        await using var db = portal.CreateDb();
        return await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.Version).SingleAsync();
    }
}

public sealed record ApiFile(string FileName, byte[] Data);

/// <summary>The parts of a multipart submission; tests change one part to provoke one failure.</summary>
public sealed record ApiSubmission(ProcedureDetail Procedure, string Form, Dictionary<string, ApiFile> Files)
{
    public string ProcedureCode { get; init; } = Procedure.Code;
    public string UnitCode { get; init; } = HcmcPortal.Data.Seed.DemoSeeder.SaiGonCode;

    public MultipartFormDataContent ToContent()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(ProcedureCode), "procedureCode" },
            { new StringContent(UnitCode), "unitCode" },
            { new StringContent(Form), "form" },
        };
        foreach (var (name, file) in Files)
            content.Add(new ByteArrayContent(file.Data), name, file.FileName);
        return content;
    }

    public ApiSubmission With(string name, ApiFile? file)
    {
        var files = new Dictionary<string, ApiFile>(Files);
        if (file is null)
            files.Remove(name);
        else
            files[name] = file;
        return this with { Files = files };
    }
}
