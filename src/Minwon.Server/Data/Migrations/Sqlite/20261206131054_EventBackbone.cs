using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventBackbone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "LastMessageSeq",
                table: "ProtectionIncidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "TxId",
                table: "EventLog",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EventLog",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "HandledSeq",
                table: "BotSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "EventCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    TxId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCursors", x => x.Name);
                });

            // The rollups' cursor moves to the shared cursor table; the new consumers (bot, protection, issue
            // detector) start at the end of the log as it is now, not at the history written before they existed.
            migrationBuilder.Sql("""INSERT INTO "EventCursors" ("Name", "Position", "TxId", "Version") SELECT "Name", "Position", 0, "Version" FROM "AnalyticsCursors";""");
            foreach (var consumer in new[] { "chatbot", "protection", "issues" })
            {
                migrationBuilder.Sql($"""INSERT INTO "EventCursors" ("Name", "Position", "TxId", "Version") SELECT '{consumer}', COALESCE(MAX("Id"), 0), 0, '00000000-0000-0000-0000-000000000001' FROM "EventLog";""");
            }

            migrationBuilder.DropTable(
                name: "AnalyticsCursors");

            migrationBuilder.CreateTable(
                name: "EventDeadLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventDeadLetters", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventLog_TxId_Id",
                table: "EventLog",
                columns: new[] { "TxId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeadLetters_Consumer_EventId",
                table: "EventDeadLetters",
                columns: new[] { "Consumer", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventCursors");

            migrationBuilder.DropTable(
                name: "EventDeadLetters");

            migrationBuilder.DropIndex(
                name: "IX_EventLog_TxId_Id",
                table: "EventLog");

            migrationBuilder.DropColumn(
                name: "LastMessageSeq",
                table: "ProtectionIncidents");

            migrationBuilder.DropColumn(
                name: "TxId",
                table: "EventLog");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EventLog");

            migrationBuilder.DropColumn(
                name: "HandledSeq",
                table: "BotSessions");

            migrationBuilder.CreateTable(
                name: "AnalyticsCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsCursors", x => x.Name);
                });
        }
    }
}
