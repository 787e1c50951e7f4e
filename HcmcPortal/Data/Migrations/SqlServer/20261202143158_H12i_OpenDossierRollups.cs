using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class H12i_OpenDossierRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows lack the counters of open dossiers (by due day, not-due intervals): emptied, they are recounted from the dossiers at
            // start (DatabaseInitializer) or by `rollups rebuild`.
            migrationBuilder.Sql("DELETE FROM [DossierRollups];");

            migrationBuilder.AddColumn<int>(
                name: "NotDueFrom",
                table: "DossierRollups",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NotDueUntil",
                table: "DossierRollups",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OpenByDueDay",
                table: "DossierRollups",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OpenByDueDayNotSatisfied",
                table: "DossierRollups",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotDueFrom",
                table: "DossierRollups");

            migrationBuilder.DropColumn(
                name: "NotDueUntil",
                table: "DossierRollups");

            migrationBuilder.DropColumn(
                name: "OpenByDueDay",
                table: "DossierRollups");

            migrationBuilder.DropColumn(
                name: "OpenByDueDayNotSatisfied",
                table: "DossierRollups");
        }
    }
}
