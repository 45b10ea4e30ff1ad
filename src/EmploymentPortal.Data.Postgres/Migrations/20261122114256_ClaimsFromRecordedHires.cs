using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClaimsFromRecordedHires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HireId",
                table: "Claims",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_HireId",
                table: "Claims",
                column: "HireId");

            migrationBuilder.AddForeignKey(
                name: "FK_Claims_Hires_HireId",
                table: "Claims",
                column: "HireId",
                principalTable: "Hires",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Claims_Hires_HireId",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_HireId",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "HireId",
                table: "Claims");
        }
    }
}
