using System.Globalization;
using System.Text;
using FluentValidation;
using HcmcPortal.Localization;

namespace HcmcPortal.Validation;

/// <summary>
/// The size of every column a person types into. <c>AppDbContext</c> sizes the columns with these and the validators
/// refuse longer text with them, so a text that passes validation always fits its column.
/// </summary>
public static class TextLimits
{
    public const int PersonName = 200;
    public const int Cccd = 12;
    public const int Phone = 20;
    public const int Email = 200;
    public const int Address = 400;
    /// <summary>Officers' notes and reasons, the supplement request, the withdraw reason (the event's note column).</summary>
    public const int Note = 4000;
    public const int RatingComment = 2000;
    /// <summary>One answer of a procedure's form (they are stored together in the dossier's form JSON).</summary>
    public const int FormAnswer = 1000;
    public const int FileName = 255;
    public const int IdempotencyKey = 100;
    /// <summary>SHA-256 in hexadecimal.</summary>
    public const int Sha256Hex = 64;
    /// <summary>The number printed on a fee receipt (biên lai), e.g. "0001234" or "BL-2025/000123".</summary>
    public const int ReceiptNumber = 50;
}

/// <summary>
/// What any text a person types must be: NFC (normalised before it is checked and stored), no NUL, no control or
/// bidi-override characters, within its column, and — when not empty — something readable (a letter or a digit),
/// not only zero-width or punctuation characters.
/// </summary>
public static class TextRules
{
    /// <summary>NFC and trimmed; null stays null. Text with a lone surrogate cannot be normalised and is returned as is (the rules refuse it).</summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
            return null;
        try
        {
            return text.Normalize(NormalizationForm.FormC).Trim();
        }
        catch (ArgumentException)
        {
            return text.Trim();
        }
    }

    /// <summary>Normalised, and null when nothing is left.</summary>
    public static string? NormalizeOptional(string? text) => Normalize(text) is { Length: > 0 } t ? t : null;

    /// <summary>
    /// The message, in the current UI culture, for the first rule the text breaks, or null. Empty text passes (required-ness
    /// is each field's own rule). <paramref name="label"/> is the field's name as the reader sees it.
    /// </summary>
    public static string? Problem(string? text, string label, int maxLength, bool multiLine = false)
    {
        var t = Normalize(text);
        if (string.IsNullOrEmpty(t))
            return null;
        if (t.Contains('\0'))
            return UiTexts.Format("Validation.Text.Nul", label);
        // U+FFFD is what a decoder leaves of broken text (a lone surrogate in JSON, invalid UTF-8).
        if (HasLoneSurrogate(t) || t.Contains('\uFFFD'))
            return UiTexts.Format("Validation.Text.Invalid", label);
        if (t.Length > maxLength)
            return UiTexts.Format("Validation.Text.TooLong", label, maxLength, t.Length);
        foreach (var c in t)
        {
            if (IsBidiControl(c))
                return UiTexts.Format("Validation.Text.Bidi", label);
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
                return UiTexts.Format("Validation.Text.Control", label);
        }
        if (!t.Any(char.IsLetterOrDigit))
            return UiTexts.Format("Validation.Text.Unreadable", label);
        return null;
    }

    /// <summary>Empty, or only white space and invisible characters, once normalised.</summary>
    public static bool IsBlank(string? text) => string.IsNullOrEmpty(Normalize(text)?.Trim(ZeroWidth));

    private static readonly char[] ZeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', ' ', '\t', '\r', '\n'];

    /// <summary>Embedding, override and isolate controls (U+202A–202E, U+2066–2069) that make a text read differently from what it is.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool HasLoneSurrogate(string t)
    {
        for (var i = 0; i < t.Length; i++)
        {
            if (char.IsHighSurrogate(t[i]) && i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]))
                i++;
            else if (char.IsSurrogate(t[i]))
                return true;
        }
        return false;
    }

    /// <summary>A display name for an uploaded file: no path, no control, bidi or zero-width characters, NFC, at most 255 characters (the extension kept).</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Normalize(fileName) ?? "";
        // Both separators: a name from Windows arrives as "C:\Users\…\to-khai.pdf" on a Linux server.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || IsBidiControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                continue;
            kept.Append(c);
        }
        name = kept.ToString().Trim().TrimStart('.');
        if (!name.Any(char.IsLetterOrDigit))
            name = "tep-dinh-kem" + name;
        if (name.Length > TextLimits.FileName)
        {
            var ext = Path.GetExtension(name);
            ext = ext.Length <= 10 ? ext : "";
            name = name[..(TextLimits.FileName - ext.Length)] + ext;
        }
        return name;
    }
}

/// <summary>The text rules as FluentValidation rules, so each command's validator states its fields in one line each.</summary>
public static class TextRuleExtensions
{
    /// <summary>Optional free text: checked only when something was typed. <paramref name="labelKey"/> names the field (a UiText key).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string labelKey, int maxLength, bool multiLine = false) =>
        rule.Custom((value, context) =>
        {
            if (TextRules.Problem(value, UiTexts.Get(labelKey), maxLength, multiLine) is { } problem)
                context.AddFailure(problem);
        });

    /// <summary>
    /// Text that must be given (a name, a reason): blank — including only invisible characters — is refused with the
    /// message <paramref name="requiredKey"/>. Both keys are UiText keys, read in the culture of each validation.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, string labelKey, int maxLength,
        string requiredKey, bool multiLine = false) =>
        rule.Custom((value, context) =>
        {
            if (TextRules.IsBlank(value))
                context.AddFailure(UiTexts.Get(requiredKey));
            else if (TextRules.Problem(value, UiTexts.Get(labelKey), maxLength, multiLine) is { } problem)
                context.AddFailure(problem);
        });
}
