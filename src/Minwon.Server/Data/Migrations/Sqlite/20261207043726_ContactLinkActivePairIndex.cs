using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactLinkActivePairIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PairKey",
                table: "ContactLinks",
                type: "TEXT",
                maxLength: 73,
                nullable: false,
                defaultValue: "");

            // Existing links get their pair key (EF Core's SQLite provider stores a Guid as upper-case text; the key is lower case,
            // the smaller id first, as ContactLink.PairKeyOf writes it). A pair linked twice before this index keeps its first
            // active link; the later ones are marked undone by the migration, at their own time, so the index can be created.
            migrationBuilder.Sql("""
                UPDATE "ContactLinks" SET "PairKey" = CASE WHEN lower("ContactId") <= lower("LinkedContactId")
                    THEN lower("ContactId") || ':' || lower("LinkedContactId")
                    ELSE lower("LinkedContactId") || ':' || lower("ContactId") END;
                """);
            migrationBuilder.Sql("""
                UPDATE "ContactLinks" SET "UndoneBy" = 'migration:duplicate', "UndoneAt" = "LinkedAt"
                WHERE "UndoneAt" IS NULL AND EXISTS (SELECT 1 FROM "ContactLinks" AS o
                    WHERE o."UndoneAt" IS NULL AND o."PairKey" = "ContactLinks"."PairKey" AND o."Id" < "ContactLinks"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ContactLinks_PairKey_Active",
                table: "ContactLinks",
                column: "PairKey",
                unique: true,
                filter: "\"UndoneAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactLinks_PairKey_Active",
                table: "ContactLinks");

            migrationBuilder.DropColumn(
                name: "PairKey",
                table: "ContactLinks");
        }
    }
}
