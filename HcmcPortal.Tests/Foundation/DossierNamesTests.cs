using System.Globalization;
using HcmcPortal.Domain;
using HcmcPortal.Localization;

namespace HcmcPortal.Tests.Foundation;

/// <summary>Issue 11 item 8: status, stage and action names come from the resources in both languages.</summary>
public sealed class DossierNamesTests
{
    private static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Fact]
    public void In_vietnamese_every_name_is_the_national_list_and_in_english_every_name_is_translated()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            Assert.Equal(DossierText.StatusName(status), InCulture(PortalCultures.Vietnamese, () => DossierNames.Status(status)));
            Assert.NotEqual(DossierText.StatusName(status), InCulture(PortalCultures.English, () => DossierNames.Status(status)));
        }
        foreach (var stage in Enum.GetValues<DossierStage>())
        {
            Assert.Equal(DossierText.StageName(stage), InCulture(PortalCultures.Vietnamese, () => DossierNames.Stage(stage)));
            Assert.NotEqual(DossierText.StageName(stage), InCulture(PortalCultures.English, () => DossierNames.Stage(stage)));
        }
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            Assert.Equal(DossierText.ActionName(action), InCulture(PortalCultures.Vietnamese, () => DossierNames.Action(action)));
            Assert.NotEqual(DossierText.ActionName(action), InCulture(PortalCultures.English, () => DossierNames.Action(action)));
        }
        Assert.Equal("Received", InCulture(PortalCultures.English, () => DossierNames.Status(DossierStatus.Received)));
    }
}
