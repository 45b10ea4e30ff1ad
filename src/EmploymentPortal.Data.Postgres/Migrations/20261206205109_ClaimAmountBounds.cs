using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClaimAmountBounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SecondApprovalRequired",
                table: "Claims",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BenefitCeilings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Benefit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SetById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SetByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitCeilings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitCeilings_Benefit_SetAt",
                table: "BenefitCeilings",
                columns: new[] { "Benefit", "SetAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BenefitCeilings");

            migrationBuilder.DropColumn(
                name: "SecondApprovalRequired",
                table: "Claims");
        }
    }
}
