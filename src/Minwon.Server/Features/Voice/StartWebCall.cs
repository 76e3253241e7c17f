using Minwon.Core.Korean;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Voice;

/// <param name="Phone">A number to call back (the callback offer while waiting); typed by the citizen, so never
/// trusted as their identity: it is not the contact key.</param>
/// <param name="Language">The page's language ("ko", "en"; a short language tag): the callbot speaks English to "en".</param>
public sealed record StartWebCallRequest(string? Phone, string? Language = null);

public sealed record StartWebCallResponse(Guid CallId, string Token, string MediaPath);

/// <summary>
/// The citizen presses "전화로 상담": a call record waits for their browser's audio socket, which presents the
/// returned token (256 bits, the citizen's only credential, never logged). The call queues once audio connects.
/// </summary>
public sealed class StartWebCall(MinwonDbContext db, TimeProvider clock)
{
    public async Task<StartWebCallResponse> HandleAsync(StartWebCallRequest? request, CancellationToken ct, string? handoffPath = null)
    {
        string? phone = null;
        if (request?.Phone is { Length: > 0 } typed)
        {
            if (typed.Length > 32 || !KoreanPhone.TryNormalize(typed.Trim(), out var normalized))
            {
                throw ProblemException.Invalid("전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678).");
            }

            phone = normalized;
        }

        string? language = null;
        if (request?.Language is { Length: > 0 } lang)
        {
            if (lang.Length > 10 || !lang.All(c => char.IsAsciiLetter(c) || c == '-'))
            {
                throw ProblemException.Invalid("언어 코드가 올바르지 않습니다 (예: ko, en).");
            }

            language = lang.ToLowerInvariant();
        }

        var token = Conversations.StartChat.NewSecret(32);
        var call = new Call
        {
            Transport = CallRecords.WebCall, ExternalId = token, State = CallState.Announced, CreatedAt = clock.GetUtcNow(), CallerNumber = phone,
            HandoffPath = handoffPath,
        };
        db.Add(call);
        await db.SaveChangesAsync(ct);
        return new StartWebCallResponse(call.Id, token, "/voice/ws/webcall?token=" + Uri.EscapeDataString(token)
            + (language is null ? "" : "&lang=" + language));
    }
}
