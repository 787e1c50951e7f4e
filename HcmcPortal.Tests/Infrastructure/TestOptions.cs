using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Tests.Infrastructure;

/// <summary>Options readers for services built by hand in tests: the defaults, as an app without settings would have.</summary>
public static class TestOptions
{
    public static IOptionsMonitor<T> Monitor<T>() where T : class =>
        new ServiceCollection().AddOptions().BuildServiceProvider().GetRequiredService<IOptionsMonitor<T>>();
}
