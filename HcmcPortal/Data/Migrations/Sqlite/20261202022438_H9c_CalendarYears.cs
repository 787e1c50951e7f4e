using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H9c_CalendarYears : Migration
    {
        /// <summary>The seeded certification procedures (ReferenceProcedures): copies from originals, signatures, translators' signatures.</summary>
        private static readonly string[] CertificationCodes = ["2.000815", "2.000884", "2.000908", "2.000843"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            // Certification (chứng thực) is due the same working day, or the next one when received after 15:00
            // (Decree 23/2015/NĐ-CP art. 21): not "4 working hours" nor "1 working day" as first seeded.
            // Dossiers already received keep the due date they were promised.
            foreach (var code in CertificationCodes)
            {
                migrationBuilder.UpdateData(table: "Procedures", keyColumn: "Code", keyValue: code,
                    columns: ["TimeLimitUnit", "TimeLimitValue"], values: [4, 0]);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The certification time limits are not put back: the old ones were wrong.
            migrationBuilder.DropTable(
                name: "CalendarYears");
        }
    }
}
