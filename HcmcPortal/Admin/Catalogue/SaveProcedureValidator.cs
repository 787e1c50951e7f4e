using System.Text.RegularExpressions;
using FluentValidation;
using HcmcPortal.Data;
using HcmcPortal.Domain;
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

/// <summary>The catalogue's rules for a procedure, each with a Vietnamese message naming the field, document, field or step.</summary>
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
            .NotEmpty().WithMessage("Vui lòng nhập mã thủ tục.")
            .Must(c => CodePattern().IsMatch(c)).WithMessage("Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự), ví dụ 1.001193.");
        RuleFor(x => x.Definition.Code).Must((x, _) => !x.CodeTaken)
            .WithMessage(x => $"Mã thủ tục {x.Definition.Code} đã được dùng cho thủ tục khác.");
        RuleFor(x => x.Definition.Name).RequiredText("Tên thủ tục", 400, "Vui lòng nhập tên thủ tục.");
        RuleFor(x => x.Definition.Field).RequiredText("Lĩnh vực", 100, "Vui lòng nhập lĩnh vực.");
        RuleFor(x => x.Definition.Description).Text("Mô tả", TextLimits.Note, multiLine: true);
        RuleFor(x => x.Definition.HandlingAgency).Text("Cơ quan giải quyết", 200);
        RuleFor(x => x.Definition.Level).IsInEnum().WithMessage("Cấp thực hiện không hợp lệ.");
        RuleForEach(x => x.Definition.ReceivingUnitCodes)
            .Must((x, code) => x.ReceptionCentreCodes.Contains(code))
            .WithMessage((x, code) => $"Đơn vị tiếp nhận «{code}» không tồn tại hoặc không tiếp nhận hồ sơ của thủ tục cấp này.");
        RuleFor(x => x.Definition.TimeLimitUnit).IsInEnum().WithMessage("Loại thời hạn giải quyết không hợp lệ.");
        RuleFor(x => x.Definition.TimeLimitValue)
            .Must((x, v) => x.Definition.TimeLimitUnit == TimeLimitUnit.SameWorkingDay ? v >= 0 : v > 0)
            .WithMessage("Thời hạn giải quyết phải lớn hơn 0 (trừ loại «trong ngày làm việc»).")
            .LessThanOrEqualTo(3650).WithMessage("Thời hạn giải quyết quá lớn.");
        RuleFor(x => x.Definition.FeeVnd).GreaterThanOrEqualTo(0).WithMessage("Lệ phí không được âm.")
            .LessThanOrEqualTo(1_000_000_000_000).WithMessage("Lệ phí quá lớn.");

        // Decree 42/2022/NĐ-CP: a fully online service is one the citizen completes online — it needs the online form
        // and the papers to upload.
        RuleFor(x => x.Definition.Documents).Must((x, docs) => !x.Definition.FullyOnline || docs.Count > 0)
            .WithMessage("Thủ tục trực tuyến toàn trình phải có ít nhất một giấy tờ trong thành phần hồ sơ.");
        RuleFor(x => x.Definition.Fields).Must((x, fields) => !x.Definition.FullyOnline || fields.Count > 0)
            .WithMessage("Thủ tục trực tuyến toàn trình phải có biểu mẫu trực tuyến (ít nhất một trường).");

        RuleForEach(x => x.Definition.Documents).Custom((d, context) =>
        {
            var at = $"Giấy tờ {Index(context) + 1}";
            if (TextRules.IsBlank(d.Name))
                context.AddFailure("Name", $"{at}: vui lòng nhập tên giấy tờ.");
            else if (TextRules.Problem(d.Name, $"{at}: tên giấy tờ", 400) is { } problem)
                context.AddFailure("Name", problem);
            foreach (var type in DocumentEdit.TypesOf(d.AcceptedTypes).Where(t => !DocumentEdit.KnownTypes.Contains(t)))
                context.AddFailure("AcceptedTypes", $"{at}: loại tệp «{type}» không được hỗ trợ (chỉ pdf, jpg, png).");
            if (d.TemplateContent is { Length: > MaxTemplateBytes })
                context.AddFailure("TemplateFileName", $"{at}: tệp mẫu vượt quá {MaxTemplateBytes / 1024 / 1024} MB.");
        });

        RuleForEach(x => x.Definition.Fields).Custom((f, context) =>
        {
            var fields = ((SaveProcedureCommand)context.InstanceToValidate).Definition.Fields;
            var i = Index(context);
            var at = $"Trường {i + 1}" + (TextRules.IsBlank(f.Label) ? "" : $" «{f.Label}»");
            if (TextRules.IsBlank(f.Label))
                context.AddFailure("Label", $"{at}: vui lòng nhập nhãn của trường.");
            else if (TextRules.Problem(f.Label, $"{at}: nhãn", 200) is { } problem)
                context.AddFailure("Label", problem);
            if (!KeyPattern().IsMatch(f.Key))
                context.AddFailure("Key", $"{at}: mã trường chỉ gồm chữ cái không dấu, số và dấu gạch dưới, bắt đầu bằng chữ cái.");
            else if (fields.Take(i).Any(other => other.Key == f.Key))
                context.AddFailure("Key", $"{at}: mã trường «{f.Key}» bị trùng với trường khác.");
            if (!Enum.IsDefined(f.Type))
                context.AddFailure("Type", $"{at}: kiểu trường không hợp lệ.");
            if (f.Type == FormFieldType.Choice && f.OptionList.Count == 0)
                context.AddFailure("Options", $"{at}: trường lựa chọn phải có ít nhất một lựa chọn.");
            if (f.Type != FormFieldType.Choice && f.OptionList.Count > 0)
                context.AddFailure("Options", $"{at}: chỉ trường lựa chọn mới có danh sách lựa chọn.");
            if (f.Options.Length > 1000)
                context.AddFailure("Options", $"{at}: danh sách lựa chọn dài quá 1000 ký tự.");
            if (f.MaxLength is int max && (f.Type != FormFieldType.Text || max < 1 || max > TextLimits.FormAnswer))
                context.AddFailure("MaxLength", $"{at}: độ dài tối đa chỉ dùng cho trường văn bản, từ 1 đến {TextLimits.FormAnswer} ký tự.");
            if ((f.MinValue is not null || f.MaxValue is not null) && f.Type != FormFieldType.Number)
                context.AddFailure("MinValue", $"{at}: giá trị nhỏ nhất, lớn nhất chỉ dùng cho trường số.");
            if (f.MinValue > f.MaxValue)
                context.AddFailure("MinValue", $"{at}: giá trị nhỏ nhất lớn hơn giá trị lớn nhất.");
        });

        RuleFor(x => x.Definition.Steps).NotEmpty().WithMessage("Quy trình phải có ít nhất một bước.");
        RuleForEach(x => x.Definition.Steps).Custom((s, context) =>
        {
            var at = $"Bước {Index(context) + 1}";
            if (TextRules.IsBlank(s.Name))
                context.AddFailure("Name", $"{at}: vui lòng nhập tên bước.");
            else if (TextRules.Problem(s.Name, $"{at}: tên bước", 200) is { } problem)
                context.AddFailure("Name", problem);
            if (!AdminCatalog.StepRoles.Contains(s.Role))
                context.AddFailure("Role", $"{at}: vai trò «{s.Role}» không hợp lệ.");
            if (s.SharePercent is < 0 or > 100)
                context.AddFailure("SharePercent", $"{at}: tỷ lệ thời gian phải từ 0 đến 100%.");
        });
        RuleFor(x => x.Definition.Steps).Must(steps => steps.Sum(s => s.SharePercent) <= 100)
            .WithMessage(x => $"Các bước của quy trình chiếm {x.Definition.Steps.Sum(s => s.SharePercent)}% thời hạn giải quyết, vượt quá thời hạn (tổng phải bằng 100%).")
            .Must(steps => steps.Count == 0 || steps.Sum(s => s.SharePercent) >= 100)
            .WithMessage(x => $"Tổng tỷ lệ thời gian các bước phải bằng 100% (hiện là {x.Definition.Steps.Sum(s => s.SharePercent)}%).");
    }

    /// <summary>The position of the collection element being validated (RuleForEach keeps it in the context).</summary>
    private static int Index(ValidationContext<SaveProcedureCommand> context) =>
        context.MessageFormatter.PlaceholderValues.TryGetValue("CollectionIndex", out var i) && i is int index ? index : 0;
}
