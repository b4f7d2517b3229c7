using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CreditSite.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CreditRepair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "record_corrections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    record_kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    old_value = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    new_value = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_corrections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_holds",
                columns: table => new
                {
                    record_kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    request_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_holds", x => new { x.record_kind, x.record_id });
                });

            migrationBuilder.CreateTable(
                name: "repair_audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    request_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_repair_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repair_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    query_code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    record_kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    applicant_subject_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    statement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    objection_field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    commitment_accepted = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    paused_days_left = table.Column<int>(type: "integer", nullable: true),
                    record_status_before = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_repair_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repair_request_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<long>(type: "bigint", nullable: false),
                    step = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_repair_request_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_repair_request_events_repair_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "repair_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_record_corrections_record",
                table: "record_corrections",
                columns: new[] { "record_kind", "record_id" });

            migrationBuilder.CreateIndex(
                name: "ix_repair_audit_log_request",
                table: "repair_audit_log",
                column: "request_number");

            migrationBuilder.CreateIndex(
                name: "IX_repair_request_events_request_id",
                table: "repair_request_events",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_repair_requests_applicant",
                table: "repair_requests",
                column: "applicant_subject_key");

            migrationBuilder.CreateIndex(
                name: "ix_repair_requests_number",
                table: "repair_requests",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repair_requests_queue",
                table: "repair_requests",
                columns: new[] { "department", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_repair_requests_record",
                table: "repair_requests",
                columns: new[] { "record_kind", "record_id" });

            // The audit log is append-only: the database itself refuses to change or remove a line.
            migrationBuilder.Sql("CREATE FUNCTION repair_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'repair_audit_log is append-only'; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER repair_audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON repair_audit_log FOR EACH STATEMENT EXECUTE FUNCTION repair_audit_log_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS repair_audit_log_append_only ON repair_audit_log;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS repair_audit_log_append_only();");
            migrationBuilder.DropTable(
                name: "record_corrections");

            migrationBuilder.DropTable(
                name: "record_holds");

            migrationBuilder.DropTable(
                name: "repair_audit_log");

            migrationBuilder.DropTable(
                name: "repair_request_events");

            migrationBuilder.DropTable(
                name: "repair_requests");
        }
    }
}
