using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    To = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOutboxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Roles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DossierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DossierCode = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Screen = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true)
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
