using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditSite.Storage.Migrations.Sqlite
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
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    subject_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    legal_representative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resident_id_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    masked_id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    subject_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    public_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    department_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    source_department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    violation_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    penalty_types = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    fine_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    confiscated_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    licence_affected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    severity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    simplified_procedure = table.Column<bool>(type: "INTEGER", nullable: false),
                    decision_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    certificate_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    unpublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    first_imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    change_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_records", x => new { x.kind, x.record_id });
                });

            migrationBuilder.CreateTable(
                name: "record_removals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    change_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_removals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_subjects",
                columns: table => new
                {
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    former_names = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    legal_representative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    registration_authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    change_seq = table.Column<long>(type: "INTEGER", nullable: false)
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
