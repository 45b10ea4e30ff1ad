using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommunityAwardAndPlacementClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ResidentId",
                table: "Claims",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClaimMonth",
                table: "Claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlacementId",
                table: "Claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_PlacementId",
                table: "Claims",
                column: "PlacementId");

            migrationBuilder.AddForeignKey(
                name: "FK_Claims_PostPlacements_PlacementId",
                table: "Claims",
                column: "PlacementId",
                principalTable: "PostPlacements",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Claims_PostPlacements_PlacementId",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_PlacementId",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "ClaimMonth",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "PlacementId",
                table: "Claims");

            migrationBuilder.AlterColumn<Guid>(
                name: "ResidentId",
                table: "Claims",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
