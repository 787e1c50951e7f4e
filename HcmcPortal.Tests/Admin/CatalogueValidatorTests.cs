using HcmcPortal.Admin;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Data;
using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Admin;

/// <summary>The catalogue's bad inputs (issue 15): each refused with a Vietnamese message that names the field, document, field or step.</summary>
public sealed class CatalogueValidatorTests
{
    private const string Centre = "26734";

    /// <summary>A fully online procedure with two documents, two fields and two steps: valid.</summary>
    public static ProcedureDefinition Valid() => new()
    {
        Code = "9.000001",
        Name = "Cấp giấy phép thử nghiệm",
        Field = "Thử nghiệm",
        Level = ProcedureLevel.Commune,
        ReceivingUnitCodes = [Centre],
        TimeLimitValue = 5,
        TimeLimitUnit = TimeLimitUnit.WorkingDays,
        FeeVnd = 50_000,
        FullyOnline = true,
        Documents = [new() { Name = "Tờ khai", Mandatory = true, AcceptedTypes = "pdf" }, new() { Name = "Bản sao CCCD", Mandatory = false }],
        Fields =
        [
            new() { Key = "dien_tich", Label = "Diện tích (m²)", Type = FormFieldType.Number, Required = true, MinValue = 1, MaxValue = 10_000 },
            new() { Key = "muc_dich", Label = "Mục đích", Type = FormFieldType.Choice, Required = true, Options = "Ở|Kinh doanh" },
        ],
        Steps = [new() { Name = "Tiếp nhận", Role = Roles.Reception, SharePercent = 20 }, new() { Name = "Phê duyệt", Role = Roles.UnitLeader, SharePercent = 80 }],
    };

    private static List<string> Problems(ProcedureDefinition d, bool codeTaken = false) =>
        [.. new SaveProcedureValidator().Validate(new SaveProcedureCommand(null, null, d) { CodeTaken = codeTaken, ReceptionCentreCodes = new HashSet<string> { Centre } })
            .Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void A_complete_definition_is_valid() => Assert.Empty(Problems(Valid()));

    [Fact]
    public void Steps_whose_shares_exceed_the_time_limit_are_refused()
    {
        var d = Valid();
        d.Steps[1].SharePercent = 90;
        Assert.Contains(Problems(d), m => m.Contains("110%") && m.Contains("vượt quá thời hạn"));
    }

    [Fact]
    public void A_fully_online_procedure_needs_a_document_and_an_online_form()
    {
        var d = Valid();
        d.Documents = [];
        Assert.Contains(Problems(d), m => m.Contains("toàn trình") && m.Contains("giấy tờ"));
        d = Valid();
        d.Fields = [];
        Assert.Contains(Problems(d), m => m.Contains("toàn trình") && m.Contains("biểu mẫu"));
        // Partly online, the same procedure is fine without them.
        d.Documents = [];
        d.FullyOnline = false;
        Assert.Empty(Problems(d));
    }

    [Fact]
    public void A_code_another_procedure_has_is_refused() =>
        Assert.Contains(Problems(Valid(), codeTaken: true), m => m == "Mã thủ tục 9.000001 đã được dùng cho thủ tục khác.");

    [Fact]
    public void A_choice_field_without_choices_is_refused_naming_the_field()
    {
        var d = Valid();
        d.Fields[1].Options = " | ";
        Assert.Contains(Problems(d), m => m == "Trường 2 «Mục đích»: trường lựa chọn phải có ít nhất một lựa chọn.");
    }

    [Fact]
    public void A_negative_fee_is_refused() =>
        Assert.Contains(Problems(WithFee(-1)), m => m == "Lệ phí không được âm.");

    [Fact]
    public void An_unknown_receiving_unit_is_refused_naming_it()
    {
        var d = Valid();
        d.ReceivingUnitCodes = [Centre, "99999"];
        Assert.Contains(Problems(d), m => m.Contains("«99999»"));
    }

    [Fact]
    public void Field_types_and_document_types_outside_the_lists_are_refused()
    {
        var d = Valid();
        d.Fields[0].Type = (FormFieldType)42;
        d.Documents[0].AcceptedTypes = "pdf,exe";
        var problems = Problems(d);
        Assert.Contains(problems, m => m.StartsWith("Trường 1 «Diện tích (m²)»: kiểu trường không hợp lệ"));
        Assert.Contains(problems, m => m.StartsWith("Giấy tờ 1: loại tệp «exe»"));
    }

    [Fact]
    public void Same_day_certification_needs_no_time_limit_value_but_other_kinds_do()
    {
        var d = Valid();
        d.TimeLimitUnit = TimeLimitUnit.SameWorkingDay;
        d.TimeLimitValue = 0;
        Assert.Empty(Problems(d));
        d.TimeLimitUnit = TimeLimitUnit.WorkingDays;
        Assert.Contains(Problems(d), m => m.StartsWith("Thời hạn giải quyết phải lớn hơn 0"));
    }

    private static ProcedureDefinition WithFee(long fee)
    {
        var d = Valid();
        d.FeeVnd = fee;
        return d;
    }
}
