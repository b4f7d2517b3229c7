using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditSite.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OverduePass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "overdue_flagged_at",
                table: "repair_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "overdue_passes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ran_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    flagged = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_passes", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "overdue_passes");

            migrationBuilder.DropColumn(
                name: "overdue_flagged_at",
                table: "repair_requests");
        }
    }
}
