using System.Globalization;
using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Settings;

/// <summary>
/// The runtime settings as a configuration provider placed after appsettings and the environment: a value saved in
/// the database wins, and every <c>IOptionsMonitor</c> reader sees it on its next read, without a restart.
/// </summary>
public sealed class DatabaseSettingsProvider : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Replace(IDictionary<string, string?> values)
    {
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}

/// <summary>The configuration keys an administrator edits; each overlays the appsettings key of the same name.</summary>
public static class SettingKeys
{
    public const string UploadMaxMegabytes = "Uploads:MaxMegabytes";
    public const string UploadTypes = "Uploads:AllowedTypes";
    public const string SmtpHost = "Email:Smtp:Host";
    public const string SmtpPort = "Email:Smtp:Port";
    public const string SmtpSsl = "Email:Smtp:EnableSsl";
    public const string SmtpUser = "Email:Smtp:User";
    public const string SmtpPassword = "Email:Smtp:Password";
    public const string SmtpFrom = "Email:Smtp:From";
    public const string PublicBaseUrl = "Portal:PublicBaseUrl";
    public const string DemoBanner = "Portal:DemoBanner";
    public const string LookupPerClient = "RateLimits:Lookup:PerClient";
    public const string LookupPerAccount = "RateLimits:Lookup:PerAccount";
    public const string LookupWindow = "RateLimits:Lookup:WindowSeconds";
    public const string SubmissionPerClient = "RateLimits:Submission:PerClient";
    public const string SubmissionPerAccount = "RateLimits:Submission:PerAccount";
    public const string SubmissionWindow = "RateLimits:Submission:WindowSeconds";

    /// <summary>Stored protected (Data Protection) and never sent back to a browser.</summary>
    public static bool IsSecret(string key) => key == SmtpPassword;
}

/// <summary>The settings form: one command, checked by <see cref="SettingsInputValidator"/> for the page and any endpoint.</summary>
public sealed class SettingsInput
{
    public int UploadMaxMegabytes { get; set; }
    public bool AllowPdf { get; set; }
    public bool AllowJpg { get; set; }
    public bool AllowPng { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; }
    public bool SmtpSsl { get; set; }
    public string? SmtpUser { get; set; }
    /// <summary>Write-only: empty keeps the stored password; never filled from the server.</summary>
    public string? SmtpNewPassword { get; set; }
    public bool SmtpClearPassword { get; set; }
    public string? SmtpFrom { get; set; }
    public string? PublicBaseUrl { get; set; }
    public string? DemoBanner { get; set; }
    public int LookupPerClient { get; set; }
    public int LookupPerAccount { get; set; }
    public int LookupWindowSeconds { get; set; }
    public int SubmissionPerClient { get; set; }
    public int SubmissionPerAccount { get; set; }
    public int SubmissionWindowSeconds { get; set; }
    /// <summary>The stored settings as the form was filled from them (<see cref="PortalSettings.RevisionOf"/>): a save made since wins.</summary>
    public string? Revision { get; set; }

    public string UploadTypes => string.Join(",", new[] { (AllowPdf, "pdf"), (AllowJpg, "jpg"), (AllowPng, "png") }.Where(t => t.Item1).Select(t => t.Item2));

    /// <summary>The stored form of every setting but the password (handled apart, write-only).</summary>
    public IReadOnlyDictionary<string, string?> ToValues() => new Dictionary<string, string?>
    {
        [SettingKeys.UploadMaxMegabytes] = Invariant(UploadMaxMegabytes),
        [SettingKeys.UploadTypes] = UploadTypes,
        [SettingKeys.SmtpHost] = TextRules.NormalizeOptional(SmtpHost)?.Trim() ?? "",
        [SettingKeys.SmtpPort] = Invariant(SmtpPort),
        [SettingKeys.SmtpSsl] = SmtpSsl ? "true" : "false",
        [SettingKeys.SmtpUser] = TextRules.NormalizeOptional(SmtpUser)?.Trim() ?? "",
        [SettingKeys.SmtpFrom] = TextRules.Normalize(SmtpFrom)?.Trim() ?? "",
        [SettingKeys.PublicBaseUrl] = TextRules.Normalize(PublicBaseUrl)?.Trim().TrimEnd('/') ?? "",
        [SettingKeys.DemoBanner] = TextRules.NormalizeOptional(DemoBanner)?.Trim() ?? "",
        [SettingKeys.LookupPerClient] = Invariant(LookupPerClient),
        [SettingKeys.LookupPerAccount] = Invariant(LookupPerAccount),
        [SettingKeys.LookupWindow] = Invariant(LookupWindowSeconds),
        [SettingKeys.SubmissionPerClient] = Invariant(SubmissionPerClient),
        [SettingKeys.SubmissionPerAccount] = Invariant(SubmissionPerAccount),
        [SettingKeys.SubmissionWindow] = Invariant(SubmissionWindowSeconds),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
{
    public const int MaxBudget = 100_000;
    public const int MaxWindowSeconds = 86_400;

    public SettingsInputValidator()
    {
        RuleFor(x => x.UploadMaxMegabytes).InclusiveBetween(1, UploadOptions.MaxMegabytesCeiling)
            .WithMessage(_ => UiTexts.Format("Admin_Settings.Result.UploadMax", UploadOptions.MaxMegabytesCeiling));
        RuleFor(x => x.UploadTypes).NotEmpty().WithName(nameof(SettingsInput.AllowPdf)).OverridePropertyName(nameof(SettingsInput.AllowPdf))
            .WithMessage(_ => UiTexts.Get("Admin_Settings.Result.UploadTypes"));
        RuleFor(x => x.SmtpHost).Must(BeAHostName).WithMessage(_ => UiTexts.Get("Admin_Settings.Result.SmtpHost"));
        RuleFor(x => x.SmtpPort).InclusiveBetween(1, 65535).WithMessage(_ => UiTexts.Get("Admin_Settings.Result.SmtpPort"));
        RuleFor(x => x.SmtpUser).Text("Admin_Settings.Label.SmtpUser", 200);
        RuleFor(x => x.SmtpNewPassword).MaximumLength(500).WithMessage(_ => UiTexts.Get("Admin_Settings.Result.SmtpPassword"));
        RuleFor(x => x.SmtpFrom).Email(required: true, "Admin_Settings.Result.SmtpFromRequired");
        RuleFor(x => x.PublicBaseUrl).Must(BeABaseUrl).WithMessage(_ => UiTexts.Get("Admin_Settings.Result.PublicBaseUrl"));
        RuleFor(x => x.DemoBanner).Text("Admin_Settings.Label.DemoBanner", 300);
        Budget(x => x.LookupPerClient, "Admin_Settings.LookupPerClient");
        Budget(x => x.LookupPerAccount, "Admin_Settings.LookupPerAccount");
        Window(x => x.LookupWindowSeconds, "Admin_Settings.Label.LookupWindow");
        Budget(x => x.SubmissionPerClient, "Admin_Settings.SubmissionPerClient");
        Budget(x => x.SubmissionPerAccount, "Admin_Settings.SubmissionPerAccount");
        Window(x => x.SubmissionWindowSeconds, "Admin_Settings.Label.SubmissionWindow");
    }

    /// <summary><paramref name="labelKey"/> names the budget (a UiText key).</summary>
    private void Budget(System.Linq.Expressions.Expression<Func<SettingsInput, int>> field, string labelKey) =>
        RuleFor(field).InclusiveBetween(1, MaxBudget).WithMessage(_ => UiTexts.Format("Admin_Settings.Result.BudgetRange", UiTexts.Get(labelKey), Grouped(MaxBudget)));

    private void Window(System.Linq.Expressions.Expression<Func<SettingsInput, int>> field, string labelKey) =>
        RuleFor(field).InclusiveBetween(1, MaxWindowSeconds).WithMessage(_ => UiTexts.Format("Admin_Settings.Result.WindowRange", UiTexts.Get(labelKey), Grouped(MaxWindowSeconds)));

    /// <summary>"100.000" in Vietnamese, "100,000" in English.</summary>
    private static string Grouped(int number)
    {
        var text = number.ToString("N0", CultureInfo.InvariantCulture);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? text : text.Replace(',', '.');
    }

    private static bool BeAHostName(string? host) =>
        string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim()) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;

    public static bool BeABaseUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}

/// <summary>
/// Runtime settings: read from the configuration (appsettings overlaid by the database), saved by administrators,
/// audited (the save goes through <see cref="AdminAuditTrail"/>), secrets protected at rest.
/// </summary>
/// <remarks>
/// Several instances: <see cref="SettingsChangedAsync"/> is the one hook that makes this instance re-read the
/// settings; a save calls it here and raises <see cref="Saved"/>, on which a backplane can tell the other instances
/// to call it too.
/// </remarks>
public sealed class PortalSettings(
    IDbContextFactory<AppDbContext> dbFactory,
    IConfiguration configuration,
    IDataProtectionProvider protection,
    IValidator<SettingsInput> validator,
    ILogger<PortalSettings> log)
{
    private readonly DatabaseSettingsProvider provider = new();
    private readonly IDataProtector protector = protection.CreateProtector("HcmcPortal.Settings.v1");
    private bool attached;
    private string revision = RevisionOf([]);

    /// <summary>Raised after this instance saved settings (for a cross-instance message).</summary>
    public event Func<CancellationToken, Task>? Saved;

    /// <summary>Puts the database settings over the app's configuration; called once at start, after the migrations.</summary>
    public async Task AttachAsync(CancellationToken ct = default)
    {
        if (!attached && configuration is IConfigurationBuilder builder)
        {
            builder.Add(provider);
            attached = true;
        }
        await SettingsChangedAsync(ct);
    }

    /// <summary>The settings in the database changed (here or on another instance): re-read them now.</summary>
    public async Task SettingsChangedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Settings.AsNoTracking().ToListAsync(ct);
        var values = new Dictionary<string, string?>();
        foreach (var row in rows)
        {
            try
            {
                values[row.Key] = row.IsSecret && !string.IsNullOrEmpty(row.Value) ? protector.Unprotect(row.Value) : row.Value;
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                // A secret protected with keys this instance lacks is left to appsettings rather than stop the portal.
                log.LogError(ex, "The stored setting {Key} cannot be unprotected; appsettings' value is used", row.Key);
            }
        }
        provider.Replace(values);
        revision = RevisionOf(rows);
    }

    /// <summary>Every save stamps the rows it writes, so the latest stamp and the number of rows name the stored settings.</summary>
    public static string RevisionOf(IReadOnlyCollection<PortalSetting> rows) =>
        rows.Count == 0 ? "0" : $"{rows.Count}-{rows.Max(r => r.UpdatedAt).Ticks}";

    /// <summary>The values in force, for the form (the password only as "set" or not).</summary>
    public (SettingsInput Input, bool PasswordSet) Current()
    {
        var c = configuration;
        var uploads = c.GetSection(UploadOptions.Section).Get<UploadOptions>() ?? new UploadOptions();
        var limits = c.GetSection(Operations.RateLimitOptions.Section).Get<Operations.RateLimitOptions>() ?? new Operations.RateLimitOptions();
        var smtp = c.GetSection("Email:Smtp").Get<Notifications.SmtpOptions>() ?? new Notifications.SmtpOptions();
        var portal = c.GetSection(Operations.PortalOptions.Section).Get<Operations.PortalOptions>() ?? new Operations.PortalOptions();
        var types = uploads.Types;
        return (new SettingsInput
        {
            UploadMaxMegabytes = uploads.MaxMegabytes,
            AllowPdf = types.Contains("pdf"), AllowJpg = types.Contains("jpg"), AllowPng = types.Contains("png"),
            SmtpHost = smtp.Host, SmtpPort = smtp.Port, SmtpSsl = smtp.EnableSsl, SmtpUser = smtp.User, SmtpFrom = smtp.From,
            PublicBaseUrl = portal.PublicBaseUrl, DemoBanner = portal.DemoBanner,
            LookupPerClient = limits.Lookup.PerClient, LookupPerAccount = limits.Lookup.PerAccount, LookupWindowSeconds = limits.Lookup.WindowSeconds,
            SubmissionPerClient = limits.Submission.PerClient, SubmissionPerAccount = limits.Submission.PerAccount,
            SubmissionWindowSeconds = limits.Submission.WindowSeconds,
            Revision = revision,
        }, !string.IsNullOrEmpty(smtp.Password));
    }

    /// <summary>Saves what changed; errors by field in the reader's language (nothing saved) or an empty dictionary.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> SaveAsync(Actor actor, SettingsInput input, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Domain.Roles.Admin))
            return new Dictionary<string, string[]> { [""] = [UiTexts.Get("Admin_Settings.Result.AdminsOnly")] };
        var check = await validator.ValidateAsync(input, ct);
        if (!check.IsValid)
            return check.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

        var wanted = input.ToValues().ToDictionary(p => p.Key, p => p.Value);
        if (input.SmtpClearPassword)
            wanted[SettingKeys.SmtpPassword] = "";
        else if (!string.IsNullOrEmpty(input.SmtpNewPassword))
            wanted[SettingKeys.SmtpPassword] = input.SmtpNewPassword;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var stored = await db.Settings.ToDictionaryAsync(s => s.Key, ct);
        // Another administrator saved since this form was filled: their values stand, and this form (kept on screen) is refused.
        if (input.Revision is not null && input.Revision != RevisionOf(stored.Values))
            return new Dictionary<string, string[]>
            {
                [""] = [UiTexts.Format("Admin_Settings.Result.Conflict", await AdminAuditTrail.LastChangeAsync(db, nameof(PortalSetting), null, ct))],
            };
        foreach (var (key, value) in wanted)
        {
            var secret = SettingKeys.IsSecret(key);
            // Only what differs from the value in force is written: the trail shows real changes.
            if (!secret && configuration[key] == value)
                continue;
            var storedValue = secret && !string.IsNullOrEmpty(value) ? protector.Protect(value) : value;
            if (stored.TryGetValue(key, out var row))
                row.Value = storedValue;
            else
                db.Settings.Add(new PortalSetting { Key = key, Value = storedValue, IsSecret = secret });
        }
        await db.SaveChangesAsync(ct);
        await SettingsChangedAsync(ct);
        // The form now shows what is stored: saved again, it is no stale copy.
        input.Revision = revision;
        if (Saved is { } saved)
            await saved(ct);
        return new Dictionary<string, string[]>();
    }
}

/// <summary>A unit's agency code (mã định danh, Circular 10/2016/TT-BTTTT), the prefix of the dossier codes it issues.</summary>
/// <summary>A unit's new agency code; <paramref name="Previous"/> is the code the form showed (a change saved since wins).</summary>
public sealed record AgencyCodeInput(int UnitId, string? AgencyCode, string? Previous = null);

public sealed partial class AgencyCodeInputValidator : AbstractValidator<AgencyCodeInput>
{
    public AgencyCodeInputValidator() =>
        RuleFor(x => x.AgencyCode).Must(c => c is not null && Shape().IsMatch(c.Trim()))
            .WithMessage(_ => UiTexts.Get("Admin_Settings.Result.AgencyCodeFormat"));

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex Shape();
}

public sealed record AgencyCodeRow(int UnitId, string UnitCode, string UnitName, string AgencyCode);

/// <summary>
/// The agency codes used in dossier codes are the units' own column: an administrator replaces the portal's numbering
/// with the official codes. Dossier codes already issued keep the code they were given.
/// </summary>
public sealed class AgencyCodeService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IValidator<AgencyCodeInput> validator)
{
    /// <summary>The units that exist today, searched by name or code, one page.</summary>
    public async Task<(IReadOnlyList<AgencyCodeRow> Rows, int Total)> SearchAsync(string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Domain.VietnamTime.Today(clock);
        var units = db.Units.AsNoTracking().Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            units = units.Where(u => u.Name.Contains(s) || u.Code.StartsWith(s) || u.AgencyCode.StartsWith(s));
        }
        var total = await units.CountAsync(ct);
        var rows = await units.OrderBy(u => u.Level).ThenBy(u => u.Code).Skip(page * pageSize).Take(pageSize)
            .Select(u => new AgencyCodeRow(u.Id, u.Code, u.Name, u.AgencyCode)).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Changes one unit's agency code; an error in the reader's language (nothing saved) or null.</summary>
    public async Task<string?> SetAsync(Actor actor, AgencyCodeInput input, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Domain.Roles.Admin))
            return UiTexts.Get("Admin_Settings.Result.AgencyCodeAdminsOnly");
        if ((await validator.ValidateAsync(input, ct)).Errors.FirstOrDefault() is { } error)
            return error.ErrorMessage;
        var code = input.AgencyCode!.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
        if (unit is null)
            return UiTexts.Get("Admin_Settings.Result.UnitNotFound");
        if (input.Previous is not null && input.Previous != unit.AgencyCode)
            return UiTexts.Format("Admin_Settings.Result.AgencyCodeConflict", unit.Name, await AdminAuditTrail.LastChangeAsync(db, nameof(AdministrativeUnit), [unit.Code], ct), unit.AgencyCode);
        if (await db.Units.AnyAsync(u => u.AgencyCode == code && u.Id != unit.Id, ct))
            return UiTexts.Format("Admin_Settings.Result.AgencyCodeTaken", code);
        unit.AgencyCode = code;
        await db.SaveChangesAsync(ct);
        return null;
    }
}

public static class SettingsFeature
{
    public static IServiceCollection AddPortalSettings(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<UploadOptions>(config.GetSection(UploadOptions.Section));
        services.AddSingleton<FileRules>();
        services.AddSingleton<PortalSettings>();
        services.AddSingleton<AgencyCodeService>();
        return services;
    }
}
