using HcmcPortal.Operations;
using HcmcPortal.Reports;
using HcmcPortal.Validation;

namespace HcmcPortal.Tests.Security;

/// <summary>The shared input rules on their own: text, upload names, return URLs and report dates.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\an\\to-khai.pdf", "to-khai.pdf")]
    [InlineData("to-khai\u202Efdp.exe", "to-khaifdp.exe")]
    [InlineData("to\u0007kh\u200Bai.pdf", "tokhai.pdf")]
    [InlineData("giay-khai-sinh-Nguye\u0302\u0303n.pdf", "giay-khai-sinh-Nguyễn.pdf")]
    [InlineData("/", "tep-dinh-kem")]
    [InlineData("...pdf", "pdf")]
    public void An_uploaded_file_name_becomes_a_safe_display_name(string sent, string shown) =>
        Assert.Equal(shown, TextRules.SafeFileName(sent));

    [Fact]
    public void A_long_file_name_is_cut_to_255_characters_keeping_its_extension()
    {
        var name = TextRules.SafeFileName(new string('a', 400) + ".pdf");
        Assert.Equal(TextLimits.FileName, name.Length);
        Assert.EndsWith(".pdf", name);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", null)]
    [InlineData("Nguye\u0302\u0303n Va\u0306n An", null)]
    [InlineData("Nguyễn\0An", "NUL")]
    [InlineData("\u200B\u200C\u200D", "chữ hoặc số")]
    [InlineData("!!! ...", "chữ hoặc số")]
    [InlineData("Nguyễn\u0007An", "điều khiển")]
    [InlineData("Nguyễn \u202Ena", "hướng chữ")]
    [InlineData("Nguyễn \uD800", "không hợp lệ")]
    [InlineData("Nguyễn \uFFFD", "không hợp lệ")]
    public void A_name_is_readable_text_without_hidden_characters(string name, string? problem)
    {
        var found = TextRules.Problem(name, "Họ và tên", TextLimits.PersonName);
        if (problem is null)
            Assert.Null(found);
        else
            Assert.Contains(problem, found);
    }

    [Fact]
    public void Length_is_counted_after_NFC_normalisation()
    {
        var decomposed = string.Concat(Enumerable.Repeat("e\u0302\u0303", 200));
        Assert.Null(TextRules.Problem(decomposed, "Họ và tên", 200));
        Assert.Equal(string.Concat(Enumerable.Repeat("ễ", 200)), TextRules.Normalize(decomposed));
        Assert.Contains("tối đa 200", TextRules.Problem(new string('a', 201), "Họ và tên", 200));
    }

    [Fact]
    public void A_note_may_have_several_lines_a_name_may_not() =>
        Assert.Equal((null, "Họ và tên chứa ký tự điều khiển không hợp lệ."),
            (TextRules.Problem("Thiếu:\n- bản sao CCCD", "Nội dung", 4000, multiLine: true), TextRules.Problem("Nguyễn\nAn", "Họ và tên", 200)));

    [Theory]
    [InlineData("/ho-so-cua-toi?page=2", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("", false)]
    public void Only_a_path_of_the_portal_is_a_return_url(string url, bool local) =>
        Assert.Equal(local, LocalUrls.IsLocal(url));

    [Theory]
    [InlineData("2025-01-01", "2025-12-31", null)]
    [InlineData("0001-01-01", "0001-12-31", "01/01/1900")]
    [InlineData("2025-01-01", "9999-12-31", "31/12/2100")]
    [InlineData("2025-12-31", "2025-01-01", "sau hoặc bằng")]
    [InlineData("2020-01-01", "2025-01-01", "tối đa 3 năm")]
    [InlineData("2025-02-30", "2025-03-01", "yyyy-MM-dd")]
    public void A_report_period_is_checked_before_anything_is_computed(string from, string to, string? problem)
    {
        var range = ReportPeriod.Parse(from, to, out var error);
        if (problem is null)
            Assert.NotNull(range);
        else
            Assert.Contains(problem, error);
    }
}
