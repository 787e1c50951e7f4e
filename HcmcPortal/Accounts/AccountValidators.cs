using FluentValidation;
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
    public RegistrationValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName).PersonName();
        RuleFor(x => x.Cccd).CccdNumber(clock);
        RuleFor(x => x.Phone).PhoneNumber(required: true);
        RuleFor(x => x.Email).Email(required: true, "Vui lòng nhập thư điện tử.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Vui lòng nhập mật khẩu.")
            .Must(p => p is null || !p.Contains('\0')).WithMessage("Mật khẩu chứa ký tự không hợp lệ (NUL).")
            .MaximumLength(128).WithMessage("Mật khẩu tối đa 128 ký tự.");
    }
}
