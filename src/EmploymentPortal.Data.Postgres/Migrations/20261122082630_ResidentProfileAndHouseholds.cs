using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentProfileAndHouseholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DesiredWageMaxFen",
                table: "Residents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DesiredWageMinFen",
                table: "Residents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DifficultyCategory",
                table: "Residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DifficultyCertifiedBy",
                table: "Residents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DifficultyCertifiedOn",
                table: "Residents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DifficultyRevocationReason",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DifficultyRevokedOn",
                table: "Residents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredWorkTypes",
                table: "Residents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WantedOccupation",
                table: "Residents",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WantedOccupationGroup",
                table: "Residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsZeroEmployment = table.Column<bool>(type: "boolean", nullable: false),
                    ZeroEmploymentSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ZeroEmploymentClearedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClearedByMember = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResidentTransferRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToCommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentTransferRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentTransferRequests_Communities_FromCommunityId",
                        column: x => x.FromCommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidentTransferRequests_Communities_ToCommunityId",
                        column: x => x.ToCommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidentTransferRequests_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AbleToWork = table.Column<bool>(type: "boolean", nullable: false),
                    WantsWork = table.Column<bool>(type: "boolean", nullable: false),
                    IsEmployed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_HouseholdId",
                table: "HouseholdMembers",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_IdNumber",
                table: "HouseholdMembers",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_ResidentId",
                table: "HouseholdMembers",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_CommunityId_IsZeroEmployment",
                table: "Households",
                columns: new[] { "CommunityId", "IsZeroEmployment" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTransferRequests_FromCommunityId_Status",
                table: "ResidentTransferRequests",
                columns: new[] { "FromCommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTransferRequests_ResidentId_Status",
                table: "ResidentTransferRequests",
                columns: new[] { "ResidentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTransferRequests_ToCommunityId_Status",
                table: "ResidentTransferRequests",
                columns: new[] { "ToCommunityId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdMembers");

            migrationBuilder.DropTable(
                name: "ResidentTransferRequests");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropColumn(
                name: "DesiredWageMaxFen",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DesiredWageMinFen",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DifficultyCategory",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DifficultyCertifiedBy",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DifficultyCertifiedOn",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DifficultyRevocationReason",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DifficultyRevokedOn",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "PreferredWorkTypes",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "WantedOccupation",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "WantedOccupationGroup",
                table: "Residents");
        }
    }
}
