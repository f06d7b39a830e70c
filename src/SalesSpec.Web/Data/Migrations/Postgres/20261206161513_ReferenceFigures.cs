using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesSpec.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferenceFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ShowsReferenceFigures",
                table: "Organizations",
                type: "boolean",
                nullable: false,
                // Existing organisations see the figures, as new ones do; an Admin hides them in the settings.
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ShowsReferenceFigures",
                table: "Organizations");
        }
    }
}
