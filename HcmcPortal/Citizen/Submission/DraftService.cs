using System.Security.Cryptography;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Validation;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Citizen.Submission;

public sealed record DraftFileInfo(Guid Id, int? RequiredDocumentId, string FileName, long Size, string ContentType);

public sealed record DraftView(Guid Id, Guid Version, string ProcedureCode, int Step, DraftData Data, IReadOnlyList<DraftFileInfo> Files);

public sealed record DraftRow(Guid Id, string ProcedureCode, string ProcedureName, int Step, DateTime UpdatedAt);

public sealed record DraftSave(Guid? DraftId, Guid? ExpectedVersion, int ProcedureId, int Step, DraftData Data);

public sealed record DraftSaveResult(CommandStatus Status, string? Message = null, Guid? DraftId = null, Guid? Version = null)
{
    public bool Succeeded => Status == CommandStatus.Ok;
}

public sealed record DraftFileResult(DraftFileInfo? File, string? Error);

/// <summary>The outcome of submitting a draft: the dossier service's result, or messages keyed by field.</summary>
public sealed record DraftSubmitResult(CommandResult Result, IReadOnlyDictionary<string, string> FieldErrors);

/// <summary>
/// A citizen's drafts, saved as they go and resumable on any device. Only the owner ever reads a draft or its files;
/// anyone else gets "not found". Submitting hands the draft to <see cref="DossierService.SubmitAsync"/>.
/// </summary>
public sealed class DraftService(IDbContextFactory<AppDbContext> dbFactory, ProcedureCatalog catalog, DossierService dossiers, TimeProvider clock,
    FluentValidation.IValidator<ApplicantInfo> applicantValidator, FileRules fileRules)
{
    public static string NotFoundMessage => UiTexts.Get("Dossier.Result.DraftNotFound");

    public static string DocumentKey(int requiredDocumentId) => $"Doc.{requiredDocumentId}";

    public async Task<DraftView?> GetAsync(Actor actor, Guid draftId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Where(d => d.Id == draftId && d.OwnerUserId == actor.UserId)
            .Select(d => new { d.Id, d.Version, d.Procedure!.Code, d.Step, d.DataJson }).FirstOrDefaultAsync(ct);
        if (draft is null)
            return null;
        var files = await db.Files.AsNoTracking().Where(f => f.DraftId == draftId).OrderBy(f => f.UploadedAt)
            .Select(f => new DraftFileInfo(f.Id, f.RequiredDocumentId, f.FileName, f.Size, f.ContentType)).ToListAsync(ct);
        return new DraftView(draft.Id, draft.Version, draft.Code, draft.Step, DraftData.Parse(draft.DataJson), files);
    }

    /// <summary>The applicant details of a new form, prefilled from the person's profile (they may edit them).</summary>
    public async Task<ApplicantInfo> ProfileAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new ApplicantInfo { Name = u.FullName, Cccd = u.Cccd ?? "", Phone = u.PhoneNumber, Email = u.Email })
            .FirstOrDefaultAsync(ct) ?? new ApplicantInfo { Name = actor.Name };
    }

    public async Task<IReadOnlyList<DraftRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Drafts.AsNoTracking().Where(d => d.OwnerUserId == actor.UserId).OrderByDescending(d => d.UpdatedAt)
            .Select(d => new DraftRow(d.Id, d.Procedure!.Code, d.Procedure.Name, d.Step, d.UpdatedAt)).ToListAsync(ct);
    }

    /// <summary>The person's draft for this procedure, if any: starting the procedure again resumes it rather than opening a second one.</summary>
    public async Task<Guid?> DraftForProcedureAsync(Actor actor, string procedureCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Drafts.AsNoTracking().Where(d => d.OwnerUserId == actor.UserId && d.Procedure!.Code == procedureCode)
            .OrderByDescending(d => d.UpdatedAt).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Creates the draft on its first save; later saves check the version so that two devices never overwrite each other silently.</summary>
    public async Task<DraftSaveResult> SaveAsync(Actor actor, DraftSave save, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Citizen))
            return new(CommandStatus.Forbidden, UiTexts.Get("Dossier.Result.OnlyCitizensSubmit"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        DossierDraft? draft;
        if (save.DraftId is Guid id)
        {
            draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id && d.OwnerUserId == actor.UserId, ct);
            if (draft is null)
                return new(CommandStatus.NotFound, NotFoundMessage);
            if (save.ExpectedVersion is Guid expected && draft.Version != expected)
                return new(CommandStatus.Conflict, UiTexts.Get("Dossier.Result.DraftConflict"));
        }
        else
        {
            if (!await db.Procedures.AnyAsync(p => p.Id == save.ProcedureId && p.IsPublished, ct))
                return new(CommandStatus.Invalid, UiTexts.Get("Dossier.Result.ProcedureUnavailable"));
            draft = new DossierDraft { Id = Guid.NewGuid(), OwnerUserId = actor.UserId, ProcedureId = save.ProcedureId };
            db.Drafts.Add(draft);
        }
        draft.Step = save.Step;
        draft.UnitId = save.Data.UnitId;
        draft.DataJson = save.Data.ToJson();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(CommandStatus.Conflict, UiTexts.Get("Dossier.Result.DraftConflict"));
        }
        return new(CommandStatus.Ok, null, draft.Id, draft.Version);
    }

    /// <summary>Stores one uploaded file in a draft's slot, checked by its content (magic bytes), the document's accepted types and the per-slot limit.</summary>
    public async Task<DraftFileResult> AddFileAsync(Actor actor, Guid draftId, int requiredDocumentId, string fileName, byte[] data, CancellationToken ct = default)
    {
        fileName = TextRules.SafeFileName(fileName);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Where(d => d.Id == draftId && d.OwnerUserId == actor.UserId)
            .Select(d => new { d.ProcedureId }).FirstOrDefaultAsync(ct);
        if (draft is null)
            return new(null, NotFoundMessage);
        var document = await db.RequiredDocuments.AsNoTracking().Where(r => r.Id == requiredDocumentId && r.ProcedureId == draft.ProcedureId && !r.Retired)
            .Select(r => new DocumentSlot(r.Id, r.Name, r.AcceptedTypes)).FirstOrDefaultAsync(ct);
        if (document is null)
            return new(null, UiTexts.Format("Dossier.Result.FileNotInProcedure", fileName));
        var (contentType, error) = fileRules.Check(fileName, data, document);
        if (error is not null)
            return new(null, error);
        if (await db.Files.CountAsync(f => f.DraftId == draftId && f.RequiredDocumentId == requiredDocumentId, ct) >= FileRules.MaxFilesPerSlot)
            return new(null, UiTexts.Format("Dossier.Result.TooManyFiles", FileRules.MaxFilesPerSlot));
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), DraftId = draftId, RequiredDocumentId = requiredDocumentId, Kind = FileKind.Application,
            FileName = fileName, ContentType = contentType!, Size = data.Length,
            Sha256 = Convert.ToHexString(SHA256.HashData(data)), UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = actor.UserId,
        };
        file.Content = new FileContent { FileId = file.Id, Data = data };
        db.Files.Add(file);
        await db.SaveChangesAsync(ct);
        return new(new DraftFileInfo(file.Id, requiredDocumentId, file.FileName, file.Size, file.ContentType), null);
    }

    public async Task<bool> RemoveFileAsync(Actor actor, Guid draftId, Guid fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await db.Drafts.AnyAsync(d => d.Id == draftId && d.OwnerUserId == actor.UserId, ct);
        if (!owned)
            return false;
        var file = await db.Files.Include(f => f.Content).FirstOrDefaultAsync(f => f.Id == fileId && f.DraftId == draftId, ct);
        if (file is null)
            return false;
        db.Files.Remove(file);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(Actor actor, Guid draftId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == draftId && d.OwnerUserId == actor.UserId, ct);
        if (draft is null)
            return false;
        var files = await db.Files.Include(f => f.Content).Where(f => f.DraftId == draftId).ToListAsync(ct);
        db.Files.RemoveRange(files);
        db.Drafts.Remove(draft);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Validates every field, then submits the draft with its files in one transaction (the draft and its files are removed in it).
    /// A retry with the same idempotency key after the draft is gone returns the dossier the first attempt created.
    /// </summary>
    public async Task<DraftSubmitResult> SubmitAsync(Actor actor, Guid draftId, string idempotencyKey, CancellationToken ct = default)
    {
        var none = new Dictionary<string, string>();
        var draft = await GetAsync(actor, draftId, ct);
        if (draft is null)
            return new(await FirstSubmissionAsync(actor, idempotencyKey, ct) ?? new CommandResult(CommandStatus.NotFound, NotFoundMessage), none);
        var procedure = await catalog.DetailAsync(draft.ProcedureCode, ct);
        if (procedure is null)
            return new(CommandResult.Invalid(UiTexts.Get("Dossier.Result.ProcedureUnavailable")), none);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var files = await db.Files.AsNoTracking().Where(f => f.DraftId == draftId).OrderBy(f => f.UploadedAt)
            .Select(f => new UploadedFile(f.FileName, f.Content!.Data, f.RequiredDocumentId)).ToListAsync(ct);
        return await SubmitDataAsync(actor, procedure, draft.Data, files, idempotencyKey, draftId, ct);
    }

    /// <summary>
    /// The checks and submission shared by the web form (from a draft) and the REST API (from a request):
    /// every field validated with its message under its key, then <see cref="DossierService.SubmitAsync"/>.
    /// </summary>
    public async Task<DraftSubmitResult> SubmitDataAsync(Actor actor, ProcedureDetail procedure, DraftData data, IReadOnlyList<UploadedFile> files,
        string? idempotencyKey, Guid? draftId, CancellationToken ct = default)
    {
        var none = new Dictionary<string, string>();
        var errors = FormRules.ValidateApplicant(data, applicantValidator);
        foreach (var (key, message) in FormRules.ValidateAnswers(procedure.FormFields, data))
            errors[key] = message;
        var unitNames = await UnitNamesAsync(data, ct);
        foreach (var field in procedure.FormFields.Where(f => f.Type == FormFieldType.Address && !errors.ContainsKey(f.Key)))
            if (data.Addresses.GetValueOrDefault(field.Key) is { DistrictId: int district, WardId: int ward } && unitNames.Parents.GetValueOrDefault(ward) != district)
                errors[field.Key] = UiTexts.Get("Validation.Address.WardOutsideDistrict");
        foreach (var doc in procedure.Documents.Where(d => d.Mandatory && files.All(f => f.RequiredDocumentId != d.Id)))
            errors[DocumentKey(doc.Id)] = UiTexts.Format("Dossier.Result.MissingDocument", doc.Name);
        // With other fields to correct, the unit's refusal is shown beside them at once; otherwise the submission
        // itself checks the unit (the same rule) and its refusal comes back to the unit field below.
        if (data.UnitId is null)
            errors.TryAdd(FormRules.Keys.Unit, Reception.NoUnitMessage);
        else if (errors.Count > 0 && !errors.ContainsKey(FormRules.Keys.Unit))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await Reception.RefusalAsync(db, data.UnitId, procedure.Level, procedure.ReceivingUnitCodes ?? [], VietnamTime.Today(clock), ct) is { } refusal)
                errors[FormRules.Keys.Unit] = refusal;
        }
        if (errors.Count > 0)
            return CheckMarkedFields(errors);

        var a = data.Applicant;
        var request = new SubmitRequest(procedure.Id, data.UnitId!.Value, DossierChannel.Online)
        {
            ApplicantName = a.Name,
            ApplicantCccd = a.Cccd,
            ApplicantPhone = a.Phone,
            ApplicantEmail = a.Email,
            ApplicantAddress = a.Address,
            FormDataJson = FormRules.ToFormDataJson(procedure.FormFields, data, unitNames.Names),
            Files = files,
            IdempotencyKey = idempotencyKey,
            DraftId = draftId,
        };
        var result = await dossiers.SubmitAsync(actor, request, ct);
        return result.RefusedUnit ? CheckMarkedFields(new() { [FormRules.Keys.Unit] = result.Message! }) : new(result, none);
    }

    private static DraftSubmitResult CheckMarkedFields(Dictionary<string, string> errors) =>
        new(CommandResult.Invalid(UiTexts.Get("Dossier.Result.CheckMarkedFields")), errors);

    private async Task<CommandResult?> FirstSubmissionAsync(Actor actor, string idempotencyKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var first = await db.Dossiers.VisibleTo(actor).Where(d => d.ApplicantUserId == actor.UserId && d.IdempotencyKey == idempotencyKey)
            .Select(d => new { d.Id, d.Code, d.Version }).FirstOrDefaultAsync(ct);
        return first is null ? null : new CommandResult(CommandStatus.Ok, null, first.Version, first.Code, first.Id);
    }

    private sealed record UnitLookup(IReadOnlyDictionary<int, string> Names, IReadOnlyDictionary<int, int?> Parents);

    private async Task<UnitLookup> UnitNamesAsync(DraftData data, CancellationToken ct)
    {
        var ids = data.Addresses.Values.SelectMany(a => new[] { a.DistrictId, a.WardId }).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
            return new(new Dictionary<int, string>(), new Dictionary<int, int?>());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        return new(units.ToDictionary(u => u.Id, u => u.Name), units.ToDictionary(u => u.Id, u => u.ParentId));
    }
}
