using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

public class CccdTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Hcmc_2003_male()
    {
        var r = Cccd.Validate("079203000123", Today);
        Assert.True(r.IsValid);
        Assert.Null(r.Problem);
        Assert.Equal(2003, r.BirthYear);
        Assert.False(r.Female);
        Assert.Equal("079", r.ProvinceCode);
    }

    [Fact]
    public void Century_digit_1_is_a_woman_born_in_the_1900s()
    {
        var r = Cccd.Validate("079185012345", Today);
        Assert.True(r.IsValid);
        Assert.Equal(1985, r.BirthYear);
        Assert.True(r.Female);
    }

    [Theory]
    [InlineData("001099000001", 1999, false)]
    [InlineData("074305000001", 2005, true)]
    [InlineData("077226000001", 2026, false)] // born this year: allowed
    public void Birth_year_is_1900_plus_100_floor_d_over_2_plus_yy(string cccd, int year, bool female)
    {
        var r = Cccd.Validate(cccd, Today);
        Assert.True(r.IsValid);
        Assert.Equal(year, r.BirthYear);
        Assert.Equal(female, r.Female);
    }

    [Theory]
    [InlineData("079227000001")] // 2027
    [InlineData("079400000001")] // 2100
    public void Future_birth_year_is_refused(string cccd)
    {
        var r = Cccd.Validate(cccd, Today);
        Assert.False(r.IsValid);
        Assert.Equal(CccdProblem.FutureYear, r.Problem);
        Assert.Null(r.BirthYear);
    }

    [Theory]
    [InlineData("07920300012")]
    [InlineData("0792030001234")]
    public void Wrong_length_is_refused(string cccd) =>
        Assert.Equal(CccdProblem.Length, Cccd.Validate(cccd, Today).Problem);

    [Theory]
    [InlineData("07920300012A")]
    [InlineData("079/203/000/123")]
    [InlineData("０７９２０３０００１２３")] // full-width digits are not ASCII digits
    public void Letters_and_symbols_are_refused(string cccd)
    {
        var r = Cccd.Validate(cccd, Today);
        Assert.False(r.IsValid);
        Assert.Equal(CccdProblem.NotDigits, r.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_is_refused(string? cccd) => Assert.Equal(CccdProblem.Empty, Cccd.Validate(cccd, Today).Problem);

    [Fact]
    public void Surrounding_spaces_are_ignored() => Assert.True(Cccd.Validate(" 079203000123 ", Today).IsValid);

    [Theory]
    [InlineData("079 203 000 123")]
    [InlineData("079.203.000.123")]
    [InlineData("079-203-000-123")]
    [InlineData(" 0792 0300 0123 ")]
    public void Digits_typed_in_groups_are_normalised(string typed)
    {
        Assert.Equal("079203000123", Cccd.Normalize(typed));
        Assert.True(Cccd.Validate(typed, Today).IsValid);
        Assert.True(typed.Length <= Cccd.MaxTypedLength);
    }

    [Fact]
    public void Groups_that_do_not_make_12_digits_are_still_refused() =>
        Assert.Equal(CccdProblem.Length, Cccd.Validate("079-203-000-12", Today).Problem);

    [Fact]
    public void Mask_keeps_the_first_and_last_three_digits()
    {
        Assert.Equal("079******789", Cccd.Mask("079203000789"));
        Assert.Equal("***", Cccd.Mask("079"));
    }
}

public class DossierCodeTests
{
    [Fact]
    public void Format_matches_the_real_example_art_26() =>
        Assert.Equal("000.00.13.H30-211130-0001", DossierCode.Format("000.00.13.H30", new DateOnly(2021, 11, 30), 1));

    [Fact]
    public void Sequence_is_four_digits_1_to_9999()
    {
        Assert.Equal("X-250502-9999", DossierCode.Format("X", new DateOnly(2025, 5, 2), 9999));
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format("X", new DateOnly(2025, 5, 2), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format("X", new DateOnly(2025, 5, 2), 10000));
        Assert.ThrowsAny<ArgumentException>(() => DossierCode.Format(" ", new DateOnly(2025, 5, 2), 1));
    }

    [Fact]
    public void Parse_round_trips()
    {
        var code = DossierCode.Format("000.00.13.H30", new DateOnly(2025, 4, 26), 42);
        Assert.True(DossierCode.TryParse(code, out var agency, out var date, out var seq));
        Assert.Equal("000.00.13.H30", agency);
        Assert.Equal(new DateOnly(2025, 4, 26), date);
        Assert.Equal(42, seq);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-211130-0001")]
    [InlineData("000.00.13.H30-211131-0001")] // 31/11 does not exist
    [InlineData("000.00.13.H30-211130-001")]
    [InlineData("000.00.13.H30-211130-0000")]
    [InlineData("000.00.13.H30-2111300-0001")]
    [InlineData("000.00.13.H30-21113A-0001")]
    public void Parse_rejects_malformed_codes(string code) =>
        Assert.False(DossierCode.TryParse(code, out _, out _, out _));
}
