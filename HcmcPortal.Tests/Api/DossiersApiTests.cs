using HcmcPortal.Data.Seed;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Api;

/// <summary>The Citizen App's procedures and dossiers over real HTTP with bearer tokens.</summary>
public sealed class DossiersApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Procedures_are_searchable_the_detail_lists_documents_form_fields_and_units_and_address_places_are_listed()
    {
        var client = portal.CreateClient();
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=khai sinh&field=Hộ tịch&page=1&pageSize=5");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("code").GetString() == CitizenKit.KhaiSinh);
        Assert.Equal(5, found.GetProperty("pageSize").GetInt32());

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{CitizenKit.KhaiSinh}");
        Assert.Contains(detail.GetProperty("requiredDocuments").EnumerateArray(), d => d.GetProperty("mandatory").GetBoolean());
        var sex = detail.GetProperty("formFields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "childSex");
        Assert.Equal(new[] { "Nam", "Nữ" }, sex.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains(detail.GetProperty("receivingUnits").EnumerateArray(), u => u.GetProperty("code").GetString() == DemoSeeder.SaiGonCode);

        var district = (await client.GetFromJsonAsync<JsonElement>("/api/v1/districts")).EnumerateArray().First(d => d.GetProperty("name").GetString() == "Thành phố Hồ Chí Minh");
        var wards = await client.GetFromJsonAsync<JsonElement>($"/api/v1/districts/{district.GetProperty("id").GetInt32()}/wards");
        Assert.True(wards.GetArrayLength() > 0);

        var missing = await (await client.GetAsync("/api/v1/procedures/9.999999")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy thủ tục.", missing.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_submission_answers_201_and_the_dossier_is_in_the_own_list_and_detail()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var response = await client.SubmitAsync(await portal.KhaiSinhSubmissionAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = created.GetProperty("code").GetString()!;
        Assert.Equal($"/api/v1/dossiers/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal((int)DossierStatus.Submitted, created.GetProperty("status").GetInt32());
        Assert.Equal(DossierText.StatusName(DossierStatus.Submitted), created.GetProperty("statusName").GetString());
        Assert.True(created.TryGetProperty("submittedAt", out _));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?page=1&pageSize=100");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == code);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal(CitizenKit.KhaiSinh, detail.GetProperty("procedureCode").GetString());
        Assert.Equal(3, detail.GetProperty("files").GetArrayLength());
        var step = Assert.Single(detail.GetProperty("timeline").EnumerateArray());
        Assert.Equal((int)DossierStatus.Submitted, step.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Unknown_procedure_and_unit_are_field_errors()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var submission = await portal.KhaiSinhSubmissionAsync();

        var unknown = await (await client.SubmitAsync(submission with { ProcedureCode = "9.999999" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Không tìm thấy thủ tục.", unknown.FieldError("procedureCode"));
        var unit = await (await client.SubmitAsync(submission with { UnitCode = "000" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Cơ quan tiếp nhận", unit.FieldError("unitCode"));
    }

    [Fact]
    public async Task Missing_document_bad_answers_wrong_type_and_oversize_are_field_errors_and_create_nothing()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var submission = await portal.KhaiSinhSubmissionAsync();
        var slot = submission.Files.Keys.First();
        var before = await CountAsync(ApiClient.Citizen);

        var missing = await (await client.SubmitAsync(submission.With(slot, null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Thiếu giấy tờ bắt buộc", missing.FieldError(slot));

        var wrongType = await (await client.SubmitAsync(submission.With(slot, new ApiFile("to-khai.pdf", "MZ not a pdf"u8.ToArray()))))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("không phải PDF, JPG hoặc PNG", wrongType.FieldError(slot));

        var big = TestFiles.Pdf().Concat(new byte[10 * 1024 * 1024]).ToArray();
        var oversize = await (await client.SubmitAsync(submission.With(slot, new ApiFile("to-khai.pdf", big)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("vượt quá dung lượng tối đa 10 MB", oversize.FieldError(slot));

        var form = JsonNode.Parse(submission.Form)!;
        form["childSex"] = "Khác";
        var badAnswer = await (await client.SubmitAsync(submission with { Form = form.ToJsonString() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badAnswer.GetProperty("errors").TryGetProperty("form.childSex", out _));

        var notJson = await (await client.SubmitAsync(submission with { Form = "{không phải json" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Trường form không phải JSON hợp lệ.", notJson.FieldError("form"));

        Assert.Equal(before, await CountAsync(ApiClient.Citizen));
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_key_returns_the_first_dossier()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var submission = await portal.KhaiSinhSubmissionAsync();
        var key = Guid.NewGuid().ToString();

        var first = await client.SubmitAsync(submission, key);
        var retry = await client.SubmitAsync(submission, key);
        var other = await client.SubmitAsync(submission, Guid.NewGuid().ToString());

        var code = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(code, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.NotEqual(code, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var db = portal.CreateDb();
        Assert.Equal(1, await db.Dossiers.CountAsync(d => d.IdempotencyKey == key));

        var tooLong = await (await client.SubmitAsync(submission, new string('k', 101))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("100", tooLong.FieldError("Idempotency-Key"));
    }

    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/v1/me" }, { "PUT", "/api/v1/me" }, { "GET", "/api/v1/notifications" },
        { "POST", "/api/v1/dossiers" }, { "GET", "/api/v1/dossiers" }, { "GET", "/api/v1/dossiers/ABC" },
        { "POST", "/api/v1/dossiers/ABC/supplement" }, { "POST", "/api/v1/dossiers/ABC/withdraw" },
        { "POST", "/api/v1/dossiers/ABC/rating" }, { "GET", "/api/v1/dossiers/ABC/result" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Anonymous_callers_get_a_401_problem(string method, string path)
    {
        var response = await portal.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task The_portal_cookie_is_not_enough_to_submit_through_the_API()
    {
        var browser = portal.CreateClient(new() { AllowAutoRedirect = false });
        await browser.SignInAsync(ApiClient.Citizen);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SubmitAsync(await portal.KhaiSinhSubmissionAsync())).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_dossier_gets_the_same_404_as_a_missing_one_and_stays_untouched()
    {
        var owner = await portal.ClientOfAsync(ApiClient.Citizen);
        var created = await owner.SubmittedAsync(await portal.KhaiSinhSubmissionAsync());
        var code = created.GetProperty("code").GetString()!;
        var other = await portal.ClientOfAsync(ApiClient.OtherCitizen);

        async Task<string> ProblemOf(Func<string, Task<HttpResponseMessage>> call, string target)
        {
            var problem = JsonNode.Parse((await (await call(target)).ProblemAsync(HttpStatusCode.NotFound)).GetRawText())!.AsObject();
            problem.Remove("traceId");
            return problem.ToJsonString();
        }
        Func<string, Task<HttpResponseMessage>>[] calls =
        [
            c => other.GetAsync($"/api/v1/dossiers/{c}"),
            c => other.PostAsync($"/api/v1/dossiers/{c}/supplement", ApiClient.Files(("doc_1", new ApiFile("bo-sung.pdf", TestFiles.Pdf())))),
            c => other.PostAsJsonAsync($"/api/v1/dossiers/{c}/withdraw", new { reason = "Không cần nữa" }),
            c => other.PostAsJsonAsync($"/api/v1/dossiers/{c}/rating", new { level = "satisfied" }),
            c => other.GetAsync($"/api/v1/dossiers/{c}/result"),
        ];
        foreach (var call in calls)
            Assert.Equal(await ProblemOf(call, "HS-KHONG-CO"), await ProblemOf(call, code));

        var mine = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal((int)DossierStatus.Submitted, mine.GetProperty("status").GetInt32());
        Assert.Single(mine.GetProperty("timeline").EnumerateArray());
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_then_ends_the_dossier()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var code = (await client.SubmittedAsync(await portal.KhaiSinhSubmissionAsync())).GetProperty("code").GetString();

        var noReason = await (await client.PostAsync($"/api/v1/dossiers/{code}/withdraw", null)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Vui lòng nêu lý do rút hồ sơ.", noReason.GetProperty("detail").GetString());

        var withdrawn = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdraw", new { reason = "Đã nộp nhầm thủ tục" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal((int)DossierStatus.Withdrawn, (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal("Đã nộp nhầm thủ tục", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdraw", new { reason = "Lần nữa" })).StatusCode);
    }

    [Fact]
    public async Task A_supplement_is_accepted_only_when_requested_and_with_valid_files()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var submission = await portal.KhaiSinhSubmissionAsync();
        var created = await client.SubmittedAsync(submission);
        var (id, code) = (created.GetProperty("id").GetGuid(), created.GetProperty("code").GetString());
        var slot = submission.Files.Keys.First();
        var pdf = new ApiFile("bo-sung.pdf", TestFiles.Pdf("bo sung"));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/v1/dossiers/{code}/supplement", ApiClient.Files((slot, pdf)))).StatusCode);

        await portal.ActAsync("motcua.q1@demo.hcmc.vn", id, await portal.VersionAsync(id), DossierAction.RequestSupplement, note: "Bổ sung giấy chứng sinh bản rõ nét.");
        var requested = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal((int)DossierStatus.SupplementRequested, requested.GetProperty("status").GetInt32());
        Assert.Equal("Bổ sung giấy chứng sinh bản rõ nét.", requested.GetProperty("supplementRequest").GetString());

        var wrongType = await (await client.PostAsync($"/api/v1/dossiers/{code}/supplement", ApiClient.Files((slot, new ApiFile("anh.png", "GIF89a"u8.ToArray())))))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("không phải PDF, JPG hoặc PNG", wrongType.FieldError(slot));

        var supplied = await client.PostAsync($"/api/v1/dossiers/{code}/supplement", ApiClient.Files((slot, pdf), ("files", new ApiFile("anh.png", TestFiles.Png()))));
        Assert.Equal(HttpStatusCode.OK, supplied.StatusCode);
        Assert.NotEqual((int)DossierStatus.SupplementRequested, (await supplied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal(DossierText.ActionName(DossierAction.SubmitSupplement), detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Equal(2, detail.GetProperty("files").EnumerateArray().Count(f => f.GetProperty("kind").GetString() == "Supplement"));
    }

    [Fact]
    public async Task After_the_officers_finish_the_result_downloads_rating_works_once_and_notifications_tell()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var created = await client.SubmittedAsync(await portal.KhaiSinhSubmissionAsync());
        var (id, code) = (created.GetProperty("id").GetGuid(), created.GetProperty("code").GetString());

        var early = await (await client.GetAsync($"/api/v1/dossiers/{code}/result")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Hồ sơ chưa có kết quả giải quyết.", early.GetProperty("detail").GetString());
        var earlyRating = await (await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", new { level = "satisfied" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Chỉ đánh giá được hồ sơ đã có kết quả.", earlyRating.GetProperty("detail").GetString());

        await portal.FinishAsync(id, await portal.VersionAsync(id));

        var result = await client.GetAsync($"/api/v1/dossiers/{code}/result");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("application/pdf", result.Content.Headers.ContentType?.MediaType);
        Assert.Equal("giay-khai-sinh.pdf", result.Content.Headers.ContentDisposition?.FileNameStar ?? result.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await result.Content.ReadAsByteArrayAsync()));

        var badLevel = await (await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", new { level = "tuyệt vời" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badLevel.GetProperty("errors").TryGetProperty("level", out _));
        var rated = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", new { level = "satisfied", comment = "Nhanh, gọn." });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var again = await (await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/rating", new { level = "normal" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Bạn đã đánh giá hồ sơ này.", again.GetProperty("detail").GetString());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal("Satisfied", detail.GetProperty("rating").GetProperty("level").GetString());

        var inbox = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?pageSize=100");
        var about = inbox.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("dossierCode").GetString() == code).ToList();
        Assert.NotEmpty(about);
        Assert.All(about, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("title").GetString())));
        var unread = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unreadOnly=true&pageSize=1");
        Assert.True(unread.GetProperty("total").GetInt32() >= about.Count);
    }

    private async Task<int> CountAsync(string email)
    {
        await using var db = portal.CreateDb();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Dossiers.CountAsync(d => d.ApplicantUserId == userId);
    }
}
