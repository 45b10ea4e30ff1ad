using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HiresPostsAndJobFairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Enterprises",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Hires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContractType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContractStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractTermMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    SocialInsurancePaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    SocialInsuranceFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedByRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Facts_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Facts_KeyGroups = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Facts_StatusBeforeHire = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_MonthsRegisteredUnemployed = table.Column<int>(type: "INTEGER", nullable: false),
                    Facts_UnemploymentRegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_Age = table.Column<int>(type: "INTEGER", nullable: false),
                    Facts_Sex = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Facts_ResidentCommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Facts_HukouType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_Education = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_EnterpriseSize = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_EnterpriseIndustry = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_EnterpriseTotalEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    Facts_EnterpriseInsuredEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Hires_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Hires_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobFairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobFairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PostProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Posts = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlySubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxDurationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobFairParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobFairId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostsOffered = table.Column<int>(type: "INTEGER", nullable: false),
                    Intentions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobFairParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobFairParticipants_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobFairParticipants_JobFairs_JobFairId",
                        column: x => x.JobFairId,
                        principalTable: "JobFairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostPlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Retained = table.Column<bool>(type: "INTEGER", nullable: false),
                    WasRelocatedResident = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostPlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostPlacements_PostProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "PostProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostPlacements_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Hires_EnterpriseId_ResidentId_StartDate",
                table: "Hires",
                columns: new[] { "EnterpriseId", "ResidentId", "StartDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Hires_ResidentId",
                table: "Hires",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_JobFairParticipants_EnterpriseId",
                table: "JobFairParticipants",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_JobFairParticipants_JobFairId_EnterpriseId",
                table: "JobFairParticipants",
                columns: new[] { "JobFairId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobFairs_Date",
                table: "JobFairs",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_PostPlacements_ProgrammeId_EndedOn",
                table: "PostPlacements",
                columns: new[] { "ProgrammeId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PostPlacements_ResidentId",
                table: "PostPlacements",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PostProgrammes_Year_Kind",
                table: "PostProgrammes",
                columns: new[] { "Year", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Hires");

            migrationBuilder.DropTable(
                name: "JobFairParticipants");

            migrationBuilder.DropTable(
                name: "PostPlacements");

            migrationBuilder.DropTable(
                name: "JobFairs");

            migrationBuilder.DropTable(
                name: "PostProgrammes");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Enterprises");
        }
    }
}
