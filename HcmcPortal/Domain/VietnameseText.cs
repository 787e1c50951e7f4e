using System.Globalization;
using System.Text;

namespace HcmcPortal.Domain;

/// <summary>Text helpers for Vietnamese: search is done on folded text so that "khai sinh" finds "Khai sinh".</summary>
public static class VietnameseText
{
    /// <summary>
    /// Vietnamese alphabetical order (ICU's vi collation: a &lt; ă &lt; â, d &lt; đ, u &lt; ư, tones after the letters), so
    /// "Chuyển" comes before "Chứng" and "Điều chỉnh" after every "D…". Folded text cannot give this order.
    /// </summary>
    public static readonly StringComparer Order = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.IgnoreCase);

    /// <summary>
    /// A name in sentence case: an all-capitals or Title Case name ("ĐĂNG KÝ KHAI SINH", "Đăng Ký Khai Sinh") becomes
    /// "Đăng ký khai sinh"; a name already in sentence case keeps its proper nouns ("Ủy ban nhân dân", "Việt Nam").
    /// </summary>
    public static string SentenceCase(string name)
    {
        var words = name.Split(' ');
        var letters = words.Where(w => w.Length > 0 && char.IsLetter(w[0])).ToList();
        var allCaps = name.Any(char.IsLetter) && !name.Any(char.IsLower);
        var titleCase = letters.Count > 2 && letters.All(w => char.IsUpper(w[0]));
        if (!allCaps && !titleCase)
            return name;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var lower = name.ToLower(vi);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], vi) + lower[1..];
    }

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
