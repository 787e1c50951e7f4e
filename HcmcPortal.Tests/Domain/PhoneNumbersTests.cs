using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

/// <summary>domain.md §8: mobiles have 10 digits starting 03, 05, 07, 08 or 09; landlines 11 digits starting 02.</summary>
public class PhoneNumbersTests
{
    [Theory]
    [InlineData("0362345678")] // Viettel 036
    [InlineData("0562345678")] // Vietnamobile 056
    [InlineData("0702345678")] // MobiFone 070
    [InlineData("0842345678")] // VinaPhone 084
    [InlineData("0912345678")] // VinaPhone 091
    [InlineData("0987654321")] // Viettel 098
    public void Mobile_numbers_with_each_prefix_are_valid(string phone)
    {
        Assert.True(PhoneNumbers.TryNormalize(phone, out var normalized));
        Assert.Equal(phone, normalized);
    }

    [Theory]
    [InlineData("02838291234")] // Hồ Chí Minh 028
    [InlineData("02743822222")] // Bình Dương 0274
    [InlineData("02543852222")] // Bà Rịa–Vũng Tàu 0254
    public void Landlines_of_11_digits_starting_02_are_valid(string phone) => Assert.True(PhoneNumbers.IsValid(phone));

    [Theory]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0084 912 345 678", "0912345678")]
    [InlineData("+84 (0) 912 345 678", "0912345678")]
    [InlineData("+84 28 3829 1234", "02838291234")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("0912-345-678", "0912345678")]
    [InlineData("(028) 3829 1234", "02838291234")]
    [InlineData("  0912345678  ", "0912345678")]
    public void Country_code_spaces_dots_and_dashes_are_normalised(string typed, string expected)
    {
        Assert.True(PhoneNumbers.TryNormalize(typed, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("0123456789")]  // 012x: the old 11-digit mobile prefixes were converted in 2018
    [InlineData("0412345678")]  // 04x is not a mobile prefix
    [InlineData("0612345678")]  // 06x neither
    [InlineData("0212345678")]  // 02 with 10 digits: a landline needs 11
    [InlineData("09123456789")] // mobile prefix with 11 digits
    [InlineData("091234567")]   // too short
    [InlineData("912345678")]   // no leading 0 and no country code
    [InlineData("9923456789")]  // 10 digits, but no leading 0
    [InlineData("01234567890")] // old 11-digit mobile
    [InlineData("+1 912 345 678")] // another country
    [InlineData("+84 12 345 678")] // too short after +84
    [InlineData("09l2345678")]  // a letter l
    [InlineData("")]
    [InlineData(null)]
    public void Other_numbers_are_refused(string? phone)
    {
        Assert.False(PhoneNumbers.TryNormalize(phone, out var normalized));
        Assert.Equal("", normalized);
    }
}
