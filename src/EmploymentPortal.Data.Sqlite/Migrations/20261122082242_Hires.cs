using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Hires : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_Hires_EnterpriseId_ResidentId_StartDate",
                table: "Hires",
                columns: new[] { "EnterpriseId", "ResidentId", "StartDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Hires_ResidentId",
                table: "Hires",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Hires");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Enterprises");
        }
    }
}
