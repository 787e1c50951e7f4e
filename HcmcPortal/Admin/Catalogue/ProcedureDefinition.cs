using System.Text.Json;
using System.Text.Json.Serialization;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Units;
using HcmcPortal.Validation;

namespace HcmcPortal.Admin.Catalogue;

/// <summary>
/// A procedure as the administrator edits it, as the workbook carries it and as a <see cref="ProcedureVersion"/> keeps
/// it: everything a citizen's form, the documents checklist and the officers' workflow are built from.
/// </summary>
public sealed class ProcedureDefinition
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
    public ProcedureLevel Level { get; set; } = ProcedureLevel.Commune;
    /// <summary>Unit codes; empty means every reception centre of the level.</summary>
    public List<string> ReceivingUnitCodes { get; set; } = [];
    public int TimeLimitValue { get; set; } = 5;
    public TimeLimitUnit TimeLimitUnit { get; set; } = TimeLimitUnit.WorkingDays;
    /// <summary>Whole đồng.</summary>
    public long FeeVnd { get; set; }
    public bool FullyOnline { get; set; } = true;
    public string Description { get; set; } = "";
    public string HandlingAgency { get; set; } = "";
    public List<DocumentEdit> Documents { get; set; } = [];
    public List<FieldEdit> Fields { get; set; } = [];
    public List<StepEdit> Steps { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new(FormRules.Json) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProcedureDefinition FromJson(string json) => JsonSerializer.Deserialize<ProcedureDefinition>(json, Json) ?? new();

    /// <summary>Two definitions are the same when their JSON is (template files compare by name).</summary>
    public bool SameAs(ProcedureDefinition other) => ToJson() == other.ToJson();

    public static ProcedureDefinition Of(Procedure p) => new()
    {
        Code = p.Code,
        Name = p.Name,
        Field = p.Field,
        Level = p.Level,
        ReceivingUnitCodes = Reception.ParseCodes(p.ReceivingUnitCodes),
        TimeLimitValue = p.TimeLimitValue,
        TimeLimitUnit = p.TimeLimitUnit,
        FeeVnd = p.FeeVnd,
        FullyOnline = p.FullyOnline,
        Description = p.Description,
        HandlingAgency = p.HandlingAgency,
        Documents = [.. p.RequiredDocuments.Where(d => !d.Retired).OrderBy(d => d.Order).Select(d => new DocumentEdit
        {
            Id = d.Id, Name = d.Name, Mandatory = d.Mandatory, AcceptedTypes = d.AcceptedTypes, TemplateFileName = d.TemplateFileName,
        })],
        Fields = [.. p.FormFields.OrderBy(f => f.Order).Select(f => new FieldEdit
        {
            Key = f.Key, Label = f.Label, Type = f.Type, Required = f.Required, Options = f.Options ?? "",
            MaxLength = f.MaxLength, MinValue = Plain(f.MinValue), MaxValue = Plain(f.MaxValue),
        })],
        Steps = [.. p.WorkflowSteps.OrderBy(s => s.Order).Select(s => new StepEdit { Name = s.Name, Role = s.Role, SharePercent = s.SharePercent })],
    };

    /// <summary>Trims and NFC-normalises the texts, and gives a field without a key one made from its label.</summary>
    public void Normalize()
    {
        Code = TextRules.Normalize(Code) ?? "";
        Name = TextRules.Normalize(Name) ?? "";
        Field = TextRules.Normalize(Field) ?? "";
        Description = TextRules.Normalize(Description) ?? "";
        HandlingAgency = TextRules.Normalize(HandlingAgency) ?? "";
        ReceivingUnitCodes = [.. ReceivingUnitCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct()];
        foreach (var d in Documents)
        {
            d.Name = TextRules.Normalize(d.Name) ?? "";
            d.AcceptedTypes = string.Join(",", DocumentEdit.TypesOf(d.AcceptedTypes));
        }
        foreach (var f in Fields)
        {
            f.Label = TextRules.Normalize(f.Label) ?? "";
            f.Key = string.IsNullOrWhiteSpace(f.Key) ? FieldEdit.KeyFrom(f.Label, Fields) : f.Key.Trim();
            f.Options = string.Join("|", f.OptionList);
            f.MinValue = Plain(f.MinValue);
            f.MaxValue = Plain(f.MaxValue);
        }
        foreach (var s in Steps)
            s.Name = TextRules.Normalize(s.Name) ?? "";
    }

    /// <summary>1.0000 → 1: the database and the workbook give back a number with another scale, which is not a change.</summary>
    private static decimal? Plain(decimal? value) => value / 1.0000000000000000000000000000m;

    /// <summary>The citizen form's fields, exactly as the submission page and its checks read them.</summary>
    /// <remarks>A field not saved yet has no key; the preview gives it a provisional one so that its answer stays its own.</remarks>
    public IReadOnlyList<FormFieldInfo> FormFields() =>
        [.. Fields.Select((f, i) => new FormFieldInfo(string.IsNullOrWhiteSpace(f.Key) ? $"preview_{i + 1}" : f.Key, f.Label, f.Type, f.Required, f.OptionList, f.MaxLength, f.MinValue, f.MaxValue))];
}

public sealed class DocumentEdit
{
    /// <summary>The stored row (null for a new document): an edit keeps the row, so files already uploaded keep their document.</summary>
    [JsonIgnore]
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public bool Mandatory { get; set; } = true;
    /// <summary>Extensions separated by ','; empty for the portal's usual PDF, JPG and PNG.</summary>
    public string AcceptedTypes { get; set; } = "";
    public string? TemplateFileName { get; set; }
    /// <summary>New template bytes uploaded in the editor; never in the version's JSON (the stored row keeps them).</summary>
    [JsonIgnore]
    public byte[]? TemplateContent { get; set; }

    /// <summary>The types a document can be restricted to: the ones uploads are checked for (<see cref="Dossiers.FileRules"/>).</summary>
    public static readonly IReadOnlyList<string> KnownTypes = ["pdf", "jpg", "png"];

    public static IEnumerable<string> TypesOf(string? text) =>
        (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.TrimStart('.').ToLowerInvariant()).Select(t => t == "jpeg" ? "jpg" : t).Distinct();
}

public sealed class FieldEdit
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public FormFieldType Type { get; set; } = FormFieldType.Text;
    public bool Required { get; set; } = true;
    /// <summary>Choices separated by '|'.</summary>
    public string Options { get; set; } = "";
    public int? MaxLength { get; set; }
    public decimal? MinValue { get; set; }
    public decimal? MaxValue { get; set; }

    [JsonIgnore]
    public IReadOnlyList<string> OptionList => Options.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"Họ và tên" → "ho_va_ten", numbered when another field already has it.</summary>
    public static string KeyFrom(string label, IEnumerable<FieldEdit> fields)
    {
        var folded = VietnameseText.Fold(label);
        var key = new string([.. folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]).Trim('_');
        while (key.Contains("__"))
            key = key.Replace("__", "_");
        if (key.Length == 0 || !char.IsAsciiLetter(key[0]))
            key = "truong_" + key;
        key = key.Length > 50 ? key[..50] : key;
        var taken = fields.Select(f => f.Key).ToHashSet();
        var candidate = key;
        for (var i = 2; taken.Contains(candidate); i++)
            candidate = $"{key}_{i}";
        return candidate;
    }
}
