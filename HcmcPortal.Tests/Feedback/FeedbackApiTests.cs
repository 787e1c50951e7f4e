using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Feedback;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HcmcPortal.Tests.Feedback.FeedbackTestKit;

namespace HcmcPortal.Tests.Feedback;

/// <summary>/api/v1/feedback over real HTTP: the same rules as the page, each bad input a 4xx with a Vietnamese message, never a 500.</summary>
public sealed class FeedbackApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static MultipartFormDataContent Form(double? lat, double? lng, string description = "Đèn đường tắt cả tuần.", params (string Name, byte[] Data)[] photos)
    {
        var (sLat, sLng) = InsideSaiGon;
        var form = new MultipartFormDataContent
        {
            { new StringContent("3"), "categoryId" },
            { new StringContent("Đèn đường hư"), "title" },
            { new StringContent(description), "description" },
            { new StringContent((lat ?? sLat).ToString(CultureInfo.InvariantCulture)), "latitude" },
            { new StringContent((lng ?? sLng).ToString(CultureInfo.InvariantCulture)), "longitude" },
            { new StringContent("true"), "anonymous" },
        };
        foreach (var (name, data) in photos)
            form.Add(new ByteArrayContent(data), "photos", name);
        return form;
    }

    [Fact]
    public async Task A_report_sent_from_the_app_is_routed_by_its_point_and_answers_201_with_its_code()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var response = await client.PostAsync("/api/v1/feedback", Form(null, null, photos: ("den.jpg", Photo().Data)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Phường Sài Gòn", body.GetProperty("unitName").GetString());
        var code = body.GetProperty("code").GetString()!;
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/{code}");
        Assert.Equal("Chờ tiếp nhận", detail.GetProperty("statusName").GetString());
        var photoUrl = detail.GetProperty("photos")[0].GetProperty("thumbnailUrl").GetString()!;
        Assert.Equal("image/jpeg", (await client.GetAsync(photoUrl)).Content.Headers.ContentType!.MediaType);
        Assert.Contains(code, (await client.GetFromJsonAsync<JsonElement>("/api/v1/feedback/mine")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        // Another resident gets the same 404 as for a code that does not exist.
        var other = await portal.ClientOfAsync(ApiClient.OtherCitizen);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/feedback/{code}")).StatusCode);
    }

    [Fact]
    public async Task Bad_reports_and_steps_answer_4xx_with_Vietnamese_messages_never_500_and_store_nothing()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        int Count() { using var db = portal.CreateDb(); return db.FeedbackReports.Count(); }
        var before = Count();
        var huge = new byte[FeedbackImages.MaxBytes + 10];
        var cases = new (HttpContent Content, string Words)[]
        {
            (Form(21.0285, 105.8542), "ngoài địa bàn"),
            (Form(null, null, photos: ("anh.jpg", TestFiles.Pdf())), "không phải ảnh"),
            (Form(null, null, photos: ("lon.jpg", huge)), "vượt quá dung lượng"),
            (Form(null, null, description: ""), "mô tả vấn đề"),
            (new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), "multipart/form-data"),
        };
        foreach (var (content, words) in cases)
        {
            var problem = await (await client.PostAsync("/api/v1/feedback", content)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(words, problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before, Count());

        var created = await (await client.PostAsync("/api/v1/feedback", Form(null, null))).Content.ReadFromJsonAsync<JsonElement>();
        var code = created.GetProperty("code").GetString()!;
        var early = await (await client.PostAsJsonAsync($"/api/v1/feedback/{code}/rating", new { satisfied = true })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Chỉ đánh giá được sau khi đơn vị đã trả lời phản ánh.", early.GetProperty("detail").GetString());
        var reopen = await (await client.PostAsJsonAsync($"/api/v1/feedback/{code}/reopen", new { reason = "Chưa xử lý" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Chỉ mở lại được phản ánh đã có kết quả xử lý.", reopen.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateClient().PostAsync("/api/v1/feedback", Form(null, null))).StatusCode);
    }

    [Fact]
    public async Task A_private_photo_is_not_served_to_the_public_and_a_public_one_is()
    {
        var service = portal.Get<FeedbackService>();
        var citizen = await portal.ActorAsync(Resident);
        var hidden = await service.SubmitAsync(citizen, Draft() with { PhotosPublic = false });
        var shown = await service.SubmitAsync(citizen, Draft() with { PhotosPublic = true });
        await using var db = portal.CreateDb();
        var hiddenPhoto = await db.FeedbackPhotos.Where(p => p.ReportId == hidden.ReportId).Select(p => p.Id).SingleAsync();
        var shownPhoto = await db.FeedbackPhotos.Where(p => p.ReportId == shown.ReportId).Select(p => p.Id).SingleAsync();
        var anonymous = portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(FeedbackPhotoEndpoint.Url(hiddenPhoto))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(FeedbackPhotoEndpoint.Url(shownPhoto, thumbnail: true))).StatusCode);
    }
}
