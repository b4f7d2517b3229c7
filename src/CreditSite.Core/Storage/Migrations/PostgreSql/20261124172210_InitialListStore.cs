using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CreditSite.Storage.Migrations.PostgreSql
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    replace_all = table.Column<bool>(type: "boolean", nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    inserted = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    removed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "list_entries",
                columns: table => new
                {
                    entry_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    list_kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    subject_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    resident_id_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    masked_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    subject_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    issuing_department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    public_until = table.Column<DateOnly>(type: "date", nullable: false),
                    severity = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    change_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_list_entries", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "list_entry_removals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    change_seq = table.Column<long>(type: "bigint", nullable: false)
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
