using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Minwon.Server.Features.Assistant;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Desk;

/// <summary>
/// The counsellor desk: holds the state its panels share and follows <see cref="LiveBus"/>. Reads go through
/// <see cref="DeskQueries"/>; each action runs its use case in its own DI scope (a fresh DbContext), because a circuit
/// lives for hours and live events arrive on other threads.
/// </summary>
public sealed partial class DeskPage : IAsyncDisposable
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private DeskQueries Queries { get; set; } = default!;
    [Inject] private LiveBus Bus { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private Routing.DeskCircuit Circuit { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private string meId = "";
    private AgentProfile? me;
    private List<DeskConversation> conversations = [];
    private Guid? selectedId;
    private DeskConversation? selected;
    private ConversationView? view;
    private Voice.Softphone.SoftphonePanel? softphone;
    private Video.VideoPanel? videoPanel;
    private Guid? lastClosedCall;
    private List<MessageDto> messages = [];
    private List<CaseDto> history = [];
    private DeskLookups? lookups;
    private string? error;
    private string? lastReceipt;
    private DateTimeOffset lastTyping;
    private CaseFormModel form = new();
    private int abuseCount;
    private bool interactive;
    private bool citizenTyping;
    private int typingStamp;

    private int OfferCount => conversations.Count(c => c.Summary.Status == "offered");

    protected override async Task OnInitializedAsync()
    {
        meId = (await AuthState).User.Id();
        lookups = await Queries.LookupsAsync(CancellationToken.None);
        me = lookups.Agents.FirstOrDefault(a => a.UserId == meId);
        await ReloadAsync();
        Bus.Published += OnLiveEventAsync;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Marks the circuit as live (prerendered HTML ignores clicks), for people's scripts and the browser tests.
        if (firstRender)
        {
            interactive = true;
            // Only the interactive desk counts as the counsellor being there (presence follows it; prerendering does not).
            await Circuit.TrackAsync(meId, CancellationToken.None);
            StateHasChanged();
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
        AgentChanged a when a.AgentId == meId => InvokeAsync(async () =>
        {
            // The router changes the state too (after-contact work); the picker must not show a stale one.
            me = await Queries.AgentAsync(meId, CancellationToken.None);
            StateHasChanged();
        }),
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

    private async Task<string?> RevealAsync(int seq)
    {
        string? text = null;
        await RunAsync(async sp =>
        {
            if (selectedId is { } id)
            {
                text = await sp.GetRequiredService<RevealOriginal>().HandleAsync(id, seq, (await AuthState).User, null, CancellationToken.None);
            }
        });
        return text;
    }

    private void InsertAnswer(string answer) => view?.InsertAnswer(answer);

    private void ApplyCategory(int categoryId) => form.CategoryId = categoryId;

    private async Task ApplyForm(FormSuggestion shown)
    {
        // The panel shows masked text; the form is filled from the originals, through the access-logged path.
        var suggestion = shown;
        if (selectedId is { } id)
        {
            await using var scope = Scopes.CreateAsyncScope();
            suggestion = await scope.ServiceProvider.GetRequiredService<PrefillCaseForm>()
                .HandleAsync(id, (await AuthState).User, null, CancellationToken.None) ?? shown;
        }

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
        conversations = await Queries.MineAsync(meId, CancellationToken.None);
        selected = conversations.FirstOrDefault(c => c.Summary.Id == selectedId);
        if (selected is not null)
        {
            messages = await Queries.MessagesAsync(selected.Summary.Id, CancellationToken.None);
            history = await Queries.HistoryAsync(selected.Summary.ContactId, CancellationToken.None);
        }
    }

    private void Open(Guid id)
    {
        selectedId = id;
        citizenTyping = false;
        lastReceipt = null;
        form = new CaseFormModel { Summary = conversations.FirstOrDefault(c => c.Summary.Id == id)?.Summary.Topic };
    }

    private async Task SelectAsync(Guid id)
    {
        Open(id);
        await ReloadAsync();
    }

    private Task ApplyPresenceAsync(PresenceRequest request) => RunAsync(async sp =>
        me = await sp.GetRequiredService<SetPresence>().HandleAsync(meId, request, CancellationToken.None));

    private async Task AcceptAsync(Guid id)
    {
        // A call is answered on the softphone, which also opens its audio.
        if (conversations.FirstOrDefault(c => c.Summary.Id == id) is { } offer && Channels.IsVoice(offer.Summary.Channel) && softphone is not null)
        {
            await softphone.AnswerConversationAsync(id);
            return;
        }

        await RunAsync(async sp =>
        {
            await sp.GetRequiredService<AgentActions>().AcceptAsync(id, meId, CancellationToken.None);
            Open(id);
        });
    }

    private Task DeclineAsync(Guid id) => RunAsync(sp => sp.GetRequiredService<AgentActions>().DeclineAsync(id, meId, CancellationToken.None));

    private async Task<bool> SendAsync(string text)
    {
        var sent = false;
        await RunAsync(async sp =>
        {
            if (selected is not null)
            {
                await sp.GetRequiredService<PostMessage>().FromAgentAsync(selected.Summary.Id, meId, me?.DisplayName ?? "상담사",
                    new PostMessageRequest(text, Guid.NewGuid().ToString("N")), CancellationToken.None);
                sent = true;
            }
        });
        return sent;
    }

    private async Task TypingAsync()
    {
        if (selectedId is { } id && Clock.GetUtcNow() - lastTyping > TimeSpan.FromSeconds(3))
        {
            lastTyping = Clock.GetUtcNow();
            await Bus.PublishAsync(new AgentTyping(id));
        }
    }

    private Task TransferAsync((int? Queue, string? Agent) to) => RunAsync(async sp =>
    {
        if (selected is not null)
        {
            await sp.GetRequiredService<AgentActions>().TransferAsync(selected.Summary.Id, meId, to.Queue, to.Agent, CancellationToken.None);
            selectedId = null;
        }
    });

    private async Task EndAsync()
    {
        // A recorded video call's last slice is uploaded before the end (docs/video.md "Recording").
        if (videoPanel is not null && selected?.Summary.Channel == Channels.Video)
        {
            await videoPanel.FlushRecordingAsync();
        }

        await RunAsync(sp =>
            selected is null ? Task.CompletedTask : sp.GetRequiredService<AgentActions>().EndAsync(selected.Summary.Id, meId, null, CancellationToken.None));
    }

    private Task CloseAsync() => RunAsync(async sp =>
    {
        // Captured first: a live event during the await may reload the list, where the closed conversation is gone.
        if (selected?.Summary is { } closing)
        {
            var record = await sp.GetRequiredService<CloseConversation>().HandleAsync(closing.Id, meId,
                new CaseForm(form.CategoryId, form.DistrictCode, form.Summary, form.Disposition), CancellationToken.None);
            lastReceipt = record.ReceiptNumber;
            lastClosedCall = Channels.IsVoice(closing.Channel) ? closing.Id : null;
            selectedId = null;
        }
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

    public async ValueTask DisposeAsync()
    {
        Bus.Published -= OnLiveEventAsync;
        if (interactive)
        {
            await Circuit.UntrackAsync(CancellationToken.None);
        }
    }
}
