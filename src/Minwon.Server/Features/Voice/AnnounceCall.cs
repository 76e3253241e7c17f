using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Voice;

/// <param name="Uuid">The AudioSocket UUID the dialplan will connect with.</param>
/// <param name="From">The caller's number (CALLERID(num)); personal data, kept on the call record only.</param>
/// <param name="To">The dialled number (EXTEN); the echo number connects a line check.</param>
public sealed record AnnounceCallRequest(string? Uuid, string? From, string? To);

public sealed record AnnounceCallResponse(Guid CallId, string Uuid);

/// <summary>
/// The PBX announces a caller before connecting the audio: AudioSocket carries only the UUID, so the number and
/// the dialled line come first through the API. Announcing twice with the same UUID updates the numbers.
/// </summary>
public sealed class AnnounceCall(MinwonDbContext db, TimeProvider clock)
{
    public async Task<AnnounceCallResponse> HandleAsync(AnnounceCallRequest request, CancellationToken ct)
    {
        if (!Guid.TryParse(request.Uuid, out var uuid))
        {
            throw ProblemException.Invalid("uuid는 AudioSocket에 쓰는 UUID여야 합니다 (예: 40b5bd13-0a74-4d5e-b0f3-3a9b1e6c0a01).");
        }

        if (request.From?.Length > 64 || request.To?.Length > 64)
        {
            throw ProblemException.Invalid("from과 to는 64자 이하여야 합니다.");
        }

        var externalId = uuid.ToString();
        var call = await db.Set<Call>().FirstOrDefaultAsync(c => c.Transport == CallRecords.AudioSocket && c.ExternalId == externalId, ct);
        if (call is null)
        {
            call = new Call { Transport = CallRecords.AudioSocket, ExternalId = externalId, State = CallState.Announced, CreatedAt = clock.GetUtcNow() };
            db.Add(call);
        }
        else if (call.State != CallState.Announced)
        {
            throw ProblemException.Conflict("이 UUID의 통화는 이미 연결되었습니다.");
        }

        call.CallerNumber = CallRecords.Clean(request.From);
        call.DialledNumber = CallRecords.Clean(request.To);
        call.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw ProblemException.Conflict("같은 UUID의 안내가 동시에 들어왔습니다. 다시 시도하세요.");
        }

        return new AnnounceCallResponse(call.Id, externalId);
    }
}
