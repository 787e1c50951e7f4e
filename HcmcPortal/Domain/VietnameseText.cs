using System.Globalization;
using System.Text;

namespace HcmcPortal.Domain;

/// <summary>Text helpers for Vietnamese: search is done on folded text so that "khai sinh" finds "Khai sinh".</summary>
public static class VietnameseText
{
    /// <summary>
    /// Lower-cases, removes diacritics (đ/Đ become d), collapses runs of whitespace to one space and trims:
    /// "Đăng ký  Khai sinh" → "dang ky khai sinh". Null gives "".
    /// </summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return "";
        }

        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
