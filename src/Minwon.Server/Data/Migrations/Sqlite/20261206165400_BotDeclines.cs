using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BotDeclines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Declines",
                table: "BotSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Declines",
                table: "BotSessions");
        }
    }
}
