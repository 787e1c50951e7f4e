using System.Globalization;

namespace HcmcPortal.Domain;

/// <summary>
/// The dossier code (Decree 61/2018/NĐ-CP art. 26; Circular 01/2018/TT-VPCP art. 19):
/// <c>&lt;agency code&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;</c>, e.g. <c>000.00.13.H30-211130-0001</c>. The agency code is the
/// receiving agency's identifier (Circular 10/2016/TT-BTTTT); the sequence is per agency and day, never reused.
/// </summary>
public static class DossierCode
{
    public const int MaxSequence = 9999;

    /// <summary>Formats a code. The two-digit year is read back as 20YY by <see cref="TryParse"/>.</summary>
    /// <exception cref="ArgumentException">Empty agency code or one containing whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Sequence outside 1–9999.</exception>
    public static string Format(string agencyCode, DateOnly receptionDate, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyCode);
        if (agencyCode.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The agency code cannot contain whitespace.", nameof(agencyCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-{receptionDate:yyMMdd}-{sequence:D4}");
    }

    /// <summary>
    /// Parses a code produced by <see cref="Format"/>: the last two hyphen-separated parts are the date (YYMMDD,
    /// read as 20YY) and the 4-digit sequence (0001–9999); everything before is the agency code.
    /// </summary>
    public static bool TryParse(string? code, out string agencyCode, out DateOnly date, out int sequence)
    {
        agencyCode = string.Empty;
        date = default;
        sequence = 0;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var s = code.Trim();
        var lastDash = s.LastIndexOf('-');
        if (lastDash <= 0)
        {
            return false;
        }

        var dateDash = s.LastIndexOf('-', lastDash - 1);
        if (dateDash <= 0)
        {
            return false;
        }

        var agency = s[..dateDash];
        var datePart = s[(dateDash + 1)..lastDash];
        var seqPart = s[(lastDash + 1)..];
        if (agency.Any(char.IsWhiteSpace)
            || datePart.Length != 6 || !datePart.All(char.IsAsciiDigit)
            || seqPart.Length != 4 || !seqPart.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!DateOnly.TryParseExact("20" + datePart, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDate))
        {
            return false;
        }

        var seq = int.Parse(seqPart, NumberStyles.None, CultureInfo.InvariantCulture);
        if (seq < 1)
        {
            return false;
        }

        agencyCode = agency;
        date = parsedDate;
        sequence = seq;
        return true;
    }
}
