namespace HcmcPortal.Domain;

/// <summary>Vietnamese mobile and landline numbers have 10 digits and start with 0 since the 2018 renumbering.</summary>
public static class PhoneNumbers
{
    public static bool IsValid(string? phone)
    {
        var p = phone?.Trim().Replace(" ", "").Replace(".", "") ?? "";
        return p.Length == 10 && p[0] == '0' && p.All(char.IsAsciiDigit);
    }
}
