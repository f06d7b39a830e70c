using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesSpec.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportedRepWeekLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ImportedRepWeeks_OrganizationId_RepId_WeekStart",
                table: "ImportedRepWeeks",
                columns: new[] { "OrganizationId", "RepId", "WeekStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportedRepWeeks_OrganizationId_RepId_WeekStart",
                table: "ImportedRepWeeks");
        }
    }
}
