using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Minwon.LoadGen;

/// <summary>
/// A counsellor as an API client: cookie sign-in through the real form (antiforgery included), presence over REST,
/// pushes over /hubs/staff, offers accepted and messages sent over REST.
/// </summary>
public sealed partial class SimCounsellor(int index, Uri baseUri, Func<Guid, SimConversation?> find) : IAsyncDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly SemaphoreSlim offersSignal = new(0, 1);
    private readonly ConcurrentDictionary<Guid, bool> mine = new();
    private readonly CancellationTokenSource stop = new();
    private HttpClient? http;
    private HubConnection? hub;
    private Task? offerLoop;

    public int Index { get; } = index;

    public int Assigned => mine.Count;

    public DeliveryLedger? Ledger { get; set; }

    private sealed record Summary(Guid Id, string Status);

    public async Task SignInAsync(CancellationToken ct)
    {
        http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var page = await http.GetStringAsync("/login", ct);
        var token = AntiforgeryInput().Match(page) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["v"].Value)
            : throw new InvalidOperationException("No antiforgery token on /login.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = StaffSeeder.UserName(Index),
            ["password"] = StaffSeeder.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await http.PostAsync("/account/login", form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("error", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Sign-in failed for {StaffSeeder.UserName(Index)}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    public async Task ConnectAsync(CancellationToken ct)
    {
        hub = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "/hubs/staff"), o => o.Cookies = cookies).Build();
        hub.ServerTimeout = TimeSpan.FromSeconds(60);
        hub.On<Guid, WireMessage>("Message", (id, m) =>
        {
            var at = Stopwatch.GetTimestamp();
            if (find(id) is not { } conversation)
            {
                return;
            }

            if (Ledger is { } ledger)
            {
                ledger.Received(conversation, Side.Counsellor, m, at);
            }
            else
            {
                conversation.CounsellorView.Accept(m.Seq);
            }
        });
        hub.On<Guid>("ConversationChanged", _ => SignalOffers());
        hub.On<Guid>("CitizenTyping", _ => { });
        await hub.StartAsync(ct);
        offerLoop = Task.Run(() => OfferLoopAsync(stop.Token), CancellationToken.None);
    }

    public async Task SetAvailableAsync(CancellationToken ct)
    {
        using var named = await http!.PutAsJsonAsync("/api/presence", new { presence = "Available" }, ct);
        if (named.StatusCode == HttpStatusCode.BadRequest)
        {
            // Without a string enum converter the API takes the enum's number (Available = 1).
            using var numeric = await http!.PutAsJsonAsync("/api/presence", new { presence = 1 }, ct);
            numeric.EnsureSuccessStatusCode();
            return;
        }

        named.EnsureSuccessStatusCode();
    }

    public void SignalOffers()
    {
        if (offersSignal.CurrentCount == 0)
        {
            try
            {
                offersSignal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>How many chats this counsellor takes at once (the seeded MaxConcurrent): a full counsellor is offered nothing.</summary>
    public int Capacity { get; init; } = int.MaxValue;

    // Accepts every offer; woken by the staff hub's push and, in case a push is missed, every 15 s (jittered) while it has
    // room. It used to look every 2 s whatever happened, and the setup loop woke all of them every 500 ms: with 667
    // counsellors that was 1,300 offer queries a second during setup and 333 during the measured phase, load the
    // generator made and a real desk (woken by the push) does not.
    private async Task OfferLoopAsync(CancellationToken ct)
    {
        var fallback = TimeSpan.FromSeconds(15) + TimeSpan.FromMilliseconds(Index * 37 % 5000);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var woken = await offersSignal.WaitAsync(fallback, ct);
                if (!woken && mine.Count >= Capacity)
                {
                    continue;
                }

                var offers = await http!.GetFromJsonAsync<List<Summary>>("/api/conversations?status=offered", ct) ?? [];
                foreach (var offer in offers.Where(o => !mine.ContainsKey(o.Id)))
                {
                    using var accepted = await http!.PostAsync($"/api/conversations/{offer.Id}/accept", null, ct);
                    if (accepted.IsSuccessStatusCode && find(offer.Id) is { } conversation)
                    {
                        mine[offer.Id] = true;
                        conversation.Counsellor = this;
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }

    public async Task SendAsync(DeliveryLedger ledger, SimConversation conversation, string id, string body, CancellationToken ct)
    {
        ledger.Sending(id, conversation, Side.Counsellor, Stopwatch.GetTimestamp());
        try
        {
            using var response = await http!.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages",
                new { body, clientMessageId = id }, ct);
            response.EnsureSuccessStatusCode();
            var stored = await response.Content.ReadFromJsonAsync<WireMessage>(ct);
            ledger.Acked(id, stored!.Seq);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ledger.Failed(id, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }

        if (offerLoop is not null)
        {
            try
            {
                await offerLoop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        http?.Dispose();
        offersSignal.Dispose();
        stop.Dispose();
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<v>[^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryInput();
}
