using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Attachments;

/// <param name="Url">The access-checked address of the image (<c>GET /api/channels/photos/{id}</c>).</param>
/// <param name="Alt">The text alternative the desk gives the image: who sent it, on which channel, when, and the text it came with.</param>
public sealed record ChannelPhotoDto(long Id, int Seq, string Url, string ContentType, long Length, DateTimeOffset ReceivedAt, string Alt);

/// <summary>
/// The photos a citizen sent on a channel (an MMS, a mail attachment), for the counsellor on the desk. Only who may see
/// the conversation sees its photos: anyone else is told it does not exist (404), as for the conversation itself.
/// </summary>
public sealed class ChannelPhotos(MinwonDbContext db, VisualArs.ArsUploadStore uploads)
{
    public const int MaxPhotos = 50;

    public async Task<List<ChannelPhotoDto>> ListAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || !await db.CanViewAsync(user, conversation, ct))
        {
            throw ProblemException.NotFound("상담을 찾을 수 없습니다.");
        }

        var photos = await db.Set<ChannelAttachment>().AsNoTracking().Where(a => a.ConversationId == conversationId)
            .OrderBy(a => a.Id).Take(MaxPhotos).ToListAsync(ct);
        var seqs = photos.Select(p => p.Seq).Distinct().ToList();
        var messages = await db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == conversationId && seqs.Contains(m.Seq))
            .Select(m => new { m.Seq, m.Body, m.Abuse, m.CreatedAt }).ToDictionaryAsync(m => m.Seq, ct);
        var label = Contacts.ChannelBadges.Label(conversation.Channel);
        return photos.Select((p, i) =>
        {
            var message = messages.GetValueOrDefault(p.Seq);
            var at = message?.CreatedAt ?? conversation.CreatedAt;
            // The masked text only, and nothing of a message the desk blurs as abusive.
            var said = message is { Abuse: "none" } m && m.Body is not "(사진)" and not "(내용 없음)" ? m.Body : null;
            return new ChannelPhotoDto(p.Id, p.Seq, $"/api/channels/photos/{p.Id}", p.ContentType, p.Length, at, AltText(i + 1, label, at, p, said));
        }).ToList();
    }

    /// <summary>The stored file of one photo, after the same check as the list.</summary>
    public async Task<(string Path, string ContentType)> OpenAsync(long photoId, ClaimsPrincipal user, CancellationToken ct)
    {
        var photo = await db.Set<ChannelAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == photoId, ct);
        var conversation = photo is null ? null : await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == photo.ConversationId, ct);
        if (photo is null || conversation is null || !await db.CanViewAsync(user, conversation, ct))
        {
            throw ProblemException.NotFound("사진을 찾을 수 없습니다.");
        }

        var upload = await db.Set<VisualArs.ArsUpload>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == photo.UploadId, ct);
        var path = upload is null ? null : uploads.PathOf(upload);
        if (upload is null || !File.Exists(path))
        {
            // Removed by retention, or the data directory was restored without its uploads.
            throw new ProblemException(StatusCodes.Status410Gone, "사진 파일이 보관 기간이 지나 삭제되었습니다.");
        }

        return (path!, upload.ContentType);
    }

    public static string AltText(int number, string channelLabel, DateTimeOffset at, ChannelAttachment photo, string? said)
    {
        var kind = photo.ContentType switch
        {
            "image/jpeg" => "JPEG",
            "image/png" => "PNG",
            "image/webp" => "WebP",
            "image/heic" => "HEIC",
            _ => "사진",
        };
        var local = at.ToOffset(TimeSpan.FromHours(9)).ToString("HH:mm", CultureInfo.InvariantCulture);
        var size = Math.Max(1, (photo.Length + 1023) / 1024).ToString("N0", CultureInfo.InvariantCulture);
        var text = $"시민이 {channelLabel}로 보낸 사진 {number} ({local} 받음, {kind} {size}KB)";
        if (said is { Length: > 0 })
        {
            var shown = said.Length > 120 ? said[..120] + "…" : said;
            text += $". 함께 보낸 글: \"{shown}\"";
        }

        return text;
    }
}
