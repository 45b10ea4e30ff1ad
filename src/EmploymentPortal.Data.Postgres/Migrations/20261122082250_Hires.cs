using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Hires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ContractType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContractStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    ContractTermMonths = table.Column<int>(type: "integer", nullable: true),
                    SocialInsurancePaid = table.Column<bool>(type: "boolean", nullable: false),
                    SocialInsuranceFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedByRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Facts_AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Facts_KeyGroups = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Facts_StatusBeforeHire = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Facts_MonthsRegisteredUnemployed = table.Column<int>(type: "integer", nullable: false),
                    Facts_UnemploymentRegistrationNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Facts_Age = table.Column<int>(type: "integer", nullable: false),
                    Facts_Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Facts_ResidentCommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Facts_HukouType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Facts_Education = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Facts_EnterpriseSize = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Facts_EnterpriseIndustry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Facts_EnterpriseTotalEmployees = table.Column<int>(type: "integer", nullable: true),
                    Facts_EnterpriseInsuredEmployees = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
