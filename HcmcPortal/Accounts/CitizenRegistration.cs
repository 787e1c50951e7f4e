using System.Text;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Accounts;

/// <summary>
/// The password-reset mail, for the page and for registration alike. Its link is built from <c>Portal:PublicBaseUrl</c>,
/// never from the request's Host header, which whoever sends the request controls.
/// </summary>
public sealed class PasswordResetMail(UserManager<AppUser> users, IEmailSender<AppUser> mail, IOptionsMonitor<PortalOptions> portal)
{
    public async Task SendAsync(AppUser user)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = portal.CurrentValue.LinkTo($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        await mail.SendPasswordResetLinkAsync(user, user.Email!, link);
    }
}

/// <summary>
/// Citizen registration, for the page and the API. It never tells whether an e-mail address is taken: for a taken
/// address it answers exactly as for a new account (same password checks, same hashing cost) and mails the owner a
/// password-reset link instead, so the owner learns of the attempt and a forgetful owner gets back in.
/// </summary>
public sealed class CitizenRegistration(UserManager<AppUser> users, PasswordResetMail resetMail)
{
    public async Task<IdentityResult> RegisterAsync(AppUser user, string password)
    {
        var owner = await users.FindByEmailAsync(user.Email!);
        if (owner is null)
        {
            var created = await users.CreateCitizenAsync(user, password);
            // A duplicate created meanwhile by a parallel request is answered like any taken address.
            if (created.Succeeded || !created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return created;
            owner = await users.FindByEmailAsync(user.Email!);
            if (owner is null)
                return created;
        }
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        if (errors.Count > 0)
            return IdentityResult.Failed([.. errors]);
        _ = users.PasswordHasher.HashPassword(user, password);
        await resetMail.SendAsync(owner);
        return IdentityResult.Success;
    }
}
