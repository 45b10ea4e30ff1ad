using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberCipher",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "Residents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberLast4Hash",
                table: "Residents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneCipher",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneHash",
                table: "Residents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneLast4Hash",
                table: "Residents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberCipher",
                table: "HouseholdMembers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "HouseholdMembers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneCipher",
                table: "Enterprises",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdNumberCipher",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IdNumberHash",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IdNumberLast4Hash",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "PhoneHash",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "PhoneLast4Hash",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IdNumberCipher",
                table: "HouseholdMembers");

            migrationBuilder.DropColumn(
                name: "IdNumberHash",
                table: "HouseholdMembers");

            migrationBuilder.DropColumn(
                name: "ContactPhoneCipher",
                table: "Enterprises");
        }
    }
}
