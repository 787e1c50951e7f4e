using System.Text.Json;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Dossiers;

/// <summary>One answer of the declaration, labelled as the procedure's form labels it.</summary>
public sealed record DeclaredAnswer(string Key, string Label, string Text);

/// <summary>
/// What the applicant declared, as officers check it against the papers: the stored answers (already display text —
/// dates dd/MM/yyyy, choices as chosen, addresses with ward and district names; FormRules.ToFormDataJson) in the order
/// and with the labels of the procedure's form. The one reader behind every place that shows a declaration.
/// </summary>
public sealed class DeclarationReader(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <param name="version">The procedure version the dossier was filed under (its labels); null for the version in force.</param>
    public async Task<IReadOnlyList<DeclaredAnswer>> AnswersAsync(int procedureId, string formDataJson, int? version = null, CancellationToken ct = default)
    {
        var answers = Parse(formDataJson);
        if (answers.Count == 0)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (version is int number && await ProcedureVersions.DefinitionAsync(db, procedureId, number, ct) is { } filedUnder)
            return Label(filedUnder.Fields.Select(f => (f.Key, f.Label)), answers);
        var fields = await db.ProcedureFormFields.AsNoTracking().Where(f => f.ProcedureId == procedureId).OrderBy(f => f.Order)
            .Select(f => new { f.Key, f.Label }).ToListAsync(ct);
        return Label(fields.Select(f => (f.Key, f.Label)), answers);
    }

    /// <summary>Answers in the form's order; an answer to a field the form no longer has keeps its key as label, never vanishes.</summary>
    public static IReadOnlyList<DeclaredAnswer> Label(IEnumerable<(string Key, string Label)> fields, IReadOnlyDictionary<string, string> answers)
    {
        var known = fields.Where(f => answers.ContainsKey(f.Key)).Select(f => new DeclaredAnswer(f.Key, f.Label, answers[f.Key])).ToList();
        var seen = known.Select(a => a.Key).ToHashSet();
        known.AddRange(answers.Where(a => !seen.Contains(a.Key)).Select(a => new DeclaredAnswer(a.Key, a.Key, a.Value)));
        return known;
    }

    private static Dictionary<string, string> Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            return doc.RootElement.ValueKind != JsonValueKind.Object ? [] : doc.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind != JsonValueKind.Null)
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
