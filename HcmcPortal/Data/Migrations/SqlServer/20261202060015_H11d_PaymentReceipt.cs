using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class H11d_PaymentReceipt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PaidAmountVnd",
                table: "Dossiers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PaidAt",
                table: "Dossiers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaymentChannel",
                table: "Dossiers",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentReceiptNumber",
                table: "Dossiers",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PaidAmountVnd",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PaidAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PaymentChannel",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PaymentReceiptNumber",
                table: "Dossiers");
        }
    }
}
