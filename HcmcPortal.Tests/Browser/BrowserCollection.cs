using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Browser;

/// <summary>
/// One app and one Chromium shared by every browser test class, so the suite stays fast on 2 cores; run alone, after
/// the parallel tests, so that a busy CPU never delays a page past its timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
