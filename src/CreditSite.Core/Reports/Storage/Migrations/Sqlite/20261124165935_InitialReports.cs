using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditSite.Reports.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_reports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VerificationCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    MaskedIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_access_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReportNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ViewerRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ViewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ViewerUscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    GrantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_access_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_grants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectMaskedIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    GranteeKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GranteeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GranteeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GranteeDisplayId = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PurposeText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SingleUse = table.Column<bool>(type: "INTEGER", nullable: false),
                    UseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_grants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_reports_GrantId",
                table: "credit_reports",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_credit_reports_Number",
                table: "credit_reports",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_reports_SubjectKey_IssuedAt",
                table: "credit_reports",
                columns: new[] { "SubjectKey", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_report_access_log_SubjectKey_At",
                table: "report_access_log",
                columns: new[] { "SubjectKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_report_grants_CodeHash",
                table: "report_grants",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_grants_GranteeKey",
                table: "report_grants",
                column: "GranteeKey");

            migrationBuilder.CreateIndex(
                name: "IX_report_grants_SubjectKey",
                table: "report_grants",
                column: "SubjectKey");

            // The access record is append-only (个人信息查询使用登记): the database refuses changes and deletions.
            migrationBuilder.Sql("CREATE TRIGGER report_access_log_no_update BEFORE UPDATE ON report_access_log BEGIN SELECT RAISE(ABORT, 'report_access_log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER report_access_log_no_delete BEFORE DELETE ON report_access_log BEGIN SELECT RAISE(ABORT, 'report_access_log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_access_log_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_access_log_no_delete;");
            migrationBuilder.DropTable(
                name: "credit_reports");

            migrationBuilder.DropTable(
                name: "report_access_log");

            migrationBuilder.DropTable(
                name: "report_grants");
        }
    }
}
