using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactLinkPairIndex : Migration
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

            // The pair key of existing links, as ContactLink.PairOf computes it (ids as lower-case text, smaller first).
            migrationBuilder.Sql("""
                UPDATE "ContactLinks" SET "PairKey" = CASE WHEN lower("ContactId") <= lower("LinkedContactId")
                    THEN lower("ContactId") || ':' || lower("LinkedContactId") ELSE lower("LinkedContactId") || ':' || lower("ContactId") END;
                """);
            // Links made before this index could hold the same pair twice (two counsellors at one instant): the later one
            // is marked undone at the moment it was made, so the record stays and the pair is linked once.
            migrationBuilder.Sql("""
                UPDATE "ContactLinks" SET "UndoneAt" = "LinkedAt", "UndoneBy" = 'system:duplicate'
                WHERE "UndoneAt" IS NULL AND EXISTS (SELECT 1 FROM "ContactLinks" o
                    WHERE o."PairKey" = "ContactLinks"."PairKey" AND o."UndoneAt" IS NULL AND o."Id" < "ContactLinks"."Id");
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
