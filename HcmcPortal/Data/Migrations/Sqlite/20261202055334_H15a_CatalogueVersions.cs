using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "RequiredDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "TemplateContent",
                table: "RequiredDocuments",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemplateFileName",
                table: "RequiredDocuments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Procedures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                table: "Procedures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "Procedures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivingUnitCodes",
                table: "Procedures",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "UnpublishedAt",
                table: "Procedures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxLength",
                table: "ProcedureFormFields",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MaxValue",
                table: "ProcedureFormFields",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MinValue",
                table: "ProcedureFormFields",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProcedureVersion",
                table: "Dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ProcedureChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: true),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
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
