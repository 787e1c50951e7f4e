using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Browser;

/// <summary>One app and one Chromium shared by every browser test class, so the suite stays fast on 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
