using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.Video;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Video;

/// <summary>One entry of RTCConfiguration.iceServers, as the browser takes it.</summary>
public sealed record IceServer(string[] Urls, string? Username = null, string? Credential = null);

/// <param name="ExpiresAt">When the TURN credential stops being accepted by coturn; null when no TURN server is configured.</param>
/// <param name="IceTransportPolicy">"relay" when the installation allows TURN relays only, else "all".</param>
public sealed record VideoIceServers(List<IceServer> IceServers, DateTimeOffset? ExpiresAt, string IceTransportPolicy);

/// <summary>
/// STUN and TURN servers for one participant of a video conversation, with a TURN credential issued for this
/// conversation and side only (TURN REST scheme, <see cref="TurnCredential"/>). Only the citizen (by token) and the
/// counsellor it is assigned to get one; anybody else gets the same 404 as for a conversation that does not exist.
/// </summary>
public sealed class IssueVideoIceServers(MinwonDbContext db, TimeProvider clock, IOptions<VideoOptions> options)
{
    public async Task<VideoIceServers> ForCitizenAsync(string token, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, ct);
        if (conversation is not { Channel: Channels.Video } || !IsOpen(conversation.Status))
        {
            throw ProblemException.NotFound();
        }

        return Issue("c-" + conversation.Id.ToString("N"));
    }

    public async Task<VideoIceServers> ForStaffAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.Id();
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is not { Channel: Channels.Video, Status: ConversationStatus.Assigned } || conversation.AssignedToId != me)
        {
            throw ProblemException.NotFound();
        }

        return Issue("a-" + conversation.Id.ToString("N"));
    }

    private static bool IsOpen(ConversationStatus status) =>
        status is ConversationStatus.Queued or ConversationStatus.Offered or ConversationStatus.Assigned;

    private VideoIceServers Issue(string user)
    {
        var o = options.Value;
        var servers = new List<IceServer>();
        if (o.StunUrls.Length > 0)
        {
            servers.Add(new IceServer(o.StunUrls));
        }

        DateTimeOffset? expires = null;
        if (o.TurnUrls.Length > 0 && o.TurnSecret.Length > 0)
        {
            var credential = TurnCredential.Issue(o.TurnSecret, user, clock.GetUtcNow(), TimeSpan.FromSeconds(o.CredentialSeconds));
            servers.Add(new IceServer(o.TurnUrls, credential.UserName, credential.Password));
            expires = credential.ExpiresAt;
        }

        return new VideoIceServers(servers, expires, o.RelayOnly ? "relay" : "all");
    }
}
