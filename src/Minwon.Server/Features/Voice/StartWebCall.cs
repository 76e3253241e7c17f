using Minwon.Server.Data;

namespace Minwon.Server.Features.Voice;

public sealed record StartWebCallResponse(Guid CallId, string Token, string MediaPath);

/// <summary>
/// The citizen presses "전화로 상담": a call record waits for their browser's audio socket, which presents the
/// returned token (256 bits, the citizen's only credential, never logged). The call queues once audio connects.
/// </summary>
public sealed class StartWebCall(MinwonDbContext db, TimeProvider clock)
{
    public async Task<StartWebCallResponse> HandleAsync(CancellationToken ct)
    {
        var token = Conversations.StartChat.NewSecret(32);
        var call = new Call { Transport = CallRecords.WebCall, ExternalId = token, State = CallState.Announced, CreatedAt = clock.GetUtcNow() };
        db.Add(call);
        await db.SaveChangesAsync(ct);
        return new StartWebCallResponse(call.Id, token, "/voice/ws/webcall?token=" + Uri.EscapeDataString(token));
    }
}
