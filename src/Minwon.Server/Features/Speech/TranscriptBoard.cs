using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// Whether each live call's transcript is working, on this node: "live" while the engine answers, "unavailable" after
/// it failed (timed out, refused, answered garbage) until it answers again, "off" without an engine. The desk reads it
/// to say so; changes are pushed as <see cref="TranscriptChanged"/>.
/// </summary>
public sealed class TranscriptBoard(LiveBus bus, IOptions<SpeechOptions> options)
{
    public const string Live = "live";
    public const string Unavailable = "unavailable";
    public const string Off = "off";
    public const string Ended = "ended";

    private readonly ConcurrentDictionary<Guid, string> status = new();

    public string StatusOf(Guid conversationId) =>
        status.TryGetValue(conversationId, out var s) ? s : options.Value.Transcribes ? Live : Off;

    public async Task SetAsync(Guid conversationId, string value)
    {
        var previous = status.GetValueOrDefault(conversationId);
        status[conversationId] = value;
        if (previous != value)
        {
            await bus.PublishAsync(new TranscriptChanged(conversationId, value));
        }
    }

    public async Task EndAsync(Guid conversationId)
    {
        if (status.TryRemove(conversationId, out _))
        {
            await bus.PublishAsync(new TranscriptChanged(conversationId, Ended));
        }
    }
}
