using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EnterprisesAndVacancies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Enterprises",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Enterprises",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Industry",
                table: "Enterprises",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InsuredEmployees",
                table: "Enterprises",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentative",
                table: "Enterprises",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "Enterprises",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Size",
                table: "Enterprises",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TotalEmployees",
                table: "Enterprises",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Vacancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OccupationGroup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Occupation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Openings = table.Column<int>(type: "integer", nullable: false),
                    WageMinFen = table.Column<long>(type: "bigint", nullable: false),
                    WageMaxFen = table.Column<long>(type: "bigint", nullable: false),
                    WorkType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Requirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AcceptsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptsOlderWorkers = table.Column<bool>(type: "boolean", nullable: false),
                    NoExperienceRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vacancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vacancies_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vacancies_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Status",
                table: "Enterprises",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_CommunityId",
                table: "Vacancies",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_EnterpriseId_Status",
                table: "Vacancies",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Latitude_Longitude",
                table: "Vacancies",
                columns: new[] { "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Status_ValidUntil",
                table: "Vacancies",
                columns: new[] { "Status", "ValidUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Vacancies");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_Status",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "Industry",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "InsuredEmployees",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "LegalRepresentative",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "Size",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "TotalEmployees",
                table: "Enterprises");
        }
    }
}
