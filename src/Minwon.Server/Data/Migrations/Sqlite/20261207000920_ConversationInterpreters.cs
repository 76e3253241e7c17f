using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConversationInterpreters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversationInterpreters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterpreterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InterpreterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeftBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeftReason = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationInterpreters", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationInterpreters_ConversationId_LeftAt",
                table: "ConversationInterpreters",
                columns: new[] { "ConversationId", "LeftAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationInterpreters_InterpreterId_LeftAt",
                table: "ConversationInterpreters",
                columns: new[] { "InterpreterId", "LeftAt" });

            // The interpreter consumer starts at the end of the log as it is now: conversations ended before this
            // migration had no interpreters to leave (docs/events.md, as EventBackbone did for its consumers).
            migrationBuilder.Sql("""INSERT INTO "EventCursors" ("Name", "Position", "TxId", "Version") SELECT 'interpreters', "Id", "TxId", '00000000-0000-0000-0000-000000000001' FROM "EventLog" ORDER BY "TxId" DESC, "Id" DESC LIMIT 1;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "EventCursors" WHERE "Name" = 'interpreters';""");

            migrationBuilder.DropTable(
                name: "ConversationInterpreters");
        }
    }
}
