namespace HcmcPortal.Tests;

public class SmokeTests
{
    [Fact]
    public void Status_codes_match_the_national_list() => Assert.Equal(10, (int)HcmcPortal.Domain.DossierStatus.Returned);
}
