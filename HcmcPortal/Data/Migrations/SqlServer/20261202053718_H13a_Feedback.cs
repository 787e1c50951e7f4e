using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace HcmcPortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class H13a_Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Latitude = table.Column<double>(type: "float", nullable: true),
                    Longitude = table.Column<double>(type: "float", nullable: true),
                    Address = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    UnitChosenByReporter = table.Column<bool>(type: "bit", nullable: false),
                    ReporterUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AnonymousToPublic = table.Column<bool>(type: "bit", nullable: false),
                    PhotosPublic = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ArrivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcceptDueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolveDueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishDueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RefusedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClockStoppedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    StoppedWorkingDays = table.Column<int>(type: "int", nullable: false),
                    InfoRequest = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Answer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RefusalReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    TransferCount = table.Column<int>(type: "int", nullable: false),
                    ReopenCount = table.Column<int>(type: "int", nullable: false),
                    LastReopenedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolvedOnTime = table.Column<bool>(type: "bit", nullable: true),
                    Satisfied = table.Column<bool>(type: "bit", nullable: true),
                    RatingReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RemindedForDueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EscalatedForDueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackReports_AspNetUsers_ReporterUserId",
                        column: x => x.ReporterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackReports_FeedbackCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "FeedbackCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorUnitId = table.Column<int>(type: "int", nullable: true),
                    Action = table.Column<int>(type: "int", nullable: false),
                    FromStatus = table.Column<int>(type: "int", nullable: true),
                    ToStatus = table.Column<int>(type: "int", nullable: false),
                    FromUnitId = table.Column<int>(type: "int", nullable: true),
                    ToUnitId = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackEvents_FeedbackReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "FeedbackReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "int", nullable: false),
                    Height = table.Column<int>(type: "int", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackPhotos_FeedbackReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "FeedbackReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackPhotoContents",
                columns: table => new
                {
                    PhotoId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Data = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackPhotoContents", x => x.PhotoId);
                    table.ForeignKey(
                        name: "FK_FeedbackPhotoContents_FeedbackPhotos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "FeedbackPhotos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "FeedbackCategories",
                columns: new[] { "Id", "Code", "IsActive", "Name", "NameEn", "Order" },
                values: new object[,]
                {
                    { 1, "trat-tu-do-thi", true, "Trật tự đô thị, xây dựng", "Urban order and construction", 1 },
                    { 2, "moi-truong", true, "Môi trường, vệ sinh", "Environment and sanitation", 2 },
                    { 3, "giao-thong", true, "Giao thông, đường sá", "Traffic and roads", 3 },
                    { 4, "an-ninh-trat-tu", true, "An ninh, trật tự", "Public security", 4 },
                    { 5, "thu-tuc-hanh-chinh", true, "Thủ tục hành chính, dịch vụ công", "Administrative procedures and public services", 5 },
                    { 6, "y-te-giao-duc", true, "Y tế, giáo dục", "Health and education", 6 },
                    { 7, "khac", true, "Khác", "Other", 7 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCategories_Code",
                table: "FeedbackCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackEvents_Action_At",
                table: "FeedbackEvents",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackEvents_ReportId_At",
                table: "FeedbackEvents",
                columns: new[] { "ReportId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackPhotos_ReportId_Kind",
                table: "FeedbackPhotos",
                columns: new[] { "ReportId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReports_CategoryId_Latitude_Longitude",
                table: "FeedbackReports",
                columns: new[] { "CategoryId", "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReports_Code",
                table: "FeedbackReports",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReports_DueAt",
                table: "FeedbackReports",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReports_ReporterUserId_SubmittedAt",
                table: "FeedbackReports",
                columns: new[] { "ReporterUserId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReports_SubmittedAt_CategoryId",
                table: "FeedbackReports",
                columns: new[] { "SubmittedAt", "CategoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReports_UnitId_Status_DueAt",
                table: "FeedbackReports",
                columns: new[] { "UnitId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReports_UnitId_SubmittedAt",
                table: "FeedbackReports",
                columns: new[] { "UnitId", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackEvents");

            migrationBuilder.DropTable(
                name: "FeedbackPhotoContents");

            migrationBuilder.DropTable(
                name: "FeedbackPhotos");

            migrationBuilder.DropTable(
                name: "FeedbackReports");

            migrationBuilder.DropTable(
                name: "FeedbackCategories");
        }
    }
}
