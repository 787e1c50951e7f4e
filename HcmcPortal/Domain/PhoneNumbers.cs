namespace HcmcPortal.Domain;

/// <summary>
/// Vietnamese phone numbers (domain.md §8): a mobile number has 10 digits and starts 03, 05, 07, 08 or 09 (since the
/// 2018 conversion); a landline has 11 digits and starts 02 (since 2017). Both are accepted, the rest refused.
/// People type them as "+84 912 345 678", "0912.345.678", "(028) 3829-1234": <see cref="TryNormalize"/> turns any of
/// these into the national form ("0912345678", "02838291234"), which is what is stored.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>Separators people put between digit groups; they carry no meaning.</summary>
    private static readonly char[] Separators = [' ', '\u00A0', '.', '-', '(', ')'];

    /// <summary>
    /// The national form of <paramref name="input"/> when it is a valid mobile or landline number, after dropping
    /// separators (spaces, dots, dashes, brackets) and the country code (+84, 0084 or 84) in front of a number written
    /// without its leading 0.
    /// </summary>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = "";
        var digits = string.Concat((input ?? "").Trim().Split(Separators, StringSplitOptions.RemoveEmptyEntries));
        var international = digits.StartsWith("+84", StringComparison.Ordinal) ? 3
            : digits.StartsWith("0084", StringComparison.Ordinal) ? 4
            : digits.StartsWith("84", StringComparison.Ordinal) ? 2
            : 0;
        digits = digits[international..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            return false;
        // After the country code the leading 0 is usually dropped ("+84 912…"), sometimes kept ("+84 (0) 912…").
        var national = international > 0 && digits[0] != '0' ? "0" + digits : digits;
        if (!IsMobile(national) && !IsLandline(national))
            return false;
        normalized = national;
        return true;
    }

    public static bool IsValid(string? input) => TryNormalize(input, out _);

    private static bool IsMobile(string n) => n.Length == 10 && n[0] == '0' && n[1] is '3' or '5' or '7' or '8' or '9';

    private static bool IsLandline(string n) => n.Length == 11 && n[0] == '0' && n[1] == '2';
}
