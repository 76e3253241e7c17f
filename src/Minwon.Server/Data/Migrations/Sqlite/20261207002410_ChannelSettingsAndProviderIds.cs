using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelSettingsAndProviderIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProviderMessageId",
                table: "ChannelOutbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChannelSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Secret = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelSettings", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelOutbox_Channel_ProviderMessageId",
                table: "ChannelOutbox",
                columns: new[] { "Channel", "ProviderMessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelSettings");

            migrationBuilder.DropIndex(
                name: "IX_ChannelOutbox_Channel_ProviderMessageId",
                table: "ChannelOutbox");

            migrationBuilder.DropColumn(
                name: "ProviderMessageId",
                table: "ChannelOutbox");
        }
    }
}
