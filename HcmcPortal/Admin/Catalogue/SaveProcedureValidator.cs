using System.Text.RegularExpressions;
using FluentValidation;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Localization;
using HcmcPortal.Validation;

namespace HcmcPortal.Admin.Catalogue;

/// <summary>
/// Create or edit a procedure (page, workbook import). The facts that need the database are looked up by
/// <see cref="ProcedureEditor"/> before validation and travel with the command, so that the rules stay in this one place.
/// </summary>
public sealed record SaveProcedureCommand(int? ProcedureId, Guid? ExpectedVersion, ProcedureDefinition Definition)
{
    /// <summary>Another procedure (or another row of the same workbook) already has this code.</summary>
    public bool CodeTaken { get; init; }
    /// <summary>Codes of the units that can receive dossiers of the definition's level today.</summary>
    public IReadOnlySet<string> ReceptionCentreCodes { get; init; } = new HashSet<string>();
}

/// <summary>The catalogue's rules for a procedure, each with a message in the reader's language naming the field, document, field or step.</summary>
public sealed partial class SaveProcedureValidator : AbstractValidator<SaveProcedureCommand>
{
    public const int MaxTemplateBytes = 5 * 1024 * 1024;

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z.\\-_]{0,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,59}$")]
    private static partial Regex KeyPattern();

    public SaveProcedureValidator()
    {
        RuleFor(x => x.Definition.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.CodeRequired"))
            .Must(c => CodePattern().IsMatch(c)).WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.CodeFormat"));
        RuleFor(x => x.Definition.Code).Must((x, _) => !x.CodeTaken)
            .WithMessage(x => UiTexts.Format("Admin_Catalogue.Result.CodeTaken", x.Definition.Code));
        RuleFor(x => x.Definition.Name).RequiredText("Admin_Catalogue.Label.Name", 400, "Admin_Catalogue.Result.NameRequired");
        RuleFor(x => x.Definition.Field).RequiredText("Admin_Catalogue.Label.Field", 100, "Admin_Catalogue.Result.FieldRequired");
        RuleFor(x => x.Definition.Description).Text("Admin_Catalogue.Label.Description", TextLimits.Note, multiLine: true);
        RuleFor(x => x.Definition.HandlingAgency).Text("Admin_Catalogue.Label.HandlingAgency", 200);
        RuleFor(x => x.Definition.Level).IsInEnum().WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.LevelInvalid"));
        RuleForEach(x => x.Definition.ReceivingUnitCodes)
            .Must((x, code) => x.ReceptionCentreCodes.Contains(code))
            .WithMessage((_, code) => UiTexts.Format("Admin_Catalogue.Result.ReceivingUnitInvalid", code));
        RuleFor(x => x.Definition.TimeLimitUnit).IsInEnum().WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.TimeLimitUnitInvalid"));
        RuleFor(x => x.Definition.TimeLimitValue)
            .Must((x, v) => x.Definition.TimeLimitUnit == TimeLimitUnit.SameWorkingDay ? v >= 0 : v > 0)
            .WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.TimeLimitPositive"))
            .LessThanOrEqualTo(3650).WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.TimeLimitTooLarge"));
        RuleFor(x => x.Definition.FeeVnd).GreaterThanOrEqualTo(0).WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.FeeNegative"))
            .LessThanOrEqualTo(1_000_000_000_000).WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.FeeTooLarge"));

        // Decree 42/2022/NĐ-CP: a fully online service is one the citizen completes online — it needs the online form
        // and the papers to upload.
        RuleFor(x => x.Definition.Documents).Must((x, docs) => !x.Definition.FullyOnline || docs.Count > 0)
            .WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.OnlineNeedsDocument"));
        RuleFor(x => x.Definition.Fields).Must((x, fields) => !x.Definition.FullyOnline || fields.Count > 0)
            .WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.OnlineNeedsForm"));

        RuleForEach(x => x.Definition.Documents).Custom((d, context) =>
        {
            var at = UiTexts.Format("Admin_Catalogue.Label.Document", Index(context) + 1);
            if (TextRules.IsBlank(d.Name))
                context.AddFailure("Name", UiTexts.Format("Admin_Catalogue.Result.DocumentNameRequired", at));
            else if (TextRules.Problem(d.Name, UiTexts.Format("Admin_Catalogue.Label.DocumentName", at), 400) is { } problem)
                context.AddFailure("Name", problem);
            foreach (var type in DocumentEdit.TypesOf(d.AcceptedTypes).Where(t => !DocumentEdit.KnownTypes.Contains(t)))
                context.AddFailure("AcceptedTypes", UiTexts.Format("Admin_Catalogue.Result.DocumentTypeUnknown", at, type));
            if (d.TemplateContent is { Length: > MaxTemplateBytes })
                context.AddFailure("TemplateFileName", UiTexts.Format("Admin_Catalogue.Result.TemplateTooLarge", at, MaxTemplateBytes / 1024 / 1024));
        });

        RuleForEach(x => x.Definition.Fields).Custom((f, context) =>
        {
            var fields = ((SaveProcedureCommand)context.InstanceToValidate).Definition.Fields;
            var i = Index(context);
            var at = TextRules.IsBlank(f.Label) ? UiTexts.Format("Admin_Catalogue.Label.FormField", i + 1) : UiTexts.Format("Admin_Catalogue.Label.FormFieldNamed", i + 1, f.Label);
            if (TextRules.IsBlank(f.Label))
                context.AddFailure("Label", UiTexts.Format("Admin_Catalogue.Result.FieldLabelRequired", at));
            else if (TextRules.Problem(f.Label, UiTexts.Format("Admin_Catalogue.Label.FieldLabel", at), 200) is { } problem)
                context.AddFailure("Label", problem);
            if (!KeyPattern().IsMatch(f.Key))
                context.AddFailure("Key", UiTexts.Format("Admin_Catalogue.Result.FieldKeyFormat", at));
            else if (fields.Take(i).Any(other => other.Key == f.Key))
                context.AddFailure("Key", UiTexts.Format("Admin_Catalogue.Result.FieldKeyTaken", at, f.Key));
            if (!Enum.IsDefined(f.Type))
                context.AddFailure("Type", UiTexts.Format("Admin_Catalogue.Result.FieldTypeInvalid", at));
            if (f.Type == FormFieldType.Choice && f.OptionList.Count == 0)
                context.AddFailure("Options", UiTexts.Format("Admin_Catalogue.Result.ChoiceNeedsOptions", at));
            if (f.Type != FormFieldType.Choice && f.OptionList.Count > 0)
                context.AddFailure("Options", UiTexts.Format("Admin_Catalogue.Result.OptionsOnlyForChoice", at));
            if (f.Options.Length > 1000)
                context.AddFailure("Options", UiTexts.Format("Admin_Catalogue.Result.OptionsTooLong", at));
            if (f.MaxLength is int max && (f.Type != FormFieldType.Text || max < 1 || max > TextLimits.FormAnswer))
                context.AddFailure("MaxLength", UiTexts.Format("Admin_Catalogue.Result.MaxLengthInvalid", at, TextLimits.FormAnswer));
            if ((f.MinValue is not null || f.MaxValue is not null) && f.Type != FormFieldType.Number)
                context.AddFailure("MinValue", UiTexts.Format("Admin_Catalogue.Result.RangeOnlyForNumbers", at));
            if (f.MinValue > f.MaxValue)
                context.AddFailure("MinValue", UiTexts.Format("Admin_Catalogue.Result.RangeInverted", at));
        });

        RuleFor(x => x.Definition.Steps).NotEmpty().WithMessage(_ => UiTexts.Get("Admin_Catalogue.Result.StepsRequired"));
        RuleForEach(x => x.Definition.Steps).Custom((s, context) =>
        {
            var at = UiTexts.Format("Admin_Catalogue.Label.Step", Index(context) + 1);
            if (TextRules.IsBlank(s.Name))
                context.AddFailure("Name", UiTexts.Format("Admin_Catalogue.Result.StepNameRequired", at));
            else if (TextRules.Problem(s.Name, UiTexts.Format("Admin_Catalogue.Label.StepName", at), 200) is { } problem)
                context.AddFailure("Name", problem);
            if (!AdminCatalog.StepRoles.Contains(s.Role))
                context.AddFailure("Role", UiTexts.Format("Admin_Catalogue.Result.StepRoleInvalid", at, s.Role));
            if (s.SharePercent is < 0 or > 100)
                context.AddFailure("SharePercent", UiTexts.Format("Admin_Catalogue.Result.StepShareRange", at));
        });
        RuleFor(x => x.Definition.Steps).Must(steps => steps.Sum(s => s.SharePercent) <= 100)
            .WithMessage(x => UiTexts.Format("Admin_Catalogue.Result.StepsOverTime", x.Definition.Steps.Sum(s => s.SharePercent)))
            .Must(steps => steps.Count == 0 || steps.Sum(s => s.SharePercent) >= 100)
            .WithMessage(x => UiTexts.Format("Admin_Catalogue.Result.StepsTotal", x.Definition.Steps.Sum(s => s.SharePercent)));
    }

    /// <summary>The position of the collection element being validated (RuleForEach keeps it in the context).</summary>
    private static int Index(ValidationContext<SaveProcedureCommand> context) =>
        context.MessageFormatter.PlaceholderValues.TryGetValue("CollectionIndex", out var i) && i is int index ? index : 0;
}
