using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Conversations.Desk;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Softphone;

/// <summary>
/// The desk's softphone. Call state lives in the database (<see cref="SoftphoneQueries"/>), controls run the voice
/// use cases (<see cref="CallControls"/>) in a scope of their own, and the audio runs in the browser
/// (wwwroot/voice/softphone.js), which reports the media socket's control messages back here.
/// </summary>
public sealed partial class SoftphonePanel : IAsyncDisposable
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private SoftphoneQueries Queries { get; set; } = default!;
    [Inject] private LiveBus Bus { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public string AgentId { get; set; } = "";

    [Parameter] public DeskLookups? Lookups { get; set; }

    /// <summary>The counsellor answered (or was handed) a call: the desk opens its conversation.</summary>
    [Parameter] public EventCallback<Guid> OnAnswered { get; set; }

    private List<SoftphoneCall> calls = [];
    private DotNetObjectReference<SoftphonePanel>? self;
    private Guid? connectedCallId;
    private string? problem;
    private string callerDigits = "";
    private bool keypadOpen;
    private bool hangingUp;
    private string transferAgent = "";
    private string transferQueue = "";
    private EndedCall? ended;
    // The call the line just ended: the database may still list it as active for a moment (the "ended" message comes
    // first), and a reload in that moment must not bring the finished call back or clear the ended notice.
    private Guid? endedCallId;
    private DeviceList? devices;
    private Guid? lastActiveConversation;

    private SoftphoneCall? Active => calls.FirstOrDefault(c => c.Role == SoftphoneRole.Agent && c.CallId != endedCallId);

    private string PanelState => Active is { } a ? a.State.ToString().ToLowerInvariant()
        : calls.Any(c => c.Role == SoftphoneRole.Offered) ? "ringing"
        : calls.Any(c => c.Role == SoftphoneRole.Consult) ? "consult"
        : ended is not null ? "ended" : "idle";

    protected override async Task OnInitializedAsync()
    {
        self = DotNetObjectReference.Create(this);
        await ReloadAsync();
        Bus.Published += OnLiveEventAsync;
    }

    /// <summary>The conversation list's "수락" on a call offer answers it here.</summary>
    public async Task AnswerConversationAsync(Guid conversationId)
    {
        await ReloadAsync();
        if (calls.FirstOrDefault(c => c.ConversationId == conversationId && c.Role == SoftphoneRole.Offered) is { } call)
        {
            await AnswerAsync(call);
        }

        StateHasChanged();
    }

    private Task OnLiveEventAsync(LiveEvent e) => e switch
    {
        ConversationChanged c when c.AgentId == AgentId || calls.Any(x => x.ConversationId == c.ConversationId) => RefreshAsync(),
        AgentChanged a when a.AgentId == AgentId => RefreshAsync(),
        _ => Task.CompletedTask,
    };

    private Task RefreshAsync() => InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    private async Task ReloadAsync()
    {
        calls = await Queries.MineAsync(AgentId, CancellationToken.None);
        if (Active is { } active)
        {
            if (active.ConversationId != lastActiveConversation)
            {
                callerDigits = "";
                keypadOpen = false;
                hangingUp = false;
                lastActiveConversation = active.ConversationId;
            }

            ended = null;
        }
    }

    [JSInvokable]
    public Task OnCallControl(string json) => InvokeAsync(async () =>
    {
        using var message = JsonDocument.Parse(json);
        var root = message.RootElement;
        switch (root.TryGetProperty("type", out var type) ? type.GetString() : null)
        {
            case "dtmf" when root.TryGetProperty("digit", out var digit):
                callerDigits += digit.GetString();
                callerDigits = callerDigits.Length > 16 ? callerDigits[^16..] : callerDigits;
                break;
            case "ended":
                var cause = root.TryGetProperty("cause", out var c) ? c.GetString() : null;
                var call = calls.FirstOrDefault(x => x.CallId == connectedCallId);
                endedCallId = connectedCallId ?? Active?.CallId;
                var from = call?.AnsweredAt ?? call?.ConnectedAt;
                ended = new EndedCall(EndedText(cause), from is { } f ? Duration(Clock.GetUtcNow() - f) : "-");
                connectedCallId = null;
                hangingUp = false;
                await ReloadAsync();
                break;
            case "state":
                await ReloadAsync();
                break;
        }

        StateHasChanged();
    });

    [JSInvokable]
    public Task OnCallClosed() => InvokeAsync(async () =>
    {
        connectedCallId = null;
        await ReloadAsync();
        StateHasChanged();
    });

    private async Task AnswerAsync(SoftphoneCall call)
    {
        CallDto? answered = null;
        await RunAsync(async sp => answered = await sp.GetRequiredService<CallControls>().AnswerAsync(call.CallId, AgentId, CancellationToken.None));
        if (answered?.MediaPath is { } path)
        {
            ended = null;
            await ConnectPathAsync(call.CallId, path, withMic: true);
            if (call.ConversationId is { } conversationId)
            {
                await OnAnswered.InvokeAsync(conversationId);
            }
        }
    }

    private Task ConnectAsync(SoftphoneCall call) => ConnectPathAsync(call.CallId, call.MediaPath, withMic: true);

    private async Task ConnectPathAsync(Guid callId, string path, bool withMic)
    {
        problem = null;
        try
        {
            var failed = await JS.InvokeAsync<string?>("minwonSoftphone.connect", self, path, withMic);
            if (failed is null)
            {
                connectedCallId = callId;
            }
            else
            {
                problem = MediaProblem(failed);
            }
        }
        catch (JSException)
        {
            problem = MediaProblem("unsupported");
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private async Task LeaveConsultAsync()
    {
        await DisconnectAsync();
        await ReloadAsync();
    }

    private Task DeclineAsync(SoftphoneCall call) => RunAsync(sp =>
        sp.GetRequiredService<AgentActions>().DeclineAsync(call.ConversationId!.Value, AgentId, CancellationToken.None));

    private Task MuteAsync(SoftphoneCall call, bool on) => RunAsync(sp =>
        sp.GetRequiredService<CallControls>().MuteAsync(call.CallId, AgentId, on, CancellationToken.None));

    private Task HoldAsync(SoftphoneCall call, bool on) => RunAsync(sp =>
        sp.GetRequiredService<CallControls>().HoldAsync(call.CallId, AgentId, on, CancellationToken.None));

    private Task DtmfAsync(SoftphoneCall call, char digit) => RunAsync(sp =>
        sp.GetRequiredService<CallControls>().DtmfAsync(call.CallId, AgentId, digit.ToString(), CancellationToken.None));

    private Task ConsultAsync(SoftphoneCall call) => RunAsync(async sp =>
    {
        if (Target() is not { } target)
        {
            throw ProblemException.Invalid("상의할 상담사나 대기열을 고르세요.");
        }

        await sp.GetRequiredService<CallControls>().ConsultAsync(call.CallId, AgentId, target, CancellationToken.None);
    });

    private Task CompleteAsync(SoftphoneCall call) => RunAsync(sp =>
        sp.GetRequiredService<CallControls>().CompleteConsultAsync(call.CallId, AgentId, CancellationToken.None));

    private Task CancelConsultAsync(SoftphoneCall call) => RunAsync(sp =>
        sp.GetRequiredService<CallControls>().CancelConsultAsync(call.CallId, AgentId, CancellationToken.None));

    private Task BlindTransferAsync(SoftphoneCall call) => RunAsync(async sp =>
    {
        if (Target() is not { } target)
        {
            throw ProblemException.Invalid("넘길 상담사나 대기열을 고르세요.");
        }

        await sp.GetRequiredService<CallControls>().TransferAsync(call.CallId, AgentId, target, CancellationToken.None);
        ended = new EndedCall("통화를 넘겼습니다.", call.AnsweredAt is { } a ? Duration(Clock.GetUtcNow() - a) : "-");
    });

    private async Task HangUpAsync(SoftphoneCall call)
    {
        hangingUp = true;
        await RunAsync(sp => sp.GetRequiredService<CallControls>().HangUpAsync(call.CallId, AgentId, CancellationToken.None));
        hangingUp = false;
    }

    private CallTransferRequest? Target() =>
        transferAgent.Length > 0 ? new CallTransferRequest(null, transferAgent)
        : int.TryParse(transferQueue, out var queue) ? new CallTransferRequest(queue, null) : null;

    private async Task RunAsync(Func<IServiceProvider, Task> action)
    {
        problem = null;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            await action(scope.ServiceProvider);
        }
        catch (ProblemException p)
        {
            problem = p.Detail ?? p.Title;
        }

        await ReloadAsync();
    }

    private async Task LoadDevicesAsync()
    {
        try
        {
            devices = await JS.InvokeAsync<DeviceList>("minwonSoftphone.devices");
        }
        catch (JSException)
        {
            devices = new DeviceList([], [], false, "", "");
        }
    }

    private async Task ChooseMicrophoneAsync(ChangeEventArgs e)
    {
        var failed = await JS.InvokeAsync<string?>("minwonSoftphone.chooseMicrophone", e.Value?.ToString() ?? "");
        problem = failed is null ? null : MediaProblem(failed);
    }

    private async Task ChooseSpeakerAsync(ChangeEventArgs e)
    {
        var failed = await JS.InvokeAsync<string?>("minwonSoftphone.chooseSpeaker", e.Value?.ToString() ?? "");
        problem = failed is null ? null : "이 스피커를 쓸 수 없습니다. 다른 장치를 고르세요.";
    }

    private async Task DisconnectAsync()
    {
        connectedCallId = null;
        try
        {
            await JS.InvokeVoidAsync("minwonSoftphone.disconnect");
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private static string Caller(SoftphoneCall call) => call.CallerNumber ?? "발신번호 없음";

    private static string TransportLabel(SoftphoneCall call) => call.IsWebCall ? "웹 전화" : "전화";

    private static string Since(SoftphoneCall call) => (call.AnsweredAt ?? call.ConnectedAt).ToString("O");

    private static string StateLabel(SoftphoneCall call) => call.State switch
    {
        CallState.Talking => "통화 중",
        CallState.Held => "보류 중",
        CallState.Consulting => "상의 중",
        _ => "연결 중",
    };

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss") : span.ToString(@"mm\:ss");

    private static string EndedText(string? cause) => cause switch
    {
        "caller-hangup" or "caller-error" => "시민이 전화를 끊었습니다.",
        "agent-hangup" => "통화를 종료했습니다.",
        "callback-booked" => "시민이 콜백을 예약하고 끊었습니다.",
        "shutdown" or "node-restart" => "서버 문제로 통화가 끊겼습니다.",
        _ => "통화가 끊겼습니다.",
    };

    public static string MediaProblem(string problem) => problem switch
    {
        "denied" => "마이크 사용이 거부되었습니다. 주소창의 자물쇠 아이콘에서 마이크를 허용한 뒤 '음성 다시 연결'을 누르세요.",
        "missing" => "마이크(헤드셋)를 찾을 수 없습니다. 헤드셋을 연결한 뒤 '음성 다시 연결'을 누르세요.",
        "busy" => "다른 프로그램이 마이크를 쓰고 있습니다. 그 프로그램을 닫고 다시 연결하세요.",
        "insecure" => "보안 연결(https)이 아니어서 마이크를 쓸 수 없습니다. 관리자에게 문의하세요.",
        "network" => "통화 음성에 연결하지 못했습니다. 통화가 이미 끝났거나 다른 서버에 있습니다.",
        _ => "이 브라우저는 소프트폰을 지원하지 않습니다 (최신 Chrome 또는 Edge를 쓰세요).",
    };

    public async ValueTask DisposeAsync()
    {
        Bus.Published -= OnLiveEventAsync;
        if (connectedCallId is not null)
        {
            await DisconnectAsync();
        }

        self?.Dispose();
    }

    private sealed record EndedCall(string Text, string Duration);
}

public sealed record DeviceList(List<AudioDevice> Inputs, List<AudioDevice> Outputs, bool CanChooseOutput, string Mic, string Sink);

public sealed record AudioDevice(string Id, string Label);
