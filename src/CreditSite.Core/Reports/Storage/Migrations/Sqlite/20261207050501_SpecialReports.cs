using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditSite.Reports.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpecialReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReportId",
                table: "report_grants",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Pdf",
                table: "credit_reports",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PdfSha256",
                table: "credit_reports",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "credit_reports",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_grants_ReportId",
                table: "report_grants",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_grants_ReportId",
                table: "report_grants");

            migrationBuilder.DropColumn(
                name: "ReportId",
                table: "report_grants");

            migrationBuilder.DropColumn(
                name: "Pdf",
                table: "credit_reports");

            migrationBuilder.DropColumn(
                name: "PdfSha256",
                table: "credit_reports");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "credit_reports");
        }
    }
}
