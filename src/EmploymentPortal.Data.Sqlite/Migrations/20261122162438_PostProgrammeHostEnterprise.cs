using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PostProgrammeHostEnterprise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HostEnterpriseId",
                table: "PostProgrammes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostProgrammes_HostEnterpriseId",
                table: "PostProgrammes",
                column: "HostEnterpriseId");

            migrationBuilder.AddForeignKey(
                name: "FK_PostProgrammes_Enterprises_HostEnterpriseId",
                table: "PostProgrammes",
                column: "HostEnterpriseId",
                principalTable: "Enterprises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PostProgrammes_Enterprises_HostEnterpriseId",
                table: "PostProgrammes");

            migrationBuilder.DropIndex(
                name: "IX_PostProgrammes_HostEnterpriseId",
                table: "PostProgrammes");

            migrationBuilder.DropColumn(
                name: "HostEnterpriseId",
                table: "PostProgrammes");
        }
    }
}
