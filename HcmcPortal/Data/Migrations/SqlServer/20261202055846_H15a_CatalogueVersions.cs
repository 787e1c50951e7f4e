using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class H15a_CatalogueVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing procedures are their version 1 (live rows never edited); existing dossiers were filed under it.
            migrationBuilder.AddColumn<string>(
                name: "AcceptedTypes",
                table: "RequiredDocuments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "RequiredDocuments",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "TemplateContent",
                table: "RequiredDocuments",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemplateFileName",
                table: "RequiredDocuments",
                type: "nvarchar(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Procedures",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                table: "Procedures",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "Procedures",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivingUnitCodes",
                table: "Procedures",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "UnpublishedAt",
                table: "Procedures",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxLength",
                table: "ProcedureFormFields",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MaxValue",
                table: "ProcedureFormFields",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MinValue",
                table: "ProcedureFormFields",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProcedureVersion",
                table: "Dossiers",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ProcedureChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProcedureId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    BeforeJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AfterJson = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureChanges_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProcedureId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    DefinitionJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureVersions_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureChanges_ProcedureId_At",
                table: "ProcedureChanges",
                columns: new[] { "ProcedureId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersions_ProcedureId_Number",
                table: "ProcedureVersions",
                columns: new[] { "ProcedureId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcedureChanges");

            migrationBuilder.DropTable(
                name: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "AcceptedTypes",
                table: "RequiredDocuments");

            migrationBuilder.DropColumn(
                name: "Retired",
                table: "RequiredDocuments");

            migrationBuilder.DropColumn(
                name: "TemplateContent",
                table: "RequiredDocuments");

            migrationBuilder.DropColumn(
                name: "TemplateFileName",
                table: "RequiredDocuments");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "CurrentVersion",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "ReceivingUnitCodes",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "UnpublishedAt",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "MaxLength",
                table: "ProcedureFormFields");

            migrationBuilder.DropColumn(
                name: "MaxValue",
                table: "ProcedureFormFields");

            migrationBuilder.DropColumn(
                name: "MinValue",
                table: "ProcedureFormFields");

            migrationBuilder.DropColumn(
                name: "ProcedureVersion",
                table: "Dossiers");
        }
    }
}
