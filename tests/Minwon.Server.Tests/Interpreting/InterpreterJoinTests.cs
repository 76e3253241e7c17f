using System.Net;
using System.Net.Http.Json;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Interpreting;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Interpreting;

/// <summary>
/// Issue 16, the three-way interpreter join: the counsellor holding a chat adds a colleague with the language skill, who
/// reads and writes it; the citizen is told in their language; the join is audited (rows and events), removable, ends with
/// the conversation, and bad input stores nothing.
/// </summary>
public sealed class InterpreterJoinTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> AddAsync(StaffMember counsellor, Guid id, object body) =>
        await counsellor.Http.PostAsJsonAsync($"/api/conversations/{id}/interpreters", body, Ct);

    private static async Task<(StartChatResponse Chat, HttpClient Citizen, StaffMember Counsellor, StaffMember Interpreter)> ServedVietnameseChatAsync(MinwonApp app)
    {
        var counsellor = await app.CounsellorAsync("lang:ko=10,channel:chat=9");
        var interpreter = await app.CounsellorAsync("lang:ko=8,lang:vi=10");
        var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(language: "vi", http: citizen);
        await app.OfferAsync(chat.ConversationId, counsellor.Id);
        await counsellor.AcceptAsync(chat.ConversationId);
        return (chat, citizen, counsellor, interpreter);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_staff_interpreter_joins_reads_and_writes_to_the_citizen_and_is_removed_with_an_audit_trail(Db db)
    {
        var app = await apps.GetAsync(db);
        var (chat, citizen, counsellor, interpreter) = await ServedVietnameseChatAsync(app);

        // Before the join the colleague sees nothing of it.
        using (var before = await interpreter.Http.GetAsync($"/api/conversations/{chat.ConversationId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using var added = await AddAsync(counsellor, chat.ConversationId, new AddInterpreterRequest(interpreter.Id, null));
        await ChatApi.ExpectAsync(HttpStatusCode.Created, added);
        var join = (await added.Content.ReadFromJsonAsync<InterpreterDto>(Ct))!;
        Assert.Equal("vi", join.Language);
        Assert.Equal(interpreter.Id, join.InterpreterId);

        // The citizen is told in Vietnamese, from the resource file.
        var citizenSees = await citizen.MessagesAsync(chat.Token);
        Assert.Contains(citizenSees, m => m.Kind == "event" && m.Body == $"Phiên dịch viên {interpreter.DisplayName} đã tham gia cuộc trò chuyện.");

        // The interpreter reads the conversation and writes into it; the message reaches the citizen, masked like any.
        var detail = await interpreter.ConversationAsync(chat.ConversationId);
        Assert.Equal(chat.ConversationId, detail.Conversation.Id);
        using (var posted = await interpreter.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/interpreters/messages",
                   new PostMessageRequest("Xin chào, tôi là phiên dịch viên. Số điện thoại 010-1234-5678", "i-1"), Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, posted);
        }

        var written = (await citizen.MessagesAsync(chat.Token)).Single(m => m.Body.StartsWith("Xin chào, tôi là phiên dịch viên", StringComparison.Ordinal));
        Assert.Equal("agent", written.Sender);
        Assert.Equal(interpreter.DisplayName + InterpreterActions.InterpreterSuffix, written.SenderName);
        Assert.DoesNotContain("1234-5678", written.Body, StringComparison.Ordinal);
        // A retry with the same client id is stored once.
        using (var again = await interpreter.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/interpreters/messages",
                   new PostMessageRequest("Xin chào, tôi là phiên dịch viên. Số điện thoại 010-1234-5678", "i-1"), Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, again);
        }

        Assert.Single(await citizen.MessagesAsync(chat.Token), m => m.Body.StartsWith("Xin chào, tôi là phiên dịch viên", StringComparison.Ordinal));

        // Removed by the counsellor: told to the citizen, and the interpreter can neither read nor write any more.
        using (var removed = await counsellor.Http.DeleteAsync($"/api/conversations/{chat.ConversationId}/interpreters/{join.Id}", Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.NoContent, removed);
        }

        Assert.Contains(await citizen.MessagesAsync(chat.Token), m => m.Kind == "event" && m.Body.Contains("đã rời cuộc trò chuyện", StringComparison.Ordinal));
        using (var late = await interpreter.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/interpreters/messages",
                   new PostMessageRequest("Còn gì nữa không?", null), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        }

        using (var after = await interpreter.Http.GetAsync($"/api/conversations/{chat.ConversationId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        // The history keeps who interpreted, when, and who removed them; the event log has both events.
        var rows = await app.RowsAsync<ConversationInterpreter>(q => q.Where(i => i.ConversationId == chat.ConversationId));
        var row = Assert.Single(rows);
        Assert.Equal(counsellor.Id, row.AddedBy);
        Assert.Equal("removed", row.LeftReason);
        Assert.Equal(counsellor.Id, row.LeftBy);
        var events = await app.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == chat.ConversationId
            && (e.Type == "InterpreterJoined" || e.Type == "InterpreterLeft")));
        Assert.Equal(["InterpreterJoined", "InterpreterLeft"], events.OrderBy(e => e.Id).Select(e => e.Type).ToArray());
        using var list = await counsellor.Http.GetAsync($"/api/conversations/{chat.ConversationId}/interpreters", Ct);
        await ChatApi.ExpectAsync(HttpStatusCode.OK, list);
        Assert.Equal("removed", Assert.Single((await list.Content.ReadFromJsonAsync<List<InterpreterDto>>(Ct))!).LeftReason);
    }

    [Fact]
    public async Task The_interpreter_leaves_when_the_conversation_ends()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (chat, citizen, counsellor, interpreter) = await ServedVietnameseChatAsync(app);
        using (var added = await AddAsync(counsellor, chat.ConversationId, new AddInterpreterRequest(interpreter.Id, "vi")))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, added);
        }

        using (var end = await counsellor.Http.PostAsync($"/api/conversations/{chat.ConversationId}/end", null, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.NoContent, end);
        }

        // Writing needs the conversation assigned: refused at once, before the event consumer has closed the join.
        using (var late = await interpreter.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/interpreters/messages",
                   new PostMessageRequest("Tạm biệt", null), Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        ConversationInterpreter? row = null;
        for (var i = 0; i < 100 && row?.LeftAt is null; i++)
        {
            await Task.Delay(100, Ct);
            row = (await app.RowsAsync<ConversationInterpreter>(q => q.Where(x => x.ConversationId == chat.ConversationId))).Single();
        }

        Assert.NotNull(row!.LeftAt);
        Assert.Equal("ended", row.LeftReason);
        Assert.Null(row.LeftBy);
        Assert.DoesNotContain(await citizen.MessagesAsync(chat.Token), m => m.Body == "Tạm biệt");
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_and_store_nothing()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (chat, citizen, counsellor, interpreter) = await ServedVietnameseChatAsync(app);
        var koreanOnly = await app.CounsellorAsync("lang:ko=10,channel:chat=9");
        var messagesBefore = (await citizen.MessagesAsync(chat.Token)).Count;

        object[] bad =
        [
            new { },                                                     // nobody chosen
            new AddInterpreterRequest(counsellor.Id, "vi"),              // the counsellor themself
            new AddInterpreterRequest("no-such-user", "vi"),             // unknown
            new AddInterpreterRequest(koreanOnly.Id, "vi"),              // without the language skill
            new AddInterpreterRequest(interpreter.Id, "ko"),             // Korean needs no interpreter
            new AddInterpreterRequest(interpreter.Id, "zh"),             // a skill the interpreter lacks
            new AddInterpreterRequest(new string('x', 65), "vi"),        // too long
        ];
        foreach (var body in bad)
        {
            using var response = await AddAsync(counsellor, chat.ConversationId, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // Someone else's conversation: a colleague cannot add to it.
        using (var foreign = await AddAsync(koreanOnly, chat.ConversationId, new AddInterpreterRequest(interpreter.Id, "vi")))
        {
            Assert.Equal(HttpStatusCode.Conflict, foreign.StatusCode);
        }

        // Added once; twice is a conflict.
        using (var ok = await AddAsync(counsellor, chat.ConversationId, new AddInterpreterRequest(interpreter.Id, "vi")))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, ok);
        }

        using (var twice = await AddAsync(counsellor, chat.ConversationId, new AddInterpreterRequest(interpreter.Id, "vi")))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        // An empty or oversized interpreter message is refused with nothing stored.
        foreach (var text in new[] { "   ", new string('a', Message.MaxBodyLength + 1) })
        {
            using var response = await interpreter.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/interpreters/messages",
                new PostMessageRequest(text, null), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Single(await app.RowsAsync<ConversationInterpreter>(q => q.Where(i => i.ConversationId == chat.ConversationId)));
        // Only the one "joined" notice was added.
        Assert.Equal(messagesBefore + 1, (await citizen.MessagesAsync(chat.Token)).Count);
        Assert.Equal(ConversationStatus.Assigned, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == chat.ConversationId))).Single().Status);
    }
}
