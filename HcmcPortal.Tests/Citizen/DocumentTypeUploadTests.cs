using System.Net;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Tests.Officer;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Citizen;

/// <summary>
/// Issue 15: a required document's accepted types (set in the catalogue editor) are enforced on every upload path —
/// by content and by extension — with a message naming the document and its types. Its own portal: the tests restrict
/// documents of seeded procedures.
/// </summary>
public sealed class DocumentTypeUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Restricts every document of the procedure to PDF, as an administrator would in the editor.</summary>
    private async Task<List<RequiredDocument>> OnlyPdfAsync(string procedureCode)
    {
        await using var db = portal.CreateDb();
        var procedureId = await db.Procedures.Where(p => p.Code == procedureCode).Select(p => p.Id).SingleAsync();
        var documents = await db.RequiredDocuments.Where(r => r.ProcedureId == procedureId && !r.Retired).ToListAsync();
        documents.ForEach(d => d.AcceptedTypes = "pdf");
        await db.SaveChangesAsync();
        return documents;
    }

    [Fact]
    public async Task The_web_form_refuses_a_photo_or_a_renamed_pdf_where_only_pdf_is_accepted_and_keeps_the_draft()
    {
        var actor = await portal.ActorAsync(ApiClient.Citizen);
        var (draftId, procedure) = await portal.KhaiSinhDraftAsync(actor);
        var document = (await OnlyPdfAsync(CitizenKit.KhaiSinh)).First(d => d.Mandatory);
        var drafts = portal.Get<DraftService>();
        var before = (await drafts.GetAsync(actor, draftId))!;

        var photo = await drafts.AddFileAsync(actor, draftId, document.Id, "anh-chup.png", TestFiles.Png());
        var renamed = await drafts.AddFileAsync(actor, draftId, document.Id, "to-khai.jpg", TestFiles.Pdf());

        Assert.Equal($"Tệp «anh-chup.png» không được nhận cho giấy tờ «{document.Name}»: giấy tờ này chỉ nhận tệp PDF (.pdf).", photo.Error);
        Assert.Equal($"Tệp «to-khai.jpg» không được nhận cho giấy tờ «{document.Name}»: giấy tờ này chỉ nhận tệp PDF (.pdf).", renamed.Error);
        Assert.Null((await drafts.AddFileAsync(actor, draftId, document.Id, "to-khai.pdf", TestFiles.Pdf())).Error);
        var after = (await drafts.GetAsync(actor, draftId))!;
        Assert.Equal(before.Files.Count + 1, after.Files.Count);
        Assert.Equal(before.Data.Answers, after.Data.Answers);
        Assert.True((await drafts.SubmitAsync(actor, draftId, Guid.NewGuid().ToString("N"))).Result.Succeeded);
    }

    [Fact]
    public async Task The_api_refuses_a_photo_for_a_pdf_only_document_naming_it_and_files_nothing()
    {
        var submission = await portal.KhaiSinhSubmissionAsync();
        var document = (await OnlyPdfAsync(CitizenKit.KhaiSinh)).First(d => d.Mandatory);
        submission.Files[$"doc_{document.Id}"] = new ApiFile("giay-chung-sinh.png", TestFiles.Png());
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        await using var db = portal.CreateDb();
        var dossiers = await db.Dossiers.CountAsync();

        var problem = await (await client.SubmitAsync(submission)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"không được nhận cho giấy tờ «{document.Name}»: giấy tờ này chỉ nhận tệp PDF (.pdf).", problem.GetRawText());
        Assert.Equal(dossiers, await db.Dossiers.CountAsync());
    }

    [Fact]
    public async Task The_walk_in_desk_refuses_a_scan_of_a_type_the_document_does_not_accept()
    {
        var reception = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var documents = await OnlyPdfAsync(OfficerTestKit.MarriageProcedureCode);
        var scans = documents.Where(r => r.Mandatory).Select(r => new UploadedFile("ban-quet.png", TestFiles.Png(), r.Id)).ToList();

        var result = await portal.Dossiers().SubmitAsync(reception, new SubmitRequest(documents[0].ProcedureId, reception.UnitId!.Value, DossierChannel.InPerson)
        {
            ApplicantName = "Trần Văn Bảo", ApplicantCccd = "079085001122", Files = scans,
        });

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains($"giấy tờ «{documents.First(d => d.Mandatory).Name}»: giấy tờ này chỉ nhận tệp PDF", result.Message);
    }

    [Fact]
    public async Task A_dossier_keeps_the_accepted_types_of_the_version_it_was_filed_under()
    {
        await using var db = portal.CreateDb();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).Include(p => p.FormFields).Include(p => p.WorkflowSteps)
            .SingleAsync(p => p.Code == OfficerTestKit.MarriageProcedureCode);
        var document = procedure.RequiredDocuments.First(d => d.Mandatory && !d.Retired);
        // Version 1 accepted only PDF for the document; the version in force accepts only PNG.
        var filed = ProcedureDefinition.Of(procedure);
        filed.Documents.Single(d => d.Name == document.Name).AcceptedTypes = "pdf";
        db.ProcedureVersions.Add(new ProcedureVersion { ProcedureId = procedure.Id, Number = 1, DefinitionJson = filed.ToJson(), PublishedAt = DateTime.UtcNow });
        document.AcceptedTypes = "png";
        await db.SaveChangesAsync();

        var slots = await DocumentSlots.FiledUnderAsync(db, procedure.Id, 1, default);
        var rules = portal.Get<FileRules>();

        Assert.Null(rules.Check("bo-sung.pdf", TestFiles.Pdf(), slots[document.Id]).Error);
        Assert.Contains("chỉ nhận tệp PDF (.pdf)", rules.Check("bo-sung.png", TestFiles.Png(), slots[document.Id]).Error);
        Assert.Equal(".png,image/png", rules.AcceptFor(DocumentSlots.Of(document)));
    }
}
