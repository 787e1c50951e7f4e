using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Catalogue;

/// <summary>A procedure as the editor opens it: its definition, the concurrency token and its publication record.</summary>
public sealed record ProcedureEditorState(int Id, Guid Version, bool IsPublished, int CurrentVersion, DateTime? PublishedAt, DateTime? ChangedAt,
    ProcedureDefinition Definition, IReadOnlyList<VersionRow> Versions);

public sealed record VersionRow(int Number, DateTime PublishedAt, string? PublishedByName);

/// <summary>The outcome of a catalogue change: every problem with its field path and message (in the reader's language) when invalid.</summary>
public sealed record CatalogueResult(CommandStatus Status, string? Message = null, IReadOnlyList<CatalogueProblem>? Problems = null, int? ProcedureId = null, Guid? Version = null)
{
    public bool Succeeded => Status == CommandStatus.Ok;
    public IReadOnlyList<CatalogueProblem> AllProblems => Problems ?? [];
}

/// <summary>One problem: the validator's property path (Definition.Fields[1].Options) and its message.</summary>
public sealed record CatalogueProblem(string Path, string Message);

/// <summary>A procedure as the workbook carries it: its definition and whether it is published.</summary>
public sealed record CatalogueEntry(ProcedureDefinition Definition, bool Published);

/// <summary>
/// The catalogue editor (issue 15): create, edit, publish and unpublish a procedure. Every change goes through
/// <see cref="SaveProcedureValidator"/> and is recorded (<see cref="ProcedureChange"/>). Publishing — or editing a
/// published procedure — stores a new <see cref="ProcedureVersion"/>; dossiers keep the number they were filed under.
/// </summary>
public sealed class ProcedureEditor(IDbContextFactory<AppDbContext> dbFactory, IValidator<SaveProcedureCommand> validator, TimeProvider clock)
{
    public async Task<ProcedureEditorState?> LoadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Procedures.AsNoTracking().Include(x => x.RequiredDocuments).Include(x => x.FormFields).Include(x => x.WorkflowSteps)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
            return null;
        var versions = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.PublishedAt, db.Users.Where(u => u.Id == v.PublishedBy).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
        return new ProcedureEditorState(p.Id, p.Version, p.IsPublished, p.CurrentVersion, p.PublishedAt, p.ChangedAt, ProcedureDefinition.Of(p), versions);
    }

    /// <summary>The template file of a required document (the citizen downloads it from the procedure's page).</summary>
    public async Task<(string FileName, byte[] Content)?> TemplateAsync(int requiredDocumentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.RequiredDocuments.AsNoTracking().Where(d => d.Id == requiredDocumentId && d.TemplateContent != null)
            .Select(d => new { d.TemplateFileName, d.TemplateContent }).FirstOrDefaultAsync(ct);
        return t is null ? null : (t.TemplateFileName ?? "mau", t.TemplateContent!);
    }

    /// <summary>Creates (<see cref="SaveProcedureCommand.ProcedureId"/> null) or edits a procedure; <paramref name="publish"/> also publishes it.</summary>
    public async Task<CatalogueResult> SaveAsync(Actor actor, SaveProcedureCommand command, bool publish = false, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return new(CommandStatus.Forbidden, UiTexts.Get("Dossier.Result.Forbidden"));
        command.Definition.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var checkedCommand = await WithFactsAsync(db, command, ct);
        if (await ProblemsAsync(checkedCommand, ct) is { Count: > 0 } problems)
            return Invalid(problems);

        Procedure? procedure;
        if (command.ProcedureId is int id)
        {
            procedure = await TrackedAsync(db, id, ct);
            if (procedure is null)
                return new(CommandStatus.NotFound, UiTexts.Get("Admin_Catalogue.Result.NotFound"));
            if (command.ExpectedVersion is Guid seen && procedure.Version != seen)
                return await ConflictAsync(db, procedure, ct);
        }
        else
        {
            // A new procedure is a draft until it is published: it has no version yet.
            procedure = new Procedure { IsPublished = false, CurrentVersion = 0 };
            db.Procedures.Add(procedure);
        }
        var inForce = command.ProcedureId is int known ? (await InForceAsync(db, [known], ct)).GetValueOrDefault(known) : null;
        var changed = Apply(db, procedure, command.Definition, publish ? true : null, actor.UserId, command.ProcedureId is null ? "created" : "edited", inForce);
        return await SaveAsync(db, procedure, changed, ct);
    }

    /// <summary>Publishes the procedure as it is (a new version if it changed since the one last in force).</summary>
    public Task<CatalogueResult> PublishAsync(Actor actor, int id, Guid expectedVersion, CancellationToken ct = default) =>
        SetPublishedAsync(actor, id, expectedVersion, true, ct);

    /// <summary>Withdraws the procedure from the public catalogue; dossiers already filed carry on.</summary>
    public Task<CatalogueResult> UnpublishAsync(Actor actor, int id, Guid expectedVersion, CancellationToken ct = default) =>
        SetPublishedAsync(actor, id, expectedVersion, false, ct);

    private async Task<CatalogueResult> SetPublishedAsync(Actor actor, int id, Guid expectedVersion, bool published, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.Admin))
            return new(CommandStatus.Forbidden, UiTexts.Get("Dossier.Result.Forbidden"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var procedure = await TrackedAsync(db, id, ct);
        if (procedure is null)
            return new(CommandStatus.NotFound, UiTexts.Get("Admin_Catalogue.Result.NotFound"));
        if (procedure.Version != expectedVersion)
            return await ConflictAsync(db, procedure, ct);
        var definition = ProcedureDefinition.Of(procedure);
        if (published && await ProblemsAsync(await WithFactsAsync(db, new SaveProcedureCommand(id, expectedVersion, definition), ct), ct) is { Count: > 0 } problems)
            return Invalid(problems);
        var inForce = (await InForceAsync(db, [id], ct)).GetValueOrDefault(id);
        var changed = Apply(db, procedure, definition, published, actor.UserId, published ? "published" : "unpublished", inForce);
        return await SaveAsync(db, procedure, changed, ct);
    }

    /// <summary>
    /// Applies a whole workbook in one unit of work (<see cref="CatalogueWorkbook"/> has checked every row): procedures
    /// found by code are updated, others created. An unchanged procedure is left as it is (no new version, no record).
    /// </summary>
    public async Task<CatalogueResult> ImportAsync(Actor actor, IReadOnlyList<CatalogueEntry> entries, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return new(CommandStatus.Forbidden, UiTexts.Get("Dossier.Result.Forbidden"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var codes = entries.Select(e => e.Definition.Code).ToList();
        var existing = await db.Procedures.Include(x => x.RequiredDocuments).Include(x => x.FormFields).Include(x => x.WorkflowSteps)
            .Where(p => codes.Contains(p.Code)).AsSplitQuery().ToDictionaryAsync(p => p.Code, ct);
        var inForce = await InForceAsync(db, [.. existing.Values.Select(p => p.Id)], ct);
        foreach (var entry in entries)
        {
            if (!existing.TryGetValue(entry.Definition.Code, out var procedure))
            {
                procedure = new Procedure { IsPublished = false, CurrentVersion = 0 };
                db.Procedures.Add(procedure);
            }
            Apply(db, procedure, entry.Definition, entry.Published, actor.UserId, "imported", procedure.Id == 0 ? null : inForce.GetValueOrDefault(procedure.Id));
        }
        try
        {
            // One SaveChanges: the whole workbook or nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new(CommandStatus.Conflict, UiTexts.Get("Admin_Catalogue.Result.ImportConflict"));
        }
        return new(CommandStatus.Ok);
    }

    /// <summary>The rules' problems for a command whose database facts are already filled in (the workbook import fills its own).</summary>
    public async Task<IReadOnlyList<CatalogueProblem>> ProblemsAsync(SaveProcedureCommand command, CancellationToken ct = default) =>
        [.. (await validator.ValidateAsync(command, ct)).Errors.Select(e => new CatalogueProblem(e.PropertyName, e.ErrorMessage))];

    /// <summary>The units the editor offers as receiving units of a procedure of <paramref name="level"/>.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CentresAsync(ProcedureLevel level, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Reception.Centres(db.Units.AsNoTracking(), level, VietnamTime.Today(clock)).OrderBy(u => u.Name)
            .Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Code, r.Name))];
    }

    /// <summary>The reception centres by level today, for checking receiving units without a query per procedure.</summary>
    public async Task<IReadOnlyDictionary<ProcedureLevel, IReadOnlySet<string>>> CentreCodesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CentreCodesAsync(db, ct);
    }

    private async Task<IReadOnlyDictionary<ProcedureLevel, IReadOnlySet<string>>> CentreCodesAsync(AppDbContext db, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var result = new Dictionary<ProcedureLevel, IReadOnlySet<string>>();
        foreach (var level in Enum.GetValues<ProcedureLevel>())
            result[level] = (await Reception.Centres(db.Units.AsNoTracking(), level, today).Select(u => u.Code).ToListAsync(ct)).ToHashSet();
        return result;
    }

    private async Task<SaveProcedureCommand> WithFactsAsync(AppDbContext db, SaveProcedureCommand command, CancellationToken ct)
    {
        var code = command.Definition.Code;
        var taken = await db.Procedures.AnyAsync(p => p.Code == code && p.Id != (command.ProcedureId ?? 0), ct);
        var centres = await Reception.Centres(db.Units.AsNoTracking(), command.Definition.Level, VietnamTime.Today(clock)).Select(u => u.Code).ToListAsync(ct);
        return command with { CodeTaken = taken, ReceptionCentreCodes = centres.ToHashSet() };
    }

    private static Task<Procedure?> TrackedAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.Procedures.Include(x => x.RequiredDocuments).Include(x => x.FormFields).Include(x => x.WorkflowSteps)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>The stored definitions of the versions in force, by procedure id (one query for any number of procedures).</summary>
    private static Task<Dictionary<int, string>> InForceAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.ProcedureVersions.AsNoTracking().Where(v => ids.Contains(v.ProcedureId) && v.Number == v.Procedure!.CurrentVersion)
            .ToDictionaryAsync(v => v.ProcedureId, v => v.DefinitionJson, ct);

    /// <summary>
    /// Writes <paramref name="definition"/> into the tracked procedure and, when it is (or becomes) published with a
    /// content that differs from the version last in force, stores a new version. Returns whether anything changed.
    /// </summary>
    /// <param name="inForceJson">The stored version in force (null when there is none yet: new, or seeded and never edited).</param>
    private bool Apply(AppDbContext db, Procedure p, ProcedureDefinition definition, bool? publish, string actorId, string action, string? inForceJson)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = p.Id == 0;
        var before = isNew ? null : ProcedureDefinition.Of(p);
        var wasPublished = p.IsPublished;
        // A procedure seeded from code has no stored version yet: its live rows are its version in force. Keep them
        // before they change, so dossiers filed under it still read them.
        if (!isNew && p.CurrentVersion >= 1 && inForceJson is null)
        {
            inForceJson = before!.ToJson();
            db.ProcedureVersions.Add(new ProcedureVersion
            {
                ProcedureId = p.Id, Number = p.CurrentVersion, DefinitionJson = inForceJson,
                PublishedAt = p.ChangedAt ?? p.PublishedAt ?? p.CreatedAt, PublishedBy = p.ChangedAt is null ? null : p.UpdatedBy,
            });
        }

        Write(db, p, definition);
        var after = ProcedureDefinition.Of(p);
        var contentChanged = before is null || !before.SameAs(after);
        var published = publish ?? p.IsPublished;
        if (published)
        {
            if (p.CurrentVersion == 0 || inForceJson != after.ToJson())
            {
                p.CurrentVersion++;
                db.ProcedureVersions.Add(new ProcedureVersion { Procedure = p, Number = p.CurrentVersion, DefinitionJson = after.ToJson(), PublishedAt = now, PublishedBy = actorId });
                p.ChangedAt = now;
            }
            p.PublishedAt ??= now;
            p.UnpublishedAt = null;
        }
        else if (wasPublished)
            p.UnpublishedAt = now;
        p.IsPublished = published;
        var changed = contentChanged || published != wasPublished;
        if (changed)
        {
            db.ProcedureChanges.Add(new ProcedureChange
            {
                Procedure = p, At = now, ActorUserId = actorId, Action = action, Version = p.CurrentVersion,
                BeforeJson = before?.ToJson(), AfterJson = after.ToJson(),
            });
            // Children may be all that changed: touch the procedure so its token is renewed and a stale editor is told.
            if (!isNew)
                db.Entry(p).State = EntityState.Modified;
        }
        return changed;
    }

    /// <summary>The definition into the procedure's rows. Documents keep their rows (uploaded files point to them); a removed one is retired.</summary>
    private static void Write(AppDbContext db, Procedure p, ProcedureDefinition d)
    {
        p.Code = d.Code;
        p.Name = d.Name;
        p.SearchName = VietnameseText.Fold(d.Name);
        p.Field = d.Field;
        p.Level = d.Level;
        p.ReceivingUnitCodes = Reception.FormatCodes(d.ReceivingUnitCodes);
        p.TimeLimitValue = d.TimeLimitValue;
        p.TimeLimitUnit = d.TimeLimitUnit;
        p.FeeVnd = d.FeeVnd;
        p.FullyOnline = d.FullyOnline;
        p.Description = d.Description;
        p.HandlingAgency = d.HandlingAgency;

        var current = p.RequiredDocuments.Where(r => !r.Retired).ToList();
        var kept = new HashSet<RequiredDocument>();
        for (var i = 0; i < d.Documents.Count; i++)
        {
            var doc = d.Documents[i];
            // The editor knows the row; a workbook names the document.
            var row = current.FirstOrDefault(r => r.Id == doc.Id && doc.Id is not null && !kept.Contains(r))
                      ?? (doc.Id is null ? current.FirstOrDefault(r => r.Name == doc.Name && !kept.Contains(r)) : null);
            if (row is null)
            {
                row = new RequiredDocument();
                p.RequiredDocuments.Add(row);
            }
            kept.Add(row);
            row.Name = doc.Name;
            row.Mandatory = doc.Mandatory;
            row.Order = i + 1;
            row.AcceptedTypes = doc.AcceptedTypes;
            if (doc.TemplateContent is not null)
                row.TemplateContent = doc.TemplateContent;
            if (string.IsNullOrEmpty(doc.TemplateFileName))
                row.TemplateContent = null;
            row.TemplateFileName = string.IsNullOrEmpty(doc.TemplateFileName) ? null : doc.TemplateFileName;
        }
        foreach (var gone in current.Where(r => !kept.Contains(r)))
            gone.Retired = true;

        // Fields and steps have no rows pointing to them: they are replaced.
        db.ProcedureFormFields.RemoveRange(p.FormFields);
        p.FormFields = [.. d.Fields.Select((f, i) => new ProcedureFormField
        {
            Key = f.Key, Label = f.Label, Type = f.Type, Required = f.Required, Options = f.Type == FormFieldType.Choice ? f.Options : null,
            Order = i + 1, MaxLength = f.MaxLength, MinValue = f.MinValue, MaxValue = f.MaxValue,
        })];
        db.WorkflowSteps.RemoveRange(p.WorkflowSteps);
        p.WorkflowSteps = [.. d.Steps.Select((s, i) => new WorkflowStep { Order = i + 1, Name = s.Name, Role = s.Role, SharePercent = s.SharePercent })];
    }

    private static async Task<CatalogueResult> SaveAsync(AppDbContext db, Procedure procedure, bool changed, CancellationToken ct)
    {
        if (!changed)
            return new(CommandStatus.Ok, null, null, procedure.Id, procedure.Version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(CommandStatus.Conflict, UiTexts.Get("Admin_Catalogue.Result.Changed"));
        }
        catch (DbUpdateException)
        {
            // The unique index on Code: another administrator saved the same code since the check.
            return Invalid([new("Definition.Code", UiTexts.Format("Admin_Catalogue.Result.CodeTaken", procedure.Code))]);
        }
        return new(CommandStatus.Ok, null, null, procedure.Id, procedure.Version);
    }

    private static CatalogueResult Invalid(IReadOnlyList<CatalogueProblem> problems) =>
        new(CommandStatus.Invalid, string.Join(" ", problems.Select(p => p.Message).Distinct()), problems);

    /// <summary>Another administrator saved first: theirs stands, and this one is told who and when (what they typed stays on screen).</summary>
    private static async Task<CatalogueResult> ConflictAsync(AppDbContext db, Procedure procedure, CancellationToken ct) =>
        new(CommandStatus.Conflict, UiTexts.Format("Admin_Catalogue.Result.Conflict", await AdminAuditTrail.LastChangeAsync(db, nameof(Procedure), [procedure.Code], ct)));
}
