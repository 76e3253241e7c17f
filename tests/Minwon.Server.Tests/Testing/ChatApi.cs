using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Testing;

/// <summary>The calls a citizen page and a counsellor desk make, over HTTP, asserting the status they expect.</summary>
public static class ChatApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<MessageDto> SayAsync(this HttpClient citizen, string token, string body, string? clientMessageId = null)
    {
        using var response = await citizen.PostAsJsonAsync($"/api/chat/{token}/messages",
            new PostMessageRequest(body, clientMessageId ?? Guid.NewGuid().ToString("N")), Ct);
        await ExpectAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync<MessageDto>(Ct))!;
    }

    public static async Task<List<MessageDto>> MessagesAsync(this HttpClient citizen, string token, int after = 0) =>
        (await citizen.GetFromJsonAsync<List<MessageDto>>($"/api/chat/{token}/messages?after={after}", Ct))!;

    public static async Task<ChatState> StateAsync(this HttpClient citizen, string token) =>
        (await citizen.GetFromJsonAsync<ChatState>($"/api/chat/{token}/state", Ct))!;

    /// <summary>
    /// Opens the member's staff hub connection (as the desk's circuit or an integration would be connected) and waits until
    /// the app has counted it: presence follows connections and the router offers nothing to a counsellor without one.
    /// </summary>
    public static async Task ConnectAsync(this StaffMember staff)
    {
        if (staff.Live is { State: Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected } || staff.App is not { } app)
        {
            return;
        }

        staff.Live = app.StaffHub(staff);
        app.Disposing(staff.Live);
        await staff.Live.StartAsync(Ct);
        await app.DbAsync(async db =>
        {
            for (var i = 0; i < 200 && !await db.Set<AgentConnection>().AnyAsync(c => c.UserId == staff.Id, Ct); i++)
            {
                await Task.Delay(25, Ct);
            }

            return 0;
        });
    }

    /// <summary>Closes the member's staff hub connection, as closing the desk tab would.</summary>
    public static async Task DisconnectAsync(this StaffMember staff)
    {
        if (staff.Live is { } live)
        {
            await live.StopAsync(Ct);
            staff.Live = null;
        }
    }

    /// <summary>Connected (<see cref="ConnectAsync"/>) and 상담 가능.</summary>
    public static async Task GoAvailableAsync(this StaffMember staff)
    {
        await staff.ConnectAsync();
        using var response = await staff.Http.PutAsJsonAsync("/api/presence", new { presence = "Available" }, Ct);
        await ExpectAsync(HttpStatusCode.OK, response);
    }

    public static async Task<List<ConversationSummary>> MyConversationsAsync(this StaffMember staff, string? status = null) =>
        (await staff.Http.GetFromJsonAsync<List<ConversationSummary>>(
            "/api/conversations" + (status is null ? "" : "?status=" + status), Ct))!;

    public static async Task<ConversationDetail> ConversationAsync(this StaffMember staff, Guid id, int after = 0) =>
        (await staff.Http.GetFromJsonAsync<ConversationDetail>($"/api/conversations/{id}?after={after}", Ct))!;

    public static Task AcceptAsync(this StaffMember staff, Guid id) => staff.PostOkAsync($"/api/conversations/{id}/accept", null);

    public static Task DeclineAsync(this StaffMember staff, Guid id) => staff.PostOkAsync($"/api/conversations/{id}/decline", null);

    public static Task TransferAsync(this StaffMember staff, Guid id, int? queueId = null, string? agentId = null) =>
        staff.PostOkAsync($"/api/conversations/{id}/transfer", new TransferRequest(queueId, agentId));

    public static async Task<MessageDto> ReplyAsync(this StaffMember staff, Guid id, string body, string? clientMessageId = null)
    {
        using var response = await staff.Http.PostAsJsonAsync($"/api/conversations/{id}/messages",
            new PostMessageRequest(body, clientMessageId ?? Guid.NewGuid().ToString("N")), Ct);
        await ExpectAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync<MessageDto>(Ct))!;
    }

    public static async Task<CaseDto> CloseAsync(this StaffMember staff, Guid id, int? categoryId, string? districtCode, string summary,
        string disposition = nameof(CaseDisposition.Answered))
    {
        using var response = await staff.Http.PostAsJsonAsync($"/api/conversations/{id}/close",
            new { categoryId, districtCode, summary, disposition }, Ct);
        await ExpectAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Ct))!;
    }

    public static async Task<List<CaseDto>> CasesOfAsync(this StaffMember staff, Guid contactId) =>
        (await staff.Http.GetFromJsonAsync<List<CaseDto>>($"/api/contacts/{contactId}/cases", Ct))!;

    public static async Task<List<ServiceQueue>> QueuesAsync(this StaffMember staff) =>
        (await staff.Http.GetFromJsonAsync<List<ServiceQueue>>("/api/queues", Ct))!;

    private static async Task PostOkAsync(this StaffMember staff, string path, object? body)
    {
        using var response = await staff.Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode,
            $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    public static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered " +
                $"{(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }
}
