using FluentValidation;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Validation;

namespace HcmcPortal.Feedback;

/// <summary>What a resident sends (web page and API alike).</summary>
public sealed record FeedbackDraft
{
    public int? CategoryId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>The point picked on the map; both or neither.</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    /// <summary>The unit the resident chose; required when there is no point to find it from.</summary>
    public int? UnitId { get; init; }
    public bool AnonymousToPublic { get; init; }
    public bool PhotosPublic { get; init; }
    public IReadOnlyList<UploadedFile> Photos { get; init; } = [];
}

/// <summary>One step on a report by its unit or its reporter, with the version the actor saw.</summary>
public sealed record FeedbackCommand(Guid ReportId, Guid ExpectedVersion, FeedbackAction Action)
{
    /// <summary>The reason, the question, the answer, the reporter's information or the rating's reason.</summary>
    public string? Note { get; init; }
    public int? TargetUnitId { get; init; }
    /// <summary>For <see cref="FeedbackAction.Rate"/>.</summary>
    public bool? Satisfied { get; init; }
    /// <summary>Evidence of the result (resolve) or the reporter's extra photos (provide information).</summary>
    public IReadOnlyList<UploadedFile> Photos { get; init; } = [];
}

/// <summary>The outcome of a feedback command: field errors keyed by the draft's property names for the page and the API.</summary>
public sealed record FeedbackResult(CommandStatus Status, string? Message = null)
{
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();
    public Guid? ReportId { get; init; }
    public string? Code { get; init; }
    public Guid? Version { get; init; }
    public bool Succeeded => Status == CommandStatus.Ok;

    public static FeedbackResult NotFound() => new(CommandStatus.NotFound, UiTexts.Get("Feedback_NotFound"));
    public static FeedbackResult Invalid(string message) => new(CommandStatus.Invalid, message);
    public static FeedbackResult Fields(IReadOnlyDictionary<string, string> errors) =>
        new(CommandStatus.Invalid, errors.Count == 1 ? errors.Values.First() : UiTexts.Get("Feedback_Result_CheckFields")) { FieldErrors = errors };
    public static FeedbackResult Field(string key, string message) => Fields(new Dictionary<string, string> { [key] = message });

    public CommandResult ToCommandResult() => new(Status, Message, Version, Code);
}

/// <summary>The rules a report must meet before it is stored, for the page and the API (the service runs it).</summary>
public sealed class FeedbackDraftValidator : AbstractValidator<FeedbackDraft>
{
    public FeedbackDraftValidator()
    {
        RuleFor(x => x.CategoryId).NotNull().WithMessage(_ => UiTexts.Get("Feedback_Result_CategoryRequired"));
        RuleFor(x => x.Title).RequiredText("Feedback_Field_Title", FeedbackModel.TitleMax, "Feedback_Result_TitleRequired");
        RuleFor(x => x.Description).RequiredText("Validation.Label.Note", FeedbackModel.DescriptionMax, "Feedback_Result_DescriptionRequired", multiLine: true);
        RuleFor(x => x.Address).Text("Validation.Label.Address", TextLimits.Address);
        RuleFor(x => x.Latitude).Must((d, _) => d.Latitude.HasValue == d.Longitude.HasValue)
            .WithMessage(_ => UiTexts.Get("Feedback_Result_HalfPoint"));
        RuleFor(x => x.Address).Must((d, _) => d.Latitude.HasValue || !TextRules.IsBlank(d.Address))
            .WithMessage(_ => UiTexts.Get("Feedback_Result_PlaceRequired"));
        RuleFor(x => x.UnitId).Must((d, _) => d.Latitude.HasValue || d.UnitId.HasValue)
            .WithMessage(_ => UiTexts.Get("Feedback_Result_UnitRequired"));
        RuleFor(x => x.Photos).Must(p => p.Count <= FeedbackImages.MaxPhotos)
            .WithMessage(_ => UiTexts.Format("Feedback_Result_TooManyPhotos", FeedbackImages.MaxPhotos));
        RuleFor(x => x.Photos).Custom((files, context) =>
        {
            if (files.Select(FeedbackImages.Problem).FirstOrDefault(p => p is not null) is { } problem)
                context.AddFailure(problem);
        });
    }
}

/// <summary>The text of a step: within the timeline's note column.</summary>
public sealed class FeedbackCommandValidator : AbstractValidator<FeedbackCommand>
{
    public FeedbackCommandValidator()
    {
        RuleFor(x => x.Note).Text("Validation.Label.Note", TextLimits.Note, multiLine: true);
        RuleFor(x => x.Photos).Must(p => p.Count <= FeedbackImages.MaxPhotos).WithMessage(_ => UiTexts.Format("Feedback_Photo_TooMany", FeedbackImages.MaxPhotos));
        RuleFor(x => x.Photos).Custom((files, context) =>
        {
            if (files.Select(FeedbackImages.Problem).FirstOrDefault(p => p is not null) is { } problem)
                context.AddFailure(problem);
        });
    }
}
