using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesSpec.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Scenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RampMonths",
                table: "SalesRoles",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            // Roles of organisations created before roles had costs and ramps get the template's
            // defaults (docs/scenarios.md), so scenarios have numbers to show until someone edits them.
            migrationBuilder.Sql("UPDATE \"SalesRoles\" SET \"RampMonths\" = 3, \"AnnualLoadedCost\" = COALESCE(\"AnnualLoadedCost\", 70000) WHERE \"Name\" = 'Market Response Rep';");
            migrationBuilder.Sql("UPDATE \"SalesRoles\" SET \"RampMonths\" = 3, \"AnnualLoadedCost\" = COALESCE(\"AnnualLoadedCost\", 75000) WHERE \"Name\" = 'Sales Development Rep';");
            migrationBuilder.Sql("UPDATE \"SalesRoles\" SET \"RampMonths\" = 3, \"AnnualLoadedCost\" = COALESCE(\"AnnualLoadedCost\", 75000) WHERE \"Name\" = 'Demand Generation Rep';");
            migrationBuilder.Sql("UPDATE \"SalesRoles\" SET \"RampMonths\" = 5, \"AnnualLoadedCost\" = COALESCE(\"AnnualLoadedCost\", 150000) WHERE \"Name\" = 'Account Executive';");
            migrationBuilder.Sql("UPDATE \"SalesRoles\" SET \"RampMonths\" = 3, \"AnnualLoadedCost\" = COALESCE(\"AnnualLoadedCost\", 110000) WHERE \"Name\" = 'Account Manager';");
            migrationBuilder.Sql("UPDATE \"SalesRoles\" SET \"RampMonths\" = 5, \"AnnualLoadedCost\" = COALESCE(\"AnnualLoadedCost\", 130000) WHERE \"Name\" = 'Full-Cycle Rep';");
            migrationBuilder.Sql("UPDATE \"SalesRoles\" SET \"RampMonths\" = 0, \"AnnualLoadedCost\" = COALESCE(\"AnnualLoadedCost\", 180000) WHERE \"Name\" = 'Sales Manager';");

            migrationBuilder.CreateTable(
                name: "Scenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    StartMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Focus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Roles = table.Column<string>(type: "text", nullable: false),
                    Hires = table.Column<string>(type: "text", nullable: false),
                    HandOffs = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scenarios_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_OrganizationId_Name",
                table: "Scenarios",
                columns: new[] { "OrganizationId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Scenarios");

            migrationBuilder.DropColumn(
                name: "RampMonths",
                table: "SalesRoles");
        }
    }
}
