using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H12g_OfficerRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows lack the new day × unit × officer grain: emptied, they are recounted from the dossiers at start
            // (DatabaseInitializer) or by `rollups rebuild`.
            migrationBuilder.Sql("DELETE FROM \"DossierRollups\";");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DossierRollups",
                table: "DossierRollups");

            migrationBuilder.AddColumn<string>(
                name: "OfficerId",
                table: "DossierRollups",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DossierRollups",
                table: "DossierRollups",
                columns: new[] { "Day", "UnitId", "ProcedureId", "OfficerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_DossierRollups",
                table: "DossierRollups");

            migrationBuilder.DropColumn(
                name: "OfficerId",
                table: "DossierRollups");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DossierRollups",
                table: "DossierRollups",
                columns: new[] { "Day", "UnitId", "ProcedureId" });
        }
    }
}
