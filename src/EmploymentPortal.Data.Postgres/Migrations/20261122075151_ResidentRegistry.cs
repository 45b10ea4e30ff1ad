using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CurrentStatus",
                table: "Residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisabilityCertificateNumber",
                table: "Residents",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Education",
                table: "Residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GraduateMajor",
                table: "Residents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GraduateSchool",
                table: "Residents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "GraduatedOn",
                table: "Residents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HukouPlace",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HukouType",
                table: "Residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPovertyMonitoredHousehold",
                table: "Residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsRelocatedResident",
                table: "Residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsVeteran",
                table: "Residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftSchoolOn",
                table: "Residents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MigrantWorker",
                table: "Residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "UnemploymentRegistrationNumber",
                table: "Residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmploymentStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RegistrationNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmploymentStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmploymentStatusChanges_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidentContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Services = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentContacts_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_CurrentStatus",
                table: "Residents",
                columns: new[] { "CommunityId", "CurrentStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentStatusChanges_RegistrationNumber",
                table: "EmploymentStatusChanges",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentStatusChanges_ResidentId_EffectiveFrom",
                table: "EmploymentStatusChanges",
                columns: new[] { "ResidentId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentContacts_ResidentId_ContactedOn",
                table: "ResidentContacts",
                columns: new[] { "ResidentId", "ContactedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmploymentStatusChanges");

            migrationBuilder.DropTable(
                name: "ResidentContacts");

            migrationBuilder.DropIndex(
                name: "IX_Residents_CommunityId_CurrentStatus",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "CurrentStatus",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DisabilityCertificateNumber",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "Education",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "GraduateMajor",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "GraduateSchool",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "GraduatedOn",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "HukouPlace",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "HukouType",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IsPovertyMonitoredHousehold",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IsRelocatedResident",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IsVeteran",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "LeftSchoolOn",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "MigrantWorker",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "UnemploymentRegistrationNumber",
                table: "Residents");
        }
    }
}
