using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace HcmcPortal.Reports;

/// <summary>The fonts (and, for <see cref="Header"/>, fill, border and alignment) a cell of <see cref="XlsxWriter"/> can have.</summary>
public enum CellFont { Normal, Bold, Italic, Title, Header }

/// <summary>A cell's look: its font and an optional Excel number format ("#,##0.00", "dd/mm/yyyy").</summary>
public readonly record struct CellStyle(CellFont Font = CellFont.Normal, string? Format = null)
{
    public static readonly CellStyle Plain = default;
    public static readonly CellStyle Header = new(CellFont.Header);
    public static CellStyle Of(string format) => new(CellFont.Normal, format);
}

/// <summary>
/// The one writer of every report workbook and the dossier listing: an .xlsx package written forward only — a
/// <see cref="ZipArchive"/> in create mode, each sheet streamed row by row as plain XML into its compressed entry —
/// so a workbook of any size costs its rows and no object per cell. (ClosedXML built the 168-unit DX workbook in
/// ≈ 1.4 s, most of it saving and evaluating formulas; the Open XML SDK opens the zip in update mode, buffering whole
/// sheets.) Every sheet gets the same polish: its header row wrapped and filterable, frozen panes, explicit widths,
/// A4 landscape one page wide with the header repeated; formulas carry their computed value, given by the caller, so
/// viewers that do not calculate show the totals.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly ZipArchive zip;
    private readonly List<(string Name, int HeaderRow, string? Filter)> sheets = [];
    private readonly Dictionary<CellStyle, int> styles = new() { [CellStyle.Plain] = 0 };
    private readonly Dictionary<string, int> formats = [];
    private Sheet? open;

    public XlsxWriter(Stream output) => zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    /// <summary>
    /// Starts the next sheet (closing the previous one). <paramref name="headerRow"/> is the table's header row (1-based):
    /// the autofilter starts there and it is repeated on every printed page. Frozen panes keep the rows above and at
    /// <paramref name="frozenRows"/> and the first <paramref name="frozenColumns"/> columns in view.
    /// </summary>
    public Sheet AddSheet(string name, IReadOnlyList<double> widths, int headerRow, int frozenRows, int frozenColumns = 0)
    {
        open?.Close();
        var sheet = new Sheet(this, name, headerRow, zip.CreateEntry($"xl/worksheets/sheet{sheets.Count + 1}.xml", CompressionLevel.Fastest).Open());
        sheets.Add((name, headerRow, null));
        open = sheet;
        sheet.Start(widths, frozenRows, frozenColumns);
        return sheet;
    }

    private int StyleIndex(CellStyle style)
    {
        if (!styles.TryGetValue(style, out var index))
        {
            if (style.Format is { } format && !formats.ContainsKey(format))
                formats[format] = 164 + formats.Count;
            styles[style] = index = styles.Count;
        }
        return index;
    }

    public void Dispose()
    {
        open?.Close();
        Add("[Content_Types].xml", ContentTypes());
        Add("_rels/.rels", PackageRelationships);
        Add("xl/_rels/workbook.xml.rels", WorkbookRelationships());
        Add("xl/workbook.xml", Workbook());
        Add("xl/styles.xml", Styles());
        zip.Dispose();
    }

    private void Add(string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private string ContentTypes()
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= sheets.Count; i++)
            xml.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        return xml.Append("</Types>").ToString();
    }

    private const string PackageRelationships = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private string WorkbookRelationships()
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        for (var i = 1; i <= sheets.Count; i++)
            xml.Append($"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        return xml.Append("</Relationships>").ToString();
    }

    /// <summary>The sheets, and per sheet Excel's hidden name for its filter range and the header row repeated when printed.</summary>
    private string Workbook()
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (var i = 0; i < sheets.Count; i++)
            xml.Append($"""<sheet name="{Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        xml.Append("</sheets><definedNames>");
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, headerRow, filter) = sheets[i];
            var quoted = Escape($"'{name.Replace("'", "''")}'");
            if (filter is not null)
                xml.Append($"""<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{quoted}!{filter}</definedName>""");
            xml.Append($"""<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{quoted}!${headerRow}:${headerRow}</definedName>""");
        }
        return xml.Append("</definedNames></workbook>").ToString();
    }

    /// <summary>
    /// Fonts: normal, bold, italic, title (bold 14), header (bold white); fills: none, gray125 (required), the header's
    /// blue; borders: none, the header's thin bottom line; one cell format per style used.
    /// </summary>
    private string Styles()
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{Main}">""");
        if (formats.Count > 0)
        {
            xml.Append($"""<numFmts count="{formats.Count}">""");
            foreach (var (code, id) in formats)
                xml.Append($"""<numFmt numFmtId="{id}" formatCode="{Escape(code)}"/>""");
            xml.Append("</numFmts>");
        }
        xml.Append("""<fonts count="5"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font></fonts>""");
        xml.Append("""<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF0D47A1"/><bgColor indexed="64"/></patternFill></fill></fills>""");
        xml.Append("""<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>""");
        xml.Append("""<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""");
        xml.Append($"""<cellXfs count="{styles.Count}">""");
        foreach (var (style, _) in styles.OrderBy(s => s.Value))
        {
            var format = style.Format is { } code ? formats[code] : 0;
            xml.Append($"""<xf numFmtId="{format}" fontId="{(int)style.Font}" xfId="0" applyFont="1" applyNumberFormat="{(format == 0 ? 0 : 1)}" """);
            xml.Append(style.Font == CellFont.Header
                ? """fillId="2" borderId="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"""
                : """fillId="0" borderId="0"/>""");
        }
        xml.Append("</cellXfs>");
        return xml.Append("""<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""").ToString();
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    /// <summary>
    /// One sheet being written: <see cref="Row"/> starts a row, then each cell goes in the next column (<see cref="Skip"/>
    /// leaves cells empty). Cells carry their reference (A1, B1, …), as Excel writes them.
    /// </summary>
    public sealed class Sheet
    {
        private readonly XlsxWriter book;
        private readonly string name;
        private readonly int headerRow;
        private readonly StreamWriter xml;
        private readonly char[] number = new char[32];
        private int row, column, headerColumns;
        private bool totalRow, rowOpen;

        internal Sheet(XlsxWriter book, string name, int headerRow, Stream entry)
        {
            this.book = book;
            this.name = name;
            this.headerRow = headerRow;
            xml = new StreamWriter(entry, new UTF8Encoding(false), 1 << 16);
        }

        /// <summary>The row being written (1-based).</summary>
        public int RowNumber => row;

        internal void Start(IReadOnlyList<double> widths, int frozenRows, int frozenColumns)
        {
            xml.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">""");
            if (frozenRows > 0 || frozenColumns > 0)
            {
                var pane = (frozenRows > 0, frozenColumns > 0) switch { (true, true) => "bottomRight", (true, false) => "bottomLeft", _ => "topRight" };
                xml.Write("<pane");
                if (frozenColumns > 0)
                    xml.Write($" xSplit=\"{frozenColumns}\"");
                if (frozenRows > 0)
                    xml.Write($" ySplit=\"{frozenRows}\"");
                xml.Write($" topLeftCell=\"{ColumnName(frozenColumns + 1)}{frozenRows + 1}\" activePane=\"{pane}\" state=\"frozen\"/><selection pane=\"{pane}\"/>");
            }
            xml.Write("</sheetView></sheetViews><cols>");
            for (var i = 0; i < widths.Count; i++)
                xml.Write(string.Create(CultureInfo.InvariantCulture, $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{widths[i]}\" customWidth=\"1\"/>"));
            xml.Write("</cols><sheetData>");
        }

        /// <summary>
        /// Starts the next row. A <paramref name="total"/> row (a total or an average under the table) is bold by its
        /// cells' style and stays out of the filter, so it stays under the table when the reader filters or sorts.
        /// </summary>
        public Sheet Row(double? height = null, bool total = false)
        {
            EndRow();
            row++;
            column = 0;
            totalRow = total;
            rowOpen = true;
            xml.Write("<row r=\"");
            WriteInt(row);
            if (height is double h)
                xml.Write(string.Create(CultureInfo.InvariantCulture, $"\" ht=\"{h}\" customHeight=\"1"));
            xml.Write("\">");
            return this;
        }

        /// <summary>Leaves <paramref name="cells"/> cells of the row empty.</summary>
        public Sheet Skip(int cells = 1)
        {
            column += cells;
            return this;
        }

        /// <summary>
        /// A text cell (inline: no shared-string table to hold in memory); codes such as "1.004873" stay text. Null
        /// leaves the cell empty.
        /// </summary>
        public Sheet Text(string? value, CellStyle style = default)
        {
            if (value is null)
                return Skip();
            StartCell(style, "inlineStr");
            xml.Write("<is><t");
            if (value is { Length: > 0 } && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
                xml.Write(" xml:space=\"preserve\"");
            xml.Write('>');
            WriteEscaped(value);
            xml.Write("</t></is></c>");
            return this;
        }

        /// <summary>A number; a value that is not finite (Excel has none) leaves the cell empty.</summary>
        public Sheet Number(double value, CellStyle style = default)
        {
            if (!double.IsFinite(value))
                return Skip();
            StartCell(style, null);
            xml.Write("<v>");
            WriteDouble(value);
            xml.Write("</v></c>");
            return this;
        }

        /// <summary>A date (and time) as an Excel serial date; <paramref name="style"/> gives its format, e.g. dd/mm/yyyy.</summary>
        public Sheet Date(DateTime? value, CellStyle style) => value is DateTime d ? Number(d.ToOADate(), style) : Skip();

        /// <summary>A formula with its computed value; a null value is the empty text (IF(…=0,"",…)).</summary>
        public Sheet Formula(string formula, double? value, CellStyle style = default)
        {
            if (value is double v && !double.IsFinite(v))
                value = null;
            StartCell(style, value is null ? "str" : null);
            xml.Write("<f>");
            WriteEscaped(formula);
            xml.Write("</f><v>");
            if (value is double computed)
                WriteDouble(computed);
            xml.Write("</v></c>");
            return this;
        }

        /// <summary>The column letters of the cell the next call writes (for formulas).</summary>
        public string NextColumn => ColumnName(column + 1);

        /// <summary>Column letters; the first 100 computed once, as every cell needs them.</summary>
        public static string ColumnName(int column) => column <= ColumnNames.Length ? ColumnNames[column - 1] : Letters(column);

        private static readonly string[] ColumnNames = [.. Enumerable.Range(1, 100).Select(Letters)];

        private static string Letters(int column)
        {
            var letters = "";
            for (; column > 0; column = (column - 1) / 26)
                letters = (char)('A' + (column - 1) % 26) + letters;
            return letters;
        }

        private void StartCell(CellStyle style, string? type)
        {
            column++;
            if (row == headerRow)
                headerColumns = column;
            xml.Write("<c r=\"");
            xml.Write(ColumnName(column));
            WriteInt(row);
            if (style != CellStyle.Plain)
            {
                xml.Write("\" s=\"");
                WriteInt(book.StyleIndex(style));
            }
            if (type is not null)
            {
                xml.Write("\" t=\"");
                xml.Write(type);
            }
            xml.Write("\">");
        }

        private void EndRow()
        {
            if (rowOpen)
                xml.Write("</row>");
            rowOpen = false;
        }

        private void WriteInt(int value)
        {
            value.TryFormat(number, out var length, default, CultureInfo.InvariantCulture);
            xml.Write(number, 0, length);
        }

        private void WriteDouble(double value)
        {
            value.TryFormat(number, out var length, "R", CultureInfo.InvariantCulture);
            xml.Write(number, 0, length);
        }

        /// <summary>XML-escapes the text and drops characters XML cannot carry (control characters, lone surrogates).</summary>
        private void WriteEscaped(string text)
        {
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                string? replacement;
                if (ch is '&') replacement = "&amp;";
                else if (ch is '<') replacement = "&lt;";
                else if (ch is '>') replacement = "&gt;";
                else if (ch < ' ' && ch is not ('\t' or '\n' or '\r') || ch is '\uFFFE' or '\uFFFF') replacement = "";
                else if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                else if (char.IsSurrogate(ch)) replacement = "";
                else continue;
                xml.Write(text.AsSpan(start, i - start));
                xml.Write(replacement);
                start = i + 1;
            }
            xml.Write(text.AsSpan(start));
        }

        /// <summary>Ends the sheet: the filter over the header row and the rows under it (not a final total row), print setup.</summary>
        internal void Close()
        {
            var lastFiltered = totalRow && row > headerRow ? row - 1 : row;
            EndRow();
            xml.Write("</sheetData>");
            string? filter = null;
            if (headerColumns > 0)
            {
                var last = ColumnName(headerColumns);
                filter = $"$A${headerRow}:${last}${Math.Max(lastFiltered, headerRow)}";
                xml.Write($"<autoFilter ref=\"A{headerRow}:{last}{Math.Max(lastFiltered, headerRow)}\"/>");
            }
            xml.Write("""<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/></worksheet>""");
            xml.Dispose();
            var index = book.sheets.FindIndex(s => s.Name == name);
            book.sheets[index] = (name, headerRow, filter);
            book.open = null;
        }
    }
}
