using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataPlainColumnsDropped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plain values must have been encrypted first (DatabaseMigrator runs
            // PersonalDataMigration.ProtectPlainRowsAsync between PersonalDataColumns and this
            // migration; docs/personal-data.md). A row still unprotected stops the migration here,
            // before any plain column is dropped: its NULL does not fit the guard's NOT NULL column.
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"PersonalDataGuard\";");
            migrationBuilder.Sql("CREATE TEMP TABLE \"PersonalDataGuard\" (\"RunProtectPersonalDataFirst\" TEXT NOT NULL);");
            migrationBuilder.Sql("INSERT INTO \"PersonalDataGuard\" SELECT NULL FROM \"Residents\" WHERE \"IdNumberCipher\" IS NULL OR \"PhoneCipher\" IS NULL;");
            migrationBuilder.Sql("INSERT INTO \"PersonalDataGuard\" SELECT NULL FROM \"HouseholdMembers\" WHERE \"IdNumber\" IS NOT NULL AND \"IdNumberCipher\" IS NULL;");
            migrationBuilder.Sql("INSERT INTO \"PersonalDataGuard\" SELECT NULL FROM \"Enterprises\" WHERE \"ContactPhone\" IS NOT NULL AND \"ContactPhoneCipher\" IS NULL;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"PersonalDataGuard\";");
            migrationBuilder.DropIndex(
                name: "IX_Residents_IdNumber",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_HouseholdMembers_IdNumber",
                table: "HouseholdMembers");

            migrationBuilder.DropColumn(
                name: "IdNumber",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IdNumber",
                table: "HouseholdMembers");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Enterprises");

            migrationBuilder.AlterColumn<string>(
                name: "PhoneLast4Hash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PhoneHash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PhoneCipher",
                table: "Residents",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumberLast4Hash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumberHash",
                table: "Residents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumberCipher",
                table: "Residents",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_IdNumberHash",
                table: "Residents",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_IdNumberLast4Hash",
                table: "Residents",
                column: "IdNumberLast4Hash");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_PhoneHash",
                table: "Residents",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_PhoneLast4Hash",
                table: "Residents",
                column: "PhoneLast4Hash");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_IdNumberHash",
                table: "HouseholdMembers",
                column: "IdNumberHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The plain values exist only encrypted, with keys outside the database: SQL cannot
            // restore them. Go back by restoring the backup taken before the upgrade.
            throw new NotSupportedException("PersonalDataPlainColumnsDropped cannot be reverted: the personal data is encrypted with keys outside the database. Restore the backup taken before the upgrade.");
        }
    }
}
