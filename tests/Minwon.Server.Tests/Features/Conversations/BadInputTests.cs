using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>Every refusal says why in ProblemDetails and stores nothing.</summary>
public sealed class BadInputTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite, "")]
    [InlineData(Db.Sqlite, "   \n\t  ")]
    [InlineData(Db.Sqlite, null)]
    [InlineData(Db.Postgres, " ")]
    public async Task An_empty_or_blank_message_is_refused_and_nothing_is_stored(Db db, string? body)
    {
        var (app, counsellor, citizen, chat) = await ServedAsync(db);
        var before = await app.SnapshotAsync(chat.ConversationId);

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages",
            new PostMessageRequest(body, "empty-1"), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/messages",
            new PostMessageRequest(body, "empty-2"), Ct));

        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_message_over_4000_characters_is_refused_and_nothing_is_stored_while_4000_are_accepted(Db db)
    {
        var (app, counsellor, citizen, chat) = await ServedAsync(db);
        var before = await app.SnapshotAsync(chat.ConversationId);
        var tooLong = string.Concat(Enumerable.Repeat("민원내용입니다", 600))[..(Message.MaxBodyLength + 1)];

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages",
            new PostMessageRequest(tooLong, "long-1"), Ct));
        Assert.Contains("4,000", problem.Detail);
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/messages",
            new PostMessageRequest(tooLong, "long-2"), Ct));
        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));

        var longest = await citizen.SayAsync(chat.Token, tooLong[..Message.MaxBodyLength]);
        Assert.Equal(Message.MaxBodyLength, (await app.MessagesOfAsync(chat.ConversationId)).Single(m => m.Seq == longest.Seq).Body.Length);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_message_to_a_closed_or_abandoned_conversation_is_refused_and_nothing_is_stored(Db db)
    {
        var (app, counsellor, citizen, chat) = await ServedAsync(db);
        await counsellor.CloseAsync(chat.ConversationId, null, null, "안내 완료");
        var closed = await app.SnapshotAsync(chat.ConversationId);
        await ExpectProblemAsync(HttpStatusCode.Conflict, await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages",
            new PostMessageRequest("아직 질문이 남았어요", null), Ct));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/messages",
            new PostMessageRequest("추가 안내드립니다", null), Ct));
        Assert.Equal(closed, await app.SnapshotAsync(chat.ConversationId));

        var waiting = await app.StartChatAsync(http: citizen);
        (await citizen.PostAsync($"/api/chat/{waiting.Token}/leave", null, Ct)).Dispose();
        var abandoned = await app.SnapshotAsync(waiting.ConversationId);
        Assert.Equal("Abandoned", abandoned.Status);
        await ExpectProblemAsync(HttpStatusCode.Conflict, await citizen.PostAsJsonAsync($"/api/chat/{waiting.Token}/messages",
            new PostMessageRequest("다시 연결해 주세요", null), Ct));
        Assert.Equal(abandoned, await app.SnapshotAsync(waiting.ConversationId));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Html_and_script_are_stored_and_returned_as_literal_text(Db db)
    {
        var (app, counsellor, citizen, chat) = await ServedAsync(db);
        const string markup = "<script>alert('민원')</script><b>굵게</b> &amp; <img src=x onerror=alert(1)>";

        var sent = await citizen.SayAsync(chat.Token, markup);

        Assert.Equal(markup, sent.Body);
        Assert.Equal(markup, (await app.MessagesOfAsync(chat.ConversationId)).Single(m => m.Seq == sent.Seq).Body);
        Assert.Equal(markup, (await citizen.MessagesAsync(chat.Token, after: sent.Seq - 1)).Single().Body);
        Assert.Equal(markup, (await counsellor.ConversationAsync(chat.ConversationId, after: sent.Seq - 1)).Messages.Single().Body);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_unknown_token_and_a_conversation_id_in_its_place_get_the_same_plain_404_and_store_nothing(Db db)
    {
        var (app, _, citizen, chat) = await ServedAsync(db);
        var before = await app.SnapshotAsync(chat.ConversationId);
        var answers = new List<(string Title, string? Detail)>();
        foreach (var token in new[] { StartChatToken(), chat.ConversationId.ToString(), chat.ConversationId.ToString("N"), chat.ContactKey })
        {
            foreach (var request in new Func<Task<HttpResponseMessage>>[]
            {
                () => citizen.GetAsync($"/api/chat/{token}/state", Ct),
                () => citizen.GetAsync($"/api/chat/{token}/messages", Ct),
                () => citizen.PostAsJsonAsync($"/api/chat/{token}/messages", new PostMessageRequest("안녕하세요", null), Ct),
                () => citizen.PostAsync($"/api/chat/{token}/leave", null, Ct),
            })
            {
                var problem = await ExpectProblemAsync(HttpStatusCode.NotFound, await request());
                answers.Add((problem.Title!, problem.Detail));
            }
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Malformed_json_is_answered_with_400_problem_details_and_nothing_is_stored(Db db)
    {
        var (app, counsellor, citizen, chat) = await ServedAsync(db);
        var conversations = await app.CountAsync<Conversation>();
        var before = await app.SnapshotAsync(chat.ConversationId);

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await citizen.PostAsync("/api/chat/conversations", Json("{\"language\": \"ko\","), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await citizen.PostAsync($"/api/chat/{chat.Token}/messages", Json("not json at all"), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await citizen.PostAsync($"/api/chat/{chat.Token}/messages", Json("{\"body\": 42}"), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsync($"/api/conversations/{chat.ConversationId}/close",
            Json("{\"categoryId\": \"교통\", \"summary\": \"x\", \"disposition\": \"Answered\"}"), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsync($"/api/conversations/{chat.ConversationId}/close",
            Json("{\"summary\": \"x\", \"disposition\": \"NoSuchDisposition\"}"), Ct));

        Assert.Equal(conversations, await app.CountAsync<Conversation>());
        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_client_message_id_over_64_characters_is_refused_and_nothing_is_stored(Db db)
    {
        var (app, _, citizen, chat) = await ServedAsync(db);
        var before = await app.SnapshotAsync(chat.ConversationId);
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages",
            new PostMessageRequest("안녕하세요", new string('x', 65)), Ct));
        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_unknown_category_or_district_in_a_close_is_refused_and_the_chat_stays_open(Db db)
    {
        var (app, counsellor, _, chat) = await ServedAsync(db);
        var before = await app.SnapshotAsync(chat.ConversationId);

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/close",
            new { categoryId = 999_999, summary = "요약", disposition = "Answered" }, Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/close",
            new { districtCode = "99999", summary = "요약", disposition = "Answered" }, Ct));

        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));
        Assert.Equal("Assigned", before.Status);
        Assert.Empty(await app.RowsAsync<Case>(q => q.Where(c => c.ConversationId == chat.ConversationId)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_unknown_queue_or_counsellor_in_a_transfer_is_refused_and_the_chat_stays_with_its_counsellor(Db db)
    {
        var (app, counsellor, _, chat) = await ServedAsync(db);
        var before = await app.SnapshotAsync(chat.ConversationId);

        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/transfer",
            new TransferRequest(999_999, null), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/transfer",
            new TransferRequest(null, "no-such-counsellor"), Ct));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/transfer",
            new TransferRequest(null, null), Ct));

        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));
        var detail = await counsellor.ConversationAsync(chat.ConversationId);
        Assert.Equal(counsellor.Id, detail.Conversation.AssignedToId);
    }

    private async Task<(MinwonApp App, StaffMember Counsellor, HttpClient Citizen, StartChatResponse Chat)> ServedAsync(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var citizen = app.CitizenClient();
        return (app, counsellor, citizen, await app.ServedChatAsync(counsellor, citizen));
    }

    private static string StartChatToken() => StartChat.NewSecret(32);

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<ProblemDetails> ExpectProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        using (response)
        {
            await ChatApi.ExpectAsync(status, response);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!;
            Assert.Equal((int)status, problem.Status);
            Assert.False(string.IsNullOrEmpty(problem.Title));
            return problem;
        }
    }
}
