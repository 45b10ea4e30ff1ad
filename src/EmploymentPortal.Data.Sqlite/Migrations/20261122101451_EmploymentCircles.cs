using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmploymentCircles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Vacancies_Latitude_Longitude",
                table: "Vacancies");

            migrationBuilder.AddColumn<long>(
                name: "GeoCell",
                table: "Vacancies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing vacancies get their GeoGrid cell: row ⌊(lat + 90) × 100⌋ × 100000 +
            // column ⌊(lon + 180) × 100⌋, as GeoGrid.CellOf computes it (both sums are
            // non-negative, so the integer cast truncates to the floor).
            migrationBuilder.Sql("""
                UPDATE "Vacancies" SET "GeoCell" = CAST(("Latitude" + 90.0) * 100.0 AS INTEGER) * 100000 + CAST(("Longitude" + 180.0) * 100.0 AS INTEGER);
                """);

            migrationBuilder.AddColumn<long>(
                name: "HomeGeoCell",
                table: "Residents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HomeLatitude",
                table: "Residents",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HomeLongitude",
                table: "Residents",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CircleStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaxUnemploymentRatePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    RequireZeroEmploymentFamiliesCleared = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinFollowUpCoveragePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    MinOpeningsPerUnemployed = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircleStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingAgeResidents = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredUnemployed = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowedUp = table.Column<int>(type: "INTEGER", nullable: false),
                    ZeroEmploymentFamilies = table.Column<int>(type: "INTEGER", nullable: true),
                    OpeningsWithinRadius = table.Column<int>(type: "INTEGER", nullable: false),
                    RadiusKm = table.Column<double>(type: "REAL", nullable: false),
                    UnemploymentRatePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    FollowUpCoveragePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    OpeningsPerUnemployed = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    MeetsStandard = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityAssessments_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnswerNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Status_GeoCell",
                table: "Vacancies",
                columns: new[] { "Status", "GeoCell" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_HomeGeoCell",
                table: "Residents",
                column: "HomeGeoCell");

            migrationBuilder.CreateIndex(
                name: "IX_CircleStandards_EffectiveFrom",
                table: "CircleStandards",
                column: "EffectiveFrom");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityAssessments_CommunityId_Month",
                table: "CommunityAssessments",
                columns: new[] { "CommunityId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityAssessments_Month",
                table: "CommunityAssessments",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_CommunityId_ReferredAt",
                table: "JobReferrals",
                columns: new[] { "CommunityId", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_EnterpriseId_Status",
                table: "JobReferrals",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_ResidentId_VacancyId",
                table: "JobReferrals",
                columns: new[] { "ResidentId", "VacancyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_VacancyId",
                table: "JobReferrals",
                column: "VacancyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CircleStandards");

            migrationBuilder.DropTable(
                name: "CommunityAssessments");

            migrationBuilder.DropTable(
                name: "JobReferrals");

            migrationBuilder.DropIndex(
                name: "IX_Vacancies_Status_GeoCell",
                table: "Vacancies");

            migrationBuilder.DropIndex(
                name: "IX_Residents_HomeGeoCell",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "GeoCell",
                table: "Vacancies");

            migrationBuilder.DropColumn(
                name: "HomeGeoCell",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "HomeLatitude",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "HomeLongitude",
                table: "Residents");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Latitude_Longitude",
                table: "Vacancies",
                columns: new[] { "Latitude", "Longitude" });
        }
    }
}
