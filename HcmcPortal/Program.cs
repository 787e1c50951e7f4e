using HcmcPortal.Accounts;
using HcmcPortal.Api;
using HcmcPortal.Calendar;
using HcmcPortal.Citizen;
using HcmcPortal.Officer;
using HcmcPortal.Reports;
using HcmcPortal.Dossiers;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Localization;
using HcmcPortal.Notifications;
using HcmcPortal.Operations;
using HcmcPortal.Shell;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);
// Package static assets (MudBlazor's) are served from the build output even outside Development.
builder.WebHost.UseStaticWebAssets();

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
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Email:Smtp"));
builder.Services.AddSingleton<EmailSender>();
builder.Services.AddSingleton<IEmailSender<AppUser>>(sp => sp.GetRequiredService<EmailSender>());
builder.Services.AddSingleton<MailQueue>();
builder.Services.AddHostedService<MailWorker>();
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
builder.Services.AddSingleton<DatabaseInitializer>();
builder.Services.AddSingleton<CalendarProvider>();
builder.Services.AddSingleton<NotificationService>();
builder.Services.AddSingleton<DossierService>();
builder.Services.AddSingleton<HcmcPortal.Admin.Users.UserAdminService>();
builder.Services.AddCitizenFeature();
builder.Services.AddOfficerFeature();
builder.Services.AddReportsFeature();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

var app = builder.Build();

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSerilogRequestLogging();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapFileEndpoints();
app.MapPortalApi();
app.MapCitizenFeature();
app.MapOfficerFeature();
app.MapReportsFeature();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

// The console log is compact JSON for the log collector; a person starting the portal also gets one plain line.
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"HcmcPortal is listening on {string.Join(", ", app.Urls)}"));

app.Run();

public partial class Program;
