using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Minwon.Server.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "TxId",
                table: "EventLog",
                type: "bigint",
                nullable: false,
                defaultValueSql: "pg_current_xact_id()::text::bigint");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EventLog",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "HandledSeq",
                table: "BotSessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "EventCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    TxId = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCursors", x => x.Name);
                });

            // Rows written before this migration took the migration's transaction id as their default; they were all
            // committed long ago, so they take 0 and sort before every new row (EventReader reads by TxId, then Id).
            migrationBuilder.Sql("""UPDATE "EventLog" SET "TxId" = 0;""");

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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Consumer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    EventType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsCursors", x => x.Name);
                });
        }
    }
}
