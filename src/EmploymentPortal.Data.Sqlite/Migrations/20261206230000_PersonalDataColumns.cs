using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberLast4Hash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneCipher",
                table: "Residents",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneHash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneLast4Hash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberCipher",
                table: "HouseholdMembers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "HouseholdMembers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneCipher",
                table: "Enterprises",
                type: "TEXT",
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
