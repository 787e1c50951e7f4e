namespace HcmcPortal.Domain;

/// <summary>What is wrong with a CCCD number; the page or API that shows it says it in the reader's language.</summary>
public enum CccdProblem
{
    Empty,
    NotDigits,
    Length,
    FutureYear,
}

/// <summary>The outcome of checking a CCCD number. When invalid, only <see cref="Problem"/> is set.</summary>
/// <param name="IsValid">True when the number has the legal shape and a birth year not in the future.</param>
/// <param name="Problem">What is wrong when invalid.</param>
/// <param name="BirthYear">Year of birth encoded in digits 4–6.</param>
/// <param name="Female">Sex encoded in digit 4 (odd = female).</param>
/// <param name="ProvinceCode">Province where the birth was registered (digits 1–3). Never a place of residence.</param>
public sealed record CccdCheck(bool IsValid, CccdProblem? Problem, int? BirthYear, bool? Female, string? ProvinceCode)
{
    internal static CccdCheck Fail(CccdProblem problem) => new(false, problem, null, null, null);
}

/// <summary>
/// The 12-digit citizen identity number (CCCD; Circulars 07/2016/TT-BCA art. 7 and 59/2021/TT-BCA art. 4):
/// 3 digits province of birth registration · 1 digit century and sex · 2 digits year of birth · 6 random digits.
/// There is no checksum. A CCCD is personal data (Decree 13/2023/NĐ-CP): show it masked in lists.
/// </summary>
public static class Cccd
{
    public const int Length = 12;

    /// <summary>Room for the 12 digits typed in groups ("079 203 001 234"): input fields allow this many characters.</summary>
    public const int MaxTypedLength = 20;

    /// <summary>
    /// Checks the shape (exactly 12 ASCII digits once <see cref="Normalize"/>d) and that the encoded birth year
    /// is not after <paramref name="today"/>'s year. Birth year = 1900 + 100·⌊d/2⌋ + YY, odd d = female
    /// (Circular 07/2016/TT-BCA art. 7). The province prefix is where the birth was registered: never infer residence.
    /// </summary>
    public static CccdCheck Validate(string? input, DateOnly today)
    {
        var s = Normalize(input);
        if (string.IsNullOrEmpty(s))
        {
            return CccdCheck.Fail(CccdProblem.Empty);
        }

        if (!s.All(char.IsAsciiDigit))
        {
            return CccdCheck.Fail(CccdProblem.NotDigits);
        }

        if (s.Length != Length)
        {
            return CccdCheck.Fail(CccdProblem.Length);
        }

        var centuryAndSex = s[3] - '0';
        var yy = ((s[4] - '0') * 10) + (s[5] - '0');
        var birthYear = 1900 + (100 * (centuryAndSex / 2)) + yy;
        if (birthYear > today.Year)
        {
            return CccdCheck.Fail(CccdProblem.FutureYear);
        }

        return new CccdCheck(true, null, birthYear, centuryAndSex % 2 == 1, s[..3]);
    }

    /// <summary>
    /// The number as stored: spaces, dots and dashes that people type between digit groups ("079 203 001 234") removed.
    /// Anything else is kept, so that <see cref="Validate"/> can say what is wrong.
    /// </summary>
    public static string Normalize(string? input) =>
        string.Concat((input ?? "").Trim().Split([' ', '\u00A0', '.', '-'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Masks a CCCD for lists: first 3 digits + "******" + last 3 (e.g. "079******789"). Input shorter than 7
    /// characters (after trimming) is masked entirely, so a short or wrong value never leaks.
    /// </summary>
    public static string Mask(string cccd)
    {
        ArgumentNullException.ThrowIfNull(cccd);
        var s = cccd.Trim();
        return s.Length < 7 ? new string('*', s.Length) : string.Concat(s.AsSpan(0, 3), "******", s.AsSpan(s.Length - 3));
    }
}
