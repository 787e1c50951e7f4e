using FluentValidation;
using HcmcPortal.Localization;
using HcmcPortal.Validation;

namespace HcmcPortal.Accounts;

/// <summary>A person's own details, as the registration page, the profile and the API take them.</summary>
public sealed record ProfileInput(string? FullName, string? Cccd, string? Phone);

public sealed record RegistrationInput(string? FullName, string? Cccd, string? Phone, string? Email, string? Password);

public sealed class ProfileValidator : AbstractValidator<ProfileInput>
{
    public ProfileValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName).PersonName();
        RuleFor(x => x.Cccd).CccdNumber(clock);
        RuleFor(x => x.Phone).PhoneNumber(required: true);
    }
}

/// <summary>Registration on the page and through the API: the profile's rules, an e-mail and a password (Identity checks its strength).</summary>
public sealed class RegistrationValidator : AbstractValidator<RegistrationInput>
{
    private const int MaxPasswordLength = 128;

    public RegistrationValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName).PersonName();
        RuleFor(x => x.Cccd).CccdNumber(clock);
        RuleFor(x => x.Phone).PhoneNumber(required: true);
        RuleFor(x => x.Email).Email(required: true, "Validation.Email.Required");
        // Messages as functions: read in the culture of each validation, not once when this singleton is built.
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => UiTexts.Get("Validation.Password.Required"))
            .Must(p => p is null || !p.Contains('\0')).WithMessage(_ => UiTexts.Get("Validation.Password.Nul"))
            .MaximumLength(MaxPasswordLength).WithMessage(_ => UiTexts.Format("Validation.Password.TooLong", MaxPasswordLength));
    }
}
