using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesSpec.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoleSettingsConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Model only: a role's cost and ramp become concurrency tokens; the schema does not change.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
