using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesSpec.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WeeklySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.OrganizationId);
                    table.ForeignKey(
                        name: "FK_DataVersions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepWeekSummaries",
                columns: table => new
                {
                    RepId = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WeekNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    InboundQualificationE4 = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboundProspectingE4 = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosingE4 = table.Column<int>(type: "INTEGER", nullable: false),
                    PostSalesE4 = table.Column<int>(type: "INTEGER", nullable: false),
                    NonSellingE4 = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepWeekSummaries", x => new { x.RepId, x.WeekStart });
                    table.ForeignKey(
                        name: "FK_RepWeekSummaries_Reps_RepId",
                        column: x => x.RepId,
                        principalTable: "Reps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RepWeekSummaries_OrganizationId_WeekStart",
                table: "RepWeekSummaries",
                columns: new[] { "OrganizationId", "WeekStart" });

            // The time logs already saved, summed in ten-thousandths as WeeklySummaries.RefreshSql does (written out: a migration must not change with the code).
            migrationBuilder.Sql(
                """
                INSERT INTO "RepWeekSummaries" ("RepId", "WeekStart", "WeekNumber", "OrganizationId", "InboundQualificationE4", "OutboundProspectingE4", "ClosingE4", "PostSalesE4", "NonSellingE4")
                SELECT t."RepId", t."WeekStart", CAST((julianday(t."WeekStart") - julianday('0001-01-01')) / 7 AS INTEGER), r."OrganizationId",
                    SUM(CAST(ROUND(CASE WHEN a."Function" = 'InboundQualification' THEN t."Hours" ELSE 0 END * 10000) AS INTEGER)),
                    SUM(CAST(ROUND(CASE WHEN a."Function" = 'OutboundProspecting' THEN t."Hours" ELSE 0 END * 10000) AS INTEGER)),
                    SUM(CAST(ROUND(CASE WHEN a."Function" = 'Closing' THEN t."Hours" ELSE 0 END * 10000) AS INTEGER)),
                    SUM(CAST(ROUND(CASE WHEN a."Function" = 'PostSales' THEN t."Hours" ELSE 0 END * 10000) AS INTEGER)),
                    SUM(CAST(ROUND(CASE WHEN a."Function" = 'NonSelling' THEN t."Hours" ELSE 0 END * 10000) AS INTEGER))
                FROM "TimeLogs" t JOIN "Reps" r ON r."Id" = t."RepId" JOIN "Activities" a ON a."Id" = t."ActivityId"
                GROUP BY t."RepId", t."WeekStart", r."OrganizationId";
                INSERT INTO "DataVersions" ("OrganizationId", "Value") SELECT "Id", (abs(random()) / 2) + 1 FROM "Organizations";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.DropTable(
                name: "RepWeekSummaries");
        }
    }
}
