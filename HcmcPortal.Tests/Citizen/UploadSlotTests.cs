using Bunit;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;

namespace HcmcPortal.Tests.Citizen;

public sealed class UploadSlotTests : BunitTestBase
{
    private readonly List<UploadedFile> kept = [];

    private IRenderedComponent<UploadSlot> RenderSlot(IReadOnlyList<SlotFile>? files = null, string acceptedTypes = "")
    {
        OnLiveCircuit();
        return Render<UploadSlot>(p => p
            .Add(s => s.DocumentId, 7)
            .Add(s => s.Name, "Giấy chứng sinh")
            .Add(s => s.Mandatory, true)
            .Add(s => s.AcceptedTypes, acceptedTypes)
            .Add(s => s.Files, files ?? [])
            .Add(s => s.Upload, file => { kept.Add(file); return Task.FromResult<string?>(null); }));
    }

    [Fact]
    public void A_file_with_the_wrong_content_is_refused_at_its_slot_whatever_its_name()
    {
        var cut = RenderSlot();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x4D, 0x5A, 0x90, 0x00], "giay-chung-sinh.pdf", contentType: "application/pdf"));

        cut.WaitForAssertion(() => Assert.Equal("Tệp «giay-chung-sinh.pdf» không phải PDF, JPG hoặc PNG. Vui lòng chọn tệp đúng định dạng.",
            cut.Find("[data-test=slot-error]").TextContent));
        Assert.Empty(kept);
    }

    [Fact]
    public void A_document_that_accepts_only_pdf_offers_only_pdf_and_refuses_a_photo_naming_the_document()
    {
        var cut = RenderSlot(acceptedTypes: "pdf");
        Assert.Equal(".pdf,application/pdf", cut.Find("input[type=file]").GetAttribute("accept"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestFiles.Png(), "giay-chung-sinh.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Equal("Tệp «giay-chung-sinh.png» không được nhận cho giấy tờ «Giấy chứng sinh»: giấy tờ này chỉ nhận tệp PDF (.pdf).",
            cut.Find("[data-test=slot-error]").TextContent));
        Assert.Empty(kept);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var cut = RenderSlot();
        var big = new byte[new UploadOptions().MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(big, "ban-quet.pdf"));

        cut.WaitForAssertion(() => Assert.Equal("Tệp «ban-quet.pdf» vượt quá dung lượng tối đa 10 MB.", cut.Find("[data-test=slot-error]").TextContent));
        Assert.Empty(kept);
    }

    [Fact]
    public void Valid_files_are_handed_over_with_their_slot_and_bad_ones_beside_them_are_reported()
    {
        var cut = RenderSlot();
        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestFiles.Pdf(), "to-khai.pdf"),
            InputFileContent.CreateFromBinary(TestFiles.Png(), "anh.png"),
            InputFileContent.CreateFromText("không phải ảnh", "ghi-chu.png"));

        cut.WaitForAssertion(() => Assert.Equal(2, kept.Count));
        Assert.Equal(["to-khai.pdf", "anh.png"], kept.Select(f => f.FileName));
        Assert.All(kept, f => Assert.Equal(7, f.RequiredDocumentId));
        Assert.Equal(TestFiles.Png(), kept[1].Data);
        Assert.Contains("ghi-chu.png", cut.Find("[data-test=slot-error]").TextContent);
    }

    [Fact]
    public void A_full_slot_refuses_more_files()
    {
        var full = Enumerable.Range(0, FileRules.MaxFilesPerSlot - 1).Select(i => new SlotFile(Guid.NewGuid(), $"{i}.pdf", 100, null)).ToList();
        var cut = RenderSlot(full);
        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestFiles.Pdf(), "a.pdf"), InputFileContent.CreateFromBinary(TestFiles.Pdf(), "b.pdf"));

        cut.WaitForAssertion(() => Assert.Equal($"Mỗi giấy tờ được tải tối đa {FileRules.MaxFilesPerSlot} tệp.", cut.Find("[data-test=slot-error]").TextContent));
        Assert.Empty(kept);
        Assert.Equal(FileRules.MaxFilesPerSlot - 1, cut.FindAll("[data-test=slot-file]").Count);
    }

    [Fact]
    public void The_timeline_shows_each_step_with_its_unit_and_status()
    {
        var at = new DateTime(2026, 3, 2, 2, 30, 0, DateTimeKind.Utc);
        var cut = Render<StatusTimeline>(p => p.Add(t => t.Entries, [
            new TimelineEntry(at, "Nộp hồ sơ trực tuyến", "Người nộp hồ sơ", DossierStatus.Submitted, null),
            new TimelineEntry(at.AddHours(1), "Yêu cầu bổ sung, hoàn thiện hồ sơ", "Quận 1", DossierStatus.SupplementRequested, "Thiếu giấy chứng sinh"),
        ]));

        var actors = cut.FindAll("[data-test=timeline-actor]").Select(e => e.TextContent).ToList();
        Assert.Equal(["02/03/2026 09:30 · Người nộp hồ sơ", "02/03/2026 10:30 · Quận 1"], actors);
        Assert.Contains("Yêu cầu bổ sung giấy tờ", cut.FindAll("[data-test=timeline-action]")[1].TextContent);
        Assert.Contains("Thiếu giấy chứng sinh", cut.Markup);
    }
}
