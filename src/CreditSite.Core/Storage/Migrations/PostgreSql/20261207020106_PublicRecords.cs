using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CreditSite.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PublicRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "public_records",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    legal_representative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resident_id_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    masked_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    subject_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    public_until = table.Column<DateOnly>(type: "date", nullable: true),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    source_department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    violation_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    penalty_types = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    fine_amount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    confiscated_amount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    licence_affected = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    severity = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    simplified_procedure = table.Column<bool>(type: "boolean", nullable: false),
                    decision_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    certificate_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    unpublished = table.Column<bool>(type: "boolean", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    change_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_records", x => new { x.kind, x.record_id });
                });

            migrationBuilder.CreateTable(
                name: "record_removals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    change_seq = table.Column<long>(type: "bigint", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_removals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_subjects",
                columns: table => new
                {
                    uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    former_names = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    legal_representative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    registration_authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    change_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_subjects", x => x.uscc);
                });

            migrationBuilder.CreateIndex(
                name: "ix_public_records_change_seq",
                table: "public_records",
                columns: new[] { "change_seq", "kind", "record_id" });

            migrationBuilder.CreateIndex(
                name: "ix_public_records_department_first_imported",
                table: "public_records",
                columns: new[] { "department", "first_imported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_public_records_public_until",
                table: "public_records",
                column: "public_until");

            migrationBuilder.CreateIndex(
                name: "ix_public_records_resident_id_hash",
                table: "public_records",
                column: "resident_id_hash");

            migrationBuilder.CreateIndex(
                name: "ix_public_records_subject_key",
                table: "public_records",
                column: "subject_key");

            migrationBuilder.CreateIndex(
                name: "ix_public_records_uscc",
                table: "public_records",
                column: "uscc");

            migrationBuilder.CreateIndex(
                name: "ix_record_removals_change_seq",
                table: "record_removals",
                column: "change_seq");

            migrationBuilder.CreateIndex(
                name: "ix_record_removals_removed_at",
                table: "record_removals",
                column: "removed_at");

            migrationBuilder.CreateIndex(
                name: "ix_registry_subjects_change_seq",
                table: "registry_subjects",
                columns: new[] { "change_seq", "uscc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_records");

            migrationBuilder.DropTable(
                name: "record_removals");

            migrationBuilder.DropTable(
                name: "registry_subjects");
        }
    }
}
