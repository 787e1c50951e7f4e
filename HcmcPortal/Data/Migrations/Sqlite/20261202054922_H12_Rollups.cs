using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H12_Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_UnitId_Stage",
                table: "Dossiers");

            migrationBuilder.CreateTable(
                name: "DossierRollups",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Online = table.Column<int>(type: "INTEGER", nullable: false),
                    Digitised = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultDigitised = table.Column<int>(type: "INTEGER", nullable: false),
                    WithFee = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    Complaint = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfiedHandling = table.Column<int>(type: "INTEGER", nullable: false),
                    Rated = table.Column<int>(type: "INTEGER", nullable: false),
                    RatedSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedInPerson = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedEarly = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedLate = table.Column<int>(type: "INTEGER", nullable: false),
                    Returned = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Stopped = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAfterReceipt = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierRollups", x => new { x.Day, x.UnitId, x.ProcedureId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_FinishedAt_ReceivedAt",
                table: "Dossiers",
                columns: new[] { "FinishedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitId_ApplicantName",
                table: "Dossiers",
                columns: new[] { "UnitId", "ApplicantName" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitId_FinishedAt_DueAt",
                table: "Dossiers",
                columns: new[] { "UnitId", "FinishedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitId_Stage_SubmittedAt",
                table: "Dossiers",
                columns: new[] { "UnitId", "Stage", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitId_Status_ApplicantName",
                table: "Dossiers",
                columns: new[] { "UnitId", "Status", "ApplicantName" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitId_SubmittedAt",
                table: "Dossiers",
                columns: new[] { "UnitId", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierRollups");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_FinishedAt_ReceivedAt",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_UnitId_ApplicantName",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_UnitId_FinishedAt_DueAt",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_UnitId_Stage_SubmittedAt",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_UnitId_Status_ApplicantName",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_UnitId_SubmittedAt",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitId_Stage",
                table: "Dossiers",
                columns: new[] { "UnitId", "Stage" });
        }
    }
}
