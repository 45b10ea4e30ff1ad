using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpMonthsAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_CommunityId_CurrentStatus",
                table: "Residents");

            migrationBuilder.AddColumn<int>(
                name: "StableKeyGroups",
                table: "Residents",
                type: "INTEGER",
                maxLength: 40,
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UnemployedSince",
                table: "Residents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpMonths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegisteredUnemployed = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpMonths_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OverdueFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpMonthId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverdueFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OverdueFollowUps_FollowUpMonths_FollowUpMonthId",
                        column: x => x.FollowUpMonthId,
                        principalTable: "FollowUpMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OverdueFollowUps_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_BirthDate_Id",
                table: "Residents",
                columns: new[] { "CommunityId", "BirthDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_CurrentStatus_Id",
                table: "Residents",
                columns: new[] { "CommunityId", "CurrentStatus", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_LeftSchoolOn",
                table: "Residents",
                columns: new[] { "CommunityId", "LeftSchoolOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_Name_Id",
                table: "Residents",
                columns: new[] { "CommunityId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CurrentStatus_Id",
                table: "Residents",
                columns: new[] { "CurrentStatus", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_Disabled",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 1) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_MigrantWorker",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 8) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_PovertyMonitoredHousehold",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 16) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_RelocatedResident",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 4) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_Veteran",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 2) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpMonths_CommunityId_Month",
                table: "FollowUpMonths",
                columns: new[] { "CommunityId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpMonths_Month",
                table: "FollowUpMonths",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_OverdueFollowUps_CommunityId_Month_ResidentId",
                table: "OverdueFollowUps",
                columns: new[] { "CommunityId", "Month", "ResidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_OverdueFollowUps_FollowUpMonthId_ResidentId",
                table: "OverdueFollowUps",
                columns: new[] { "FollowUpMonthId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OverdueFollowUps_ResidentId",
                table: "OverdueFollowUps",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OverdueFollowUps");

            migrationBuilder.DropTable(
                name: "FollowUpMonths");

            migrationBuilder.DropIndex(
                name: "IX_Residents_CommunityId_BirthDate_Id",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_CommunityId_CurrentStatus_Id",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_CommunityId_LeftSchoolOn",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_CommunityId_Name_Id",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_CurrentStatus_Id",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_KeyGroup_Disabled",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_KeyGroup_MigrantWorker",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_KeyGroup_PovertyMonitoredHousehold",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_KeyGroup_RelocatedResident",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_KeyGroup_Veteran",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "StableKeyGroups",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "UnemployedSince",
                table: "Residents");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_CurrentStatus",
                table: "Residents",
                columns: new[] { "CommunityId", "CurrentStatus" });
        }
    }
}
