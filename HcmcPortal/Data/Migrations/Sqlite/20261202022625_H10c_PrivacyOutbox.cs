using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H10c_PrivacyOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MailOutboxes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOutboxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Screen = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccesses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailOutboxes_SentAt_FailedAt_LeaseUntil",
                table: "MailOutboxes",
                columns: new[] { "SentAt", "FailedAt", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccesses_At",
                table: "PersonalDataAccesses",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccesses_DossierId_At",
                table: "PersonalDataAccesses",
                columns: new[] { "DossierId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccesses_UserId_At",
                table: "PersonalDataAccesses",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailOutboxes");

            migrationBuilder.DropTable(
                name: "PersonalDataAccesses");
        }
    }
}
