using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Minwon.Core.Routing;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Desk;

/// <summary>
/// The counsellor desk. Each action runs in its own DI scope (a fresh DbContext), because a circuit lives for hours
/// and live events arrive on other threads. Live updates come from <see cref="LiveBus"/> after each commit.
/// </summary>
public sealed partial class DeskPage : IAsyncDisposable
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private LiveBus Bus { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private string meId = "";
    private AgentProfile? me;
    private List<DeskConversation> conversations = [];
    private Guid? selectedId;
    private DeskConversation? selected;
    private List<MessageDto> messages = [];
    private List<CaseDto> history = [];
    private DeskLookups? lookups;
    private string presenceChoice = nameof(Presence.Available);
    private string breakReason = "";
    private string draft = "";
    private string cannedFilter = "";
    private string transferQueue = "";
    private string transferAgent = "";
    private string? error;
    private string? lastReceipt;
    private DateTimeOffset lastTyping;
    private CaseFormModel form = new();
    private readonly HashSet<int> revealedAbuse = [];
    private readonly Dictionary<int, string> originals = [];
    private int abuseCount;

    /// <summary>Korea has no daylight saving time; the desk shows Seoul time whatever the server's zone.</summary>
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    private int OfferCount => conversations.Count(c => c.Summary.Status == "offered");
    private bool interactive;
    private bool citizenTyping;
    private int typingStamp;
    private int scrolledCount;
    private Guid? scrolledFor;

    private sealed class CaseFormModel
    {
        public int? CategoryId { get; set; }
        public string? DistrictCode { get; set; }
        public string? Summary { get; set; }
        public CaseDisposition Disposition { get; set; } = CaseDisposition.Answered;
    }

    protected override async Task OnInitializedAsync()
    {
        meId = (await AuthState).User.Id();
        await using var scope = Scopes.CreateAsyncScope();
        lookups = await scope.ServiceProvider.GetRequiredService<DeskQueries>().LookupsAsync(CancellationToken.None);
        me = lookups.Agents.FirstOrDefault(a => a.UserId == meId);
        presenceChoice = (me?.Presence ?? Presence.Offline).ToString();
        breakReason = me?.PresenceReason ?? "";
        await ReloadAsync();
        Bus.Published += OnLiveEventAsync;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Marks the circuit as live (prerendered HTML ignores clicks), for people's scripts and the browser tests.
        if (firstRender)
        {
            interactive = true;
            StateHasChanged();
        }

        if (selectedId is not null && (messages.Count != scrolledCount || selectedId != scrolledFor))
        {
            scrolledCount = messages.Count;
            scrolledFor = selectedId;
            try
            {
                await JS.InvokeVoidAsync("minwon.scrollToEnd", "chatlog");
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    private Task OnLiveEventAsync(LiveEvent e) => e switch
    {
        MessageAdded m when m.ConversationId == selectedId => InvokeAsync(() =>
        {
            if (m.Message.Sender == "citizen")
            {
                citizenTyping = false;
            }

            if (messages.All(x => x.Seq != m.Message.Seq))
            {
                messages.Add(m.Message);
                messages.Sort((a, b) => a.Seq.CompareTo(b.Seq));
            }

            StateHasChanged();
        }),
        ProtectionAlert p when p.ConversationId == selectedId => InvokeAsync(() => { abuseCount++; StateHasChanged(); }),
        ConversationChanged c when c.AgentId == meId || conversations.Any(x => x.Summary.Id == c.ConversationId) =>
            InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }),
        CitizenTyping t when t.ConversationId == selectedId => InvokeAsync(() =>
        {
            citizenTyping = true;
            _ = ClearTypingLaterAsync(++typingStamp);
            StateHasChanged();
        }),
        AgentChanged a when a.AgentId == meId => InvokeAsync(async () => { await ReloadMeAsync(); StateHasChanged(); }),
        _ => Task.CompletedTask,
    };

    /// <summary>Not awaited by the event: the bus must not wait four seconds for one desk.</summary>
    private async Task ClearTypingLaterAsync(int stamp)
    {
        await Task.Delay(TimeSpan.FromSeconds(4), Clock);
        try
        {
            await InvokeAsync(() =>
            {
                if (stamp == typingStamp && citizenTyping)
                {
                    citizenTyping = false;
                    StateHasChanged();
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The counsellor left the page meanwhile.
        }
    }

    // Only the counsellor's own row: a presence change must not reload every lookup list.
    private async Task ReloadMeAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        me = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>().Set<AgentProfile>().Where(a => a.UserId == meId));

        // The router changes the state too (after-contact work); the picker must not show a stale one.
        presenceChoice = (me?.Presence ?? Presence.Offline).ToString();
        breakReason = me?.PresenceReason ?? "";
    }

    private Task RevealAsync(int seq) => RunAsync(async sp =>
    {
        if (selectedId is { } id && await sp.GetRequiredService<RevealOriginal>().HandleAsync(id, seq, (await AuthState).User, null, CancellationToken.None) is { } text)
        {
            originals[seq] = text;
        }
    });

    private void InsertAnswer(string answer) => draft = string.IsNullOrWhiteSpace(draft) ? answer : draft.TrimEnd() + "\n" + answer;

    private void ApplyCategory(int categoryId) => form.CategoryId = categoryId;

    private void ApplyForm(Minwon.Server.Features.Assistant.FormSuggestion suggestion)
    {
        form.DistrictCode = suggestion.DistrictCode ?? form.DistrictCode;
        var facts = new List<string>();
        if (suggestion.Dong is { } dong) { facts.Add(dong); }
        if (suggestion.Address is { } address) { facts.Add("주소 " + address); }
        facts.AddRange(suggestion.VehiclePlates.Select(p => "차량 " + p));
        facts.AddRange(suggestion.Dates.Select(d => "일자 " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (facts.Count > 0)
        {
            form.Summary = string.Join(" / ", new[] { form.Summary }.Where(s => !string.IsNullOrWhiteSpace(s)).Concat(facts));
        }
    }

    private async Task OnProtectionEndedAsync()
    {
        selectedId = null;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<DeskQueries>();
        conversations = await queries.MineAsync(meId, CancellationToken.None);
        selected = conversations.FirstOrDefault(c => c.Summary.Id == selectedId);
        if (selected is not null)
        {
            var journal = scope.ServiceProvider.GetRequiredService<ConversationJournal>();
            messages = await journal.ReadAfterAsync(selected.Summary.Id, 0, CancellationToken.None);
            history = await queries.HistoryAsync(selected.Summary.ContactId, CancellationToken.None);
        }
    }

    private async Task SelectAsync(Guid id)
    {
        selectedId = id;
        citizenTyping = false;
        form = new CaseFormModel { Summary = conversations.FirstOrDefault(c => c.Summary.Id == id)?.Summary.Topic };
        lastReceipt = null;
        await ReloadAsync();
    }

    private Task ApplyPresence() => RunAsync(async sp =>
    {
        var presence = Enum.Parse<Presence>(presenceChoice);
        me = await sp.GetRequiredService<SetPresence>().HandleAsync(meId, new PresenceRequest(presence, breakReason), CancellationToken.None);
    });

    private Task AcceptAsync(Guid id) => RunAsync(async sp =>
    {
        await sp.GetRequiredService<AgentActions>().AcceptAsync(id, meId, CancellationToken.None);
        selectedId = id;
        citizenTyping = false;
        lastReceipt = null;
        form = new CaseFormModel { Summary = conversations.FirstOrDefault(c => c.Summary.Id == id)?.Summary.Topic };
    });

    private Task DeclineAsync(Guid id) => RunAsync(sp => sp.GetRequiredService<AgentActions>().DeclineAsync(id, meId, CancellationToken.None));

    private Task SendAsync() => RunAsync(async sp =>
    {
        if (selected is null)
        {
            return;
        }

        var text = draft;
        await sp.GetRequiredService<PostMessage>().FromAgentAsync(selected.Summary.Id, meId, me?.DisplayName ?? "상담사",
            new PostMessageRequest(text, Guid.NewGuid().ToString("N")), CancellationToken.None);
        draft = "";
    });

    private async Task TypingAsync()
    {
        if (selectedId is { } id && Clock.GetUtcNow() - lastTyping > TimeSpan.FromSeconds(3))
        {
            lastTyping = Clock.GetUtcNow();
            await Bus.PublishAsync(new AgentTyping(id));
        }
    }

    private IEnumerable<CannedResponse> MatchingCanned() =>
        (lookups?.Canned ?? []).Where(c => c.Title.Contains(cannedFilter.Trim(), StringComparison.OrdinalIgnoreCase)
            || c.Body.Contains(cannedFilter.Trim(), StringComparison.OrdinalIgnoreCase)
            || (c.Shortcut?.Contains(cannedFilter.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)).Take(8);

    private void UseCanned(CannedResponse canned)
    {
        draft = (draft.Length > 0 ? draft + " " : "") + canned.Render(me?.DisplayName ?? "상담사", selected?.ContactName);
        cannedFilter = "";
    }

    private Task TransferAsync() => RunAsync(async sp =>
    {
        if (selected is null)
        {
            return;
        }

        int? queue = int.TryParse(transferQueue, out var q) ? q : null;
        await sp.GetRequiredService<AgentActions>().TransferAsync(selected.Summary.Id, meId, queue,
            string.IsNullOrEmpty(transferAgent) ? null : transferAgent, CancellationToken.None);
        selectedId = null;
    });

    private Task EndAsync() => RunAsync(sp =>
        selected is null ? Task.CompletedTask : sp.GetRequiredService<AgentActions>().EndAsync(selected.Summary.Id, meId, null, CancellationToken.None));

    private Task CloseAsync() => RunAsync(async sp =>
    {
        if (selected is null)
        {
            return;
        }

        var record = await sp.GetRequiredService<CloseConversation>().HandleAsync(selected.Summary.Id, meId,
            new CaseForm(form.CategoryId, form.DistrictCode, form.Summary, form.Disposition), CancellationToken.None);
        lastReceipt = record.ReceiptNumber;
        selectedId = null;
    });

    private async Task RunAsync(Func<IServiceProvider, Task> action)
    {
        error = null;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            await action(scope.ServiceProvider);
        }
        catch (ProblemException p)
        {
            error = p.Detail ?? p.Title;
        }

        await ReloadAsync();
    }

    private static string StatusLabel(string status) => status switch
    {
        "offered" => "배정 제안",
        "assigned" => "상담 중",
        "wrapup" => "마무리",
        "queued" => "대기",
        "closed" => "종결",
        _ => status,
    };

    public ValueTask DisposeAsync()
    {
        Bus.Published -= OnLiveEventAsync;
        return ValueTask.CompletedTask;
    }
}
