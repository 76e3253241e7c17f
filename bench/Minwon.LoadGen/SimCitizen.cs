using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Minwon.LoadGen;

/// <summary>
/// A citizen in web chat: opens a conversation over HTTP, then joins and sends over /hubs/citizen like the chat page.
/// The bot answers first (Minwon:Chatbot:Enabled), so the citizen asks it for a counsellor, as the bot's greeting says.
/// </summary>
public sealed class SimCitizen(SimConversation conversation, Uri baseUri, HttpClient http) : IAsyncDisposable
{
    private HubConnection? hub;

    private sealed record StartResponse(Guid ConversationId, string Token, string ContactKey);

    public async Task StartAsync(Func<DeliveryLedger?> ledger, Action<SimConversation> created, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(baseUri, "/api/chat/conversations"),
            new { language = "ko", name = $"부하시민{conversation.Index}", topic = "부하 시험 상담" }, ct);
        response.EnsureSuccessStatusCode();
        var started = await response.Content.ReadFromJsonAsync<StartResponse>(ct) ?? throw new InvalidOperationException("Empty start response.");
        conversation.Id = started.ConversationId;
        conversation.Token = started.Token;
        created(conversation);

        hub = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "/hubs/citizen")).Build();
        hub.ServerTimeout = TimeSpan.FromSeconds(60);
        hub.On<WireMessage>("Message", m =>
        {
            var at = Stopwatch.GetTimestamp();
            if (ledger() is { } l)
            {
                l.Received(conversation, Side.Citizen, m, at);
            }
            else
            {
                conversation.CitizenView.Accept(m.Seq);
            }
        });
        hub.On<object>("State", _ => { });
        hub.On("Typing", () => { });
        await hub.StartAsync(ct);
        foreach (var m in await hub.InvokeAsync<List<WireMessage>>("Join", conversation.Token, 0, ct))
        {
            conversation.CitizenView.Accept(m.Seq);
        }

        // Queues at once when the bot is off; with the bot on, this hands the chat over (Core's BotPolicy).
        await hub.InvokeAsync<WireMessage>("Send", conversation.Token, $"lg{conversation.Index:D4}-handoff", HandoffRequest, ct);
    }

    public const string HandoffRequest = "상담사 연결해 주세요";

    public async Task SendAsync(DeliveryLedger ledger, string id, string body, CancellationToken ct)
    {
        ledger.Sending(id, conversation, Side.Citizen, Stopwatch.GetTimestamp());
        try
        {
            var stored = await hub!.InvokeAsync<WireMessage>("Send", conversation.Token, id, body, ct);
            ledger.Acked(id, stored.Seq);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ledger.Failed(id, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }
}
