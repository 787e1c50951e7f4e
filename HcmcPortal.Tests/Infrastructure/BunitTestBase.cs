using Bunit;
using HcmcPortal.Localization;
using HcmcPortal.Validation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HcmcPortal.Tests.Infrastructure;

/// <summary>
/// bUnit 2 with MudBlazor 9 (shared/stack.md): loose JS interop, Mud services, async disposal,
/// and the Vietnamese resources the app uses.
/// </summary>
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    protected BunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalLocalization();
        Services.AddPortalValidation(); // the validators components check fields with, as the app registers them
        Services.AddSingleton(TimeProvider.System);
        // Upload rules read the runtime settings; components get the defaults.
        Services.AddOptions().AddSingleton<HcmcPortal.Dossiers.FileRules>();
        // Pages listen for live updates (issue 14); a test publishes on this notifier to see them refresh.
        Services.AddSingleton(new HcmcPortal.Live.LiveUpdates(new HcmcPortal.Live.InstanceIdentity("bunit"),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<HcmcPortal.Live.LiveUpdates>.Instance));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(PortalCultures.Vietnamese);
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(PortalCultures.Vietnamese);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Renders as on a live circuit (some components wait for it, e.g. UploadSlot's file input). Call after registering services.</summary>
    protected void OnLiveCircuit() => Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
}
