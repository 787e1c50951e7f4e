using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HcmcPortal.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PaidAt",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaymentChannel",
                table: "Dossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentReceiptNumber",
                table: "Dossiers",
                type: "TEXT",
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
