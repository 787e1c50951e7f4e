using System.Globalization;
using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Catalogue;

/// <summary>A problem of an imported workbook, in the reader's language, naming the sheet, the row and the column (as the workbook names them).</summary>
public sealed record WorkbookError(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() => UiTexts.Format("Admin_Catalogue.Result.WorkbookError", Sheet, Row, Column, Message);
}

public sealed record CatalogueImportResult(CommandStatus Status, int Procedures, IReadOnlyList<WorkbookError> Errors, string? Message = null)
{
    public bool Succeeded => Status == CommandStatus.Ok;
}

/// <summary>
/// The catalogue as an Excel workbook, in the layout of docs/catalogue-workbook.md: one sheet of procedures and one each
/// of their documents, form fields and workflow steps, linked by the procedure's code. Export → import changes nothing;
/// an import is checked whole (the same <see cref="SaveProcedureValidator"/> as the editor) and applied only when
/// every row is right.
/// </summary>
public sealed class CatalogueWorkbook(IDbContextFactory<AppDbContext> dbFactory, ProcedureEditor editor)
{
    public const string ProceduresSheet = "Thủ tục";
    public const string DocumentsSheet = "Giấy tờ";
    public const string FieldsSheet = "Trường biểu mẫu";
    public const string StepsSheet = "Quy trình";

    // Column headers, in order. The procedure's code links the rows of the other sheets to it.
    private static readonly string[] ProcedureColumns =
        ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Đơn vị tiếp nhận", "Thời hạn", "Loại thời hạn", "Lệ phí (đồng)",
         "Mức độ trực tuyến", "Cơ quan giải quyết", "Mô tả", "Công bố"];
    private static readonly string[] DocumentColumns = ["Mã thủ tục", "STT", "Tên giấy tờ", "Bắt buộc", "Loại tệp", "Tệp mẫu"];
    private static readonly string[] FieldColumns =
        ["Mã thủ tục", "STT", "Mã trường", "Nhãn", "Kiểu", "Bắt buộc", "Lựa chọn", "Độ dài tối đa", "Giá trị nhỏ nhất", "Giá trị lớn nhất"];
    private static readonly string[] StepColumns = ["Mã thủ tục", "STT", "Tên bước", "Vai trò", "Tỷ lệ thời hạn (%)"];

    public static readonly IReadOnlyDictionary<ProcedureLevel, string> Levels = new Dictionary<ProcedureLevel, string>
    {
        [ProcedureLevel.City] = "Thành phố", [ProcedureLevel.District] = "Quận/Huyện", [ProcedureLevel.Commune] = "Xã/Phường",
    };
    public static readonly IReadOnlyDictionary<TimeLimitUnit, string> Units = new Dictionary<TimeLimitUnit, string>
    {
        [TimeLimitUnit.WorkingDays] = "ngày làm việc", [TimeLimitUnit.Days] = "ngày", [TimeLimitUnit.Hours] = "giờ làm việc",
        [TimeLimitUnit.Months] = "tháng", [TimeLimitUnit.SameWorkingDay] = "trong ngày làm việc",
    };
    public static readonly IReadOnlyDictionary<FormFieldType, string> FieldTypes = new Dictionary<FormFieldType, string>
    {
        [FormFieldType.Text] = "Văn bản", [FormFieldType.Number] = "Số", [FormFieldType.Date] = "Ngày", [FormFieldType.Choice] = "Lựa chọn",
        [FormFieldType.Address] = "Địa chỉ", [FormFieldType.Cccd] = "CCCD", [FormFieldType.Phone] = "Điện thoại",
    };
    private const string FullyOnline = "Toàn trình";
    private const string PartlyOnline = "Một phần";
    private const string Yes = "Có";
    private const string No = "Không";

    public async Task<byte[]> ExportAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments).Include(p => p.FormFields).Include(p => p.WorkflowSteps)
            .OrderBy(p => p.Code).AsSplitQuery().ToListAsync(ct);
        using var book = new XLWorkbook();
        var ps = Sheet(book, ProceduresSheet, ProcedureColumns);
        var ds = Sheet(book, DocumentsSheet, DocumentColumns);
        var fs = Sheet(book, FieldsSheet, FieldColumns);
        var ss = Sheet(book, StepsSheet, StepColumns);
        int pr = 2, dr = 2, fr = 2, sr = 2;
        foreach (var p in procedures)
        {
            var d = ProcedureDefinition.Of(p);
            Row(ps, pr++, d.Code, d.Name, d.Field, Levels[d.Level], string.Join("; ", d.ReceivingUnitCodes), d.TimeLimitValue, Units[d.TimeLimitUnit],
                d.FeeVnd, d.FullyOnline ? FullyOnline : PartlyOnline, d.HandlingAgency, d.Description, p.IsPublished ? Yes : No);
            for (var i = 0; i < d.Documents.Count; i++)
            {
                var doc = d.Documents[i];
                Row(ds, dr++, d.Code, i + 1, doc.Name, doc.Mandatory ? Yes : No, doc.AcceptedTypes, doc.TemplateFileName ?? "");
            }
            for (var i = 0; i < d.Fields.Count; i++)
            {
                var f = d.Fields[i];
                Row(fs, fr++, d.Code, i + 1, f.Key, f.Label, FieldTypes[f.Type], f.Required ? Yes : No, f.Options,
                    (object?)f.MaxLength ?? "", (object?)f.MinValue ?? "", (object?)f.MaxValue ?? "");
            }
            for (var i = 0; i < d.Steps.Count; i++)
            {
                var s = d.Steps[i];
                Row(ss, sr++, d.Code, i + 1, s.Name, s.Role, s.SharePercent);
            }
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Reads and checks the whole workbook; applies it only when no row has a problem.</summary>
    public async Task<CatalogueImportResult> ImportAsync(Actor actor, Stream stream, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return new(CommandStatus.Forbidden, 0, [], UiTexts.Get("Dossier.Result.Forbidden"));
        XLWorkbook book;
        try
        {
            book = new XLWorkbook(stream);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any reason ClosedXML cannot open it (not a zip, not a workbook, damaged) is the same answer for the person.
            return new(CommandStatus.Invalid, 0, [], UiTexts.Get("Admin_Catalogue.Result.NotWorkbook"));
        }
        using (book)
        {
            var (entries, errors) = Read(book);
            if (errors.Count == 0)
                errors.AddRange(await CheckAsync(entries, ct));
            if (errors.Count > 0)
                return new(CommandStatus.Invalid, 0, errors, UiTexts.Format("Admin_Catalogue.Result.WorkbookErrors", errors.Count));
            var applied = await editor.ImportAsync(actor, [.. entries.Select(e => e.Entry)], ct);
            return applied.Succeeded ? new(CommandStatus.Ok, entries.Count, []) : new(applied.Status, 0, [], applied.Message);
        }
    }

    /// <summary>Where each part of a procedure was read from, to name the row of a problem the rules find.</summary>
    private sealed record ReadEntry(CatalogueEntry Entry, int Row, List<int> DocumentRows, List<int> FieldRows, List<int> StepRows);

    private static (List<ReadEntry> Entries, List<WorkbookError> Errors) Read(XLWorkbook book)
    {
        var errors = new List<WorkbookError>();
        var entries = new List<ReadEntry>();
        var byCode = new Dictionary<string, ReadEntry>();
        var sheets = new Dictionary<string, IXLWorksheet>();
        foreach (var (name, columns) in new[] { (ProceduresSheet, ProcedureColumns), (DocumentsSheet, DocumentColumns), (FieldsSheet, FieldColumns), (StepsSheet, StepColumns) })
        {
            if (!book.TryGetWorksheet(name, out var sheet))
            {
                errors.Add(new(name, 1, "", UiTexts.Format("Admin_Catalogue.Result.SheetMissing", name)));
                continue;
            }
            for (var c = 0; c < columns.Length; c++)
                if (Text(sheet, 1, c + 1) != columns[c])
                    errors.Add(new(name, 1, columns[c], UiTexts.Format("Admin_Catalogue.Result.ColumnHeader", c + 1, columns[c])));
            sheets[name] = sheet;
        }
        if (errors.Count > 0)
            return (entries, errors);

        var ps = sheets[ProceduresSheet];
        foreach (var r in DataRows(ps))
        {
            var cells = new Cells(ps, r, ProcedureColumns, errors);
            var definition = new ProcedureDefinition
            {
                Code = cells.Text(0),
                Name = cells.Text(1),
                Field = cells.Text(2),
                Level = cells.Choice(3, Levels),
                ReceivingUnitCodes = [.. cells.Text(4).Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                TimeLimitValue = cells.Int(5),
                TimeLimitUnit = cells.Choice(6, Units),
                FeeVnd = (long)cells.Number(7, whole: true),
                FullyOnline = cells.Choice(8, new Dictionary<bool, string> { [true] = FullyOnline, [false] = PartlyOnline }),
                HandlingAgency = cells.Text(9),
                Description = cells.Text(10),
            };
            var published = cells.Choice(11, YesNo);
            if (definition.Code.Length > 0 && byCode.TryGetValue(definition.Code, out var first))
            {
                errors.Add(new(ProceduresSheet, r, ProcedureColumns[0], UiTexts.Format("Admin_Catalogue.Result.CodeRepeated", definition.Code, first.Row)));
                continue;
            }
            var entry = new ReadEntry(new CatalogueEntry(definition, published), r, [], [], []);
            entries.Add(entry);
            if (definition.Code.Length > 0)
                byCode[definition.Code] = entry;
        }

        ReadChildren(sheets[DocumentsSheet], DocumentsSheet, DocumentColumns, byCode, errors, (entry, cells, r) =>
        {
            entry.Entry.Definition.Documents.Add(new DocumentEdit
            {
                Name = cells.Text(2), Mandatory = cells.Choice(3, YesNo), AcceptedTypes = cells.Text(4),
                TemplateFileName = cells.Text(5) is { Length: > 0 } template ? template : null,
            });
            entry.DocumentRows.Add(r);
        });
        ReadChildren(sheets[FieldsSheet], FieldsSheet, FieldColumns, byCode, errors, (entry, cells, r) =>
        {
            entry.Entry.Definition.Fields.Add(new FieldEdit
            {
                Key = cells.Text(2), Label = cells.Text(3), Type = cells.Choice(4, FieldTypes), Required = cells.Choice(5, YesNo), Options = cells.Text(6),
                MaxLength = cells.Text(7).Length == 0 ? null : cells.Int(7, optional: true),
                MinValue = cells.OptionalNumber(8, whole: false), MaxValue = cells.OptionalNumber(9, whole: false),
            });
            entry.FieldRows.Add(r);
        });
        ReadChildren(sheets[StepsSheet], StepsSheet, StepColumns, byCode, errors, (entry, cells, r) =>
        {
            entry.Entry.Definition.Steps.Add(new StepEdit { Name = cells.Text(2), Role = cells.Text(3), SharePercent = cells.Int(4) });
            entry.StepRows.Add(r);
        });
        return (entries, errors);
    }

    /// <summary>Rows of a child sheet in the order of their STT column, each given to its procedure.</summary>
    private static void ReadChildren(IXLWorksheet sheet, string name, string[] columns, Dictionary<string, ReadEntry> byCode, List<WorkbookError> errors,
        Action<ReadEntry, Cells, int> add)
    {
        var rows = DataRows(sheet).Select(r => (Row: r, Cells: new Cells(sheet, r, columns, errors))).ToList();
        foreach (var (r, cells) in rows.OrderBy(x => x.Cells.Text(0), StringComparer.Ordinal).ThenBy(x => x.Cells.Number(1, whole: true, report: false)).ThenBy(x => x.Row))
        {
            var code = cells.Text(0);
            if (!byCode.TryGetValue(code, out var entry))
            {
                errors.Add(new(name, r, columns[0], UiTexts.Format("Admin_Catalogue.Result.NoSuchProcedure", code, ProceduresSheet)));
                continue;
            }
            cells.Number(1, whole: true);
            add(entry, cells, r);
        }
    }

    /// <summary>The editor's rules on every procedure, each problem placed on its sheet, row and column.</summary>
    private async Task<List<WorkbookError>> CheckAsync(List<ReadEntry> entries, CancellationToken ct)
    {
        var errors = new List<WorkbookError>();
        var centres = await editor.CentreCodesAsync(ct);
        foreach (var e in entries)
        {
            var definition = e.Entry.Definition;
            definition.Normalize();
            var command = new SaveProcedureCommand(null, null, definition) { ReceptionCentreCodes = centres.GetValueOrDefault(definition.Level) ?? new HashSet<string>() };
            foreach (var problem in await editor.ProblemsAsync(command, ct))
                errors.Add(Place(e, problem));
        }
        return errors;
    }

    private static WorkbookError Place(ReadEntry e, CatalogueProblem problem)
    {
        // Paths look like "Definition.Fee", "Definition.Fields[1].Options" or "Definition.Documents".
        var path = problem.Path.StartsWith("Definition.", StringComparison.Ordinal) ? problem.Path["Definition.".Length..] : problem.Path;
        var bracket = path.IndexOf('[');
        var collection = bracket < 0 ? path : path[..bracket];
        var index = bracket < 0 ? -1 : int.Parse(path[(bracket + 1)..path.IndexOf(']')], CultureInfo.InvariantCulture);
        var member = path.LastIndexOf('.') is var dot and > 0 && bracket >= 0 && dot > bracket ? path[(dot + 1)..] : "";
        return collection switch
        {
            "Documents" when index >= 0 => new(DocumentsSheet, e.DocumentRows[index], DocumentColumns[DocumentColumn(member)], problem.Message),
            "Fields" when index >= 0 => new(FieldsSheet, e.FieldRows[index], FieldColumns[FieldColumn(member)], problem.Message),
            "Steps" when index >= 0 => new(StepsSheet, e.StepRows[index], StepColumns[StepColumn(member)], problem.Message),
            "Steps" when e.StepRows.Count > 0 => new(StepsSheet, e.StepRows[0], StepColumns[4], problem.Message),
            _ => new(ProceduresSheet, e.Row, ProcedureColumns[ProcedureColumn(collection)], problem.Message),
        };
    }

    private static int ProcedureColumn(string member) => member switch
    {
        "Code" => 0, "Name" => 1, "Field" => 2, "Level" => 3, "ReceivingUnitCodes" => 4, "TimeLimitValue" => 5, "TimeLimitUnit" => 6,
        "FeeVnd" => 7, "Documents" or "Fields" => 8, "HandlingAgency" => 9, "Description" => 10, _ => 0,
    };

    private static int DocumentColumn(string member) => member switch { "Mandatory" => 3, "AcceptedTypes" => 4, "TemplateFileName" => 5, _ => 2 };

    private static int FieldColumn(string member) => member switch
    {
        "Key" => 2, "Type" => 4, "Required" => 5, "Options" => 6, "MaxLength" => 7, "MinValue" => 8, "MaxValue" => 9, _ => 3,
    };

    private static int StepColumn(string member) => member switch { "Role" => 3, "SharePercent" => 4, _ => 2 };

    private static readonly IReadOnlyDictionary<bool, string> YesNo = new Dictionary<bool, string> { [true] = Yes, [false] = No };

    private static IXLWorksheet Sheet(XLWorkbook book, string name, string[] columns)
    {
        var sheet = book.Worksheets.Add(name);
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c];
            // AdjustToContents needs GDI+ on Linux (stack.md): widths are set by hand.
            sheet.Column(c + 1).Width = c == 0 ? 14 : 22;
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        return sheet;
    }

    private static void Row(IXLWorksheet sheet, int row, params object?[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            switch (values[c])
            {
                case string s:
                    // Codes like 1.001193 stay text: Excel would read them as numbers.
                    cell.SetValue(s);
                    cell.DataType = XLDataType.Text;
                    break;
                case int i: cell.SetValue(i); break;
                case long l: cell.SetValue(l); break;
                case decimal m: cell.SetValue(m); break;
                default: cell.SetValue(""); break;
            }
        }
    }

    private static IEnumerable<int> DataRows(IXLWorksheet sheet)
    {
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
            if (!sheet.Row(r).IsEmpty())
                yield return r;
    }

    private static string Text(IXLWorksheet sheet, int row, int column) => sheet.Cell(row, column).GetString().Trim();

    /// <summary>One row's cells, read by column position; a wrong value is reported once, under its column.</summary>
    private sealed class Cells(IXLWorksheet sheet, int row, string[] columns, List<WorkbookError> errors)
    {
        public string Text(int c) => CatalogueWorkbook.Text(sheet, row, c + 1);

        public T Choice<T>(int c, IReadOnlyDictionary<T, string> words) where T : notnull
        {
            var text = Text(c);
            foreach (var (value, word) in words)
                if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
                    return value;
            errors.Add(new(sheet.Name, row, columns[c],
                text.Length == 0 ? UiTexts.Get("Admin_Catalogue.Result.CellEmpty") : UiTexts.Format("Admin_Catalogue.Result.CellChoice", text, string.Join(", ", words.Values))));
            return words.Keys.First();
        }

        public decimal Number(int c, bool whole, bool report = true) =>
            OptionalNumber(c, whole, report) ?? Missing(c, report);

        /// <summary>A whole number that fits an int (time limits, shares, lengths); a larger one is reported, never overflows.</summary>
        public int Int(int c, bool optional = false)
        {
            var value = optional ? OptionalNumber(c, whole: true) ?? 0 : Number(c, whole: true);
            if (value is >= int.MinValue and <= int.MaxValue)
                return (int)value;
            errors.Add(new(sheet.Name, row, columns[c], UiTexts.Format("Admin_Catalogue.Result.CellTooLarge", Text(c))));
            return 0;
        }

        public decimal? OptionalNumber(int c, bool whole, bool report = true)
        {
            var cell = sheet.Cell(row, c + 1);
            var text = Text(c);
            if (text.Length == 0)
                return null;
            decimal value = 0;
            bool ok;
            if (cell.DataType == XLDataType.Number)
            {
                var d = cell.GetDouble();
                ok = Math.Abs(d) < 7.9e27;
                if (ok)
                    value = (decimal)d;
            }
            else
                ok = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
            if (ok && (!whole || (value == decimal.Truncate(value) && Math.Abs(value) <= long.MaxValue)))
                return value;
            if (report)
                errors.Add(new(sheet.Name, row, columns[c], UiTexts.Format(whole ? "Admin_Catalogue.Result.CellNotWhole" : "Admin_Catalogue.Result.CellNotNumber", text)));
            return 0;
        }

        private decimal Missing(int c, bool report)
        {
            if (report)
                errors.Add(new(sheet.Name, row, columns[c], UiTexts.Get("Admin_Catalogue.Result.CellEmpty")));
            return 0;
        }
    }
}
