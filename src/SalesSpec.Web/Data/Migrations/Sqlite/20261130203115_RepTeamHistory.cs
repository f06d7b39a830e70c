using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesSpec.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RepTeamHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RepTeamAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromWeek = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToWeek = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepTeamAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepTeamAssignments_Reps_RepId",
                        column: x => x.RepId,
                        principalTable: "Reps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RepTeamAssignments_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RepTeamAssignments_RepId_FromWeek",
                table: "RepTeamAssignments",
                columns: new[] { "RepId", "FromWeek" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepTeamAssignments_TeamId_FromWeek",
                table: "RepTeamAssignments",
                columns: new[] { "TeamId", "FromWeek" });

            // Every existing rep has been in their current team from the start (RepTeamAssignment.Beginning).
            migrationBuilder.Sql("INSERT INTO \"RepTeamAssignments\" (\"RepId\", \"TeamId\", \"FromWeek\", \"ToWeek\") SELECT \"Id\", \"TeamId\", '1900-01-01', NULL FROM \"Reps\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RepTeamAssignments");
        }
    }
}
