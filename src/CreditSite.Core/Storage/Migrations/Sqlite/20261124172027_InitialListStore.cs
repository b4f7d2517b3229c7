using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditSite.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialListStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_batches",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    replace_all = table.Column<bool>(type: "INTEGER", nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    removed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "list_entries",
                columns: table => new
                {
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    list_kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    subject_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    subject_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    resident_id_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    masked_id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    subject_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    issuing_department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    public_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    change_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_list_entries", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "list_entry_removals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    change_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_list_entry_removals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_change_seq_entry_id",
                table: "list_entries",
                columns: new[] { "change_seq", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_decision_date",
                table: "list_entries",
                column: "decision_date");

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_resident_id_hash",
                table: "list_entries",
                column: "resident_id_hash");

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_subject_key",
                table: "list_entries",
                column: "subject_key");

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_uscc",
                table: "list_entries",
                column: "uscc");

            migrationBuilder.CreateIndex(
                name: "ix_list_entry_removals_change_seq",
                table: "list_entry_removals",
                column: "change_seq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_batches");

            migrationBuilder.DropTable(
                name: "list_entries");

            migrationBuilder.DropTable(
                name: "list_entry_removals");
        }
    }
}
