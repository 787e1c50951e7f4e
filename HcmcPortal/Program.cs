using HcmcPortal.Accounts;
using HcmcPortal.Admin;
using HcmcPortal.Admin.Settings;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Api;
using HcmcPortal.Calendar;
using HcmcPortal.Citizen;
using HcmcPortal.Officer;
using HcmcPortal.Reports;
using HcmcPortal.Dossiers;
using HcmcPortal.Feedback;
using HcmcPortal.FeedbackReports;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Live;
using HcmcPortal.Localization;
using HcmcPortal.Notifications;
using HcmcPortal.Operations;
using HcmcPortal.Privacy;
using HcmcPortal.Shell;
using HcmcPortal.Validation;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);
if (DatabaseBackup.IsCommand(args))
{
    // `backup --to PATH`: a consistent online copy of the database, then exit (docs/operations-backup.md).
    return await DatabaseBackup.RunAsync(args, builder.Configuration, builder.Environment.ContentRootPath);
}
if (HcmcPortal.Scale.ScaleCommands.IsCommand(args))
    HcmcPortal.Scale.ScaleCommands.Configure(builder.Configuration, args);
// Package static assets (MudBlazor's) are served from the build output even outside Development.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(o =>
{
    o.AddServerHeader = false;
    o.Limits.MaxRequestLineSize = RequestLimits.KestrelMaxRequestLine;
});

builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(new CompactJsonFormatter()));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalAccounts();
builder.Services.AddPortalApi();
builder.Services.AddHttpHardening(builder.Configuration);
builder.Services.AddPortalRateLimits(builder.Configuration);
builder.Services.AddPortalValidation();
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Email:Smtp"));
builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Email:Outbox"));
builder.Services.AddSingleton<EmailSender>();
builder.Services.AddSingleton<IEmailSender<AppUser>>(sp => sp.GetRequiredService<EmailSender>());
builder.Services.AddSingleton<MailOutboxWorker>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<MailOutboxWorker>());
builder.Services.AddPrivacyFeature();
builder.Services.AddScaleOut(builder.Configuration);
builder.Services.AddDeadlineReminders(builder.Configuration);
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
builder.Services.Configure<AdminOptions>(builder.Configuration.GetSection(AdminOptions.Section));
builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
builder.Services.AddSingleton<DatabaseInitializer>();
builder.Services.AddSingleton<CalendarProvider>();
builder.Services.AddSingleton<NotificationService>();
builder.Services.AddSingleton<DossierService>();
builder.Services.AddPortalSettings(builder.Configuration);
builder.Services.AddCitizenFeature();
builder.Services.AddOfficerFeature();
builder.Services.AddReportsFeature();
builder.Services.AddFeedback();
builder.Services.AddFeedbackReports();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

var app = builder.Build();

if (DatabaseInitializer.IsMigrateCommand(args))
{
    // `migrate`: the one step of a release that changes the schema, before any instance starts (docs/deployment.md).
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    return 0;
}
await app.Services.GetRequiredService<DatabaseInitializer>().StartAsync();
// Administrators' settings from the database over appsettings, read without restart (Admin/Settings).
await app.Services.GetRequiredService<PortalSettings>().AttachAsync();
if (HcmcPortal.Scale.ScaleCommands.IsCommand(args))
{
    // `generate`, `rollups rebuild`, `benchmark`: run against the database, then exit (docs/performance.md).
    return await HcmcPortal.Scale.ScaleCommands.RunAsync(args, app.Services);
}

// First: the client's address and scheme as told by a trusted proxy (rate limits, Secure cookies, HTTPS redirection).
app.UseForwardedHeaders();
app.UseSecurityHeaders();
// A request the portal cannot read (truncated multipart, malformed JSON) is the client's 400, not a 500 (BadRequests).
var errorPage = new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true, StatusCodeSelector = BadRequests.StatusCodeSelector };
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(errorPage);
    app.UseHsts();
    app.UseHttpsRedirection();
}
else
{
    app.UseExceptionHandler(errorPage);
}
app.UseRequestLimits();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSerilogRequestLogging();
app.UseRequestLocalization();
app.UseAuthentication();
app.UsePortalRateLimits();
app.UseAuthorization();
app.UseAntiforgery();
app.UseFormRefusalsInVietnamese();

app.MapStaticAssets();
app.MapHealthChecks("/health");
// Liveness: the process answers, whatever the database does (a balancer takes instances out on /health, an orchestrator restarts on this).
app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapFileEndpoints();
app.MapPortalApi();
app.MapCitizenFeature();
app.MapOfficerFeature();
app.MapCatalogueEndpoints();
app.MapReportsFeature();
app.MapFeedback();
app.MapFeedbackReports();
app.MapAdminFeature();
app.MapPrivacyFeature();
// No per-message deflate on the circuits' WebSockets: each connection would keep a zlib state (≈ 300 KB of native
// memory) and deflate every render batch — small diffs that gain little (docs/performance.md, "Circuits"). The CSP's
// frame-ancestors 'self' (HttpHardening), which the framework adds only with compression on, is set by the portal anyway.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);

// The console log is compact JSON for the log collector; a person starting the portal also gets one plain line.
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"HcmcPortal is listening on {string.Join(", ", app.Urls)}"));

app.Run();
return 0;

public partial class Program;
