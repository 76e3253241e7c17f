using Microsoft.EntityFrameworkCore;
using Minwon.Core.Languages;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;

namespace Minwon.Server.Features.Languages;

/// <summary>Which languages a conversation may be in, and the queue that serves each (by its "lang:xx" skill).</summary>
public static class CitizenLanguages
{
    /// <summary>"zh-CN", "ZH", "zh-Hans" → "zh"; anything Minwon cannot identify or serve → "ko".</summary>
    public static string Normalize(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return "ko";
        }

        var primary = requested.Trim().Split('-', '_')[0].ToLowerInvariant();
        return LanguageIdentifier.Supported.Contains(primary) ? primary : "ko";
    }

    public static string Skill(string language) => "lang:" + language;

    /// <summary>
    /// The queue a bot hand-off waits in: one with the conversation's language skill (<see cref="QueueForAsync"/>), else
    /// the conversation's own queue, else the default one. <c>Skilled</c> says whether it has the language's skill.
    /// </summary>
    public static async Task<(ServiceQueue Queue, bool Skilled)> HandoffQueueAsync(MinwonDbContext db, Conversation conversation, CancellationToken ct)
    {
        if (await QueueForAsync(db, conversation.Language, "channel:chat", ct) is { } skilled)
        {
            return (skilled, true);
        }

        var queue = await db.Set<ServiceQueue>().FirstOrDefaultAsync(q => q.Id == conversation.QueueId, ct)
            ?? await db.Set<ServiceQueue>().OrderByDescending(q => q.IsDefault).FirstAsync(ct);
        return (queue, false);
    }

    /// <summary>A queue that asks for the language's skill, a chat queue first; null for Korean or when none does.</summary>
    public static async Task<ServiceQueue?> QueueForAsync(MinwonDbContext db, string language, string channelSkill, CancellationToken ct)
    {
        if (language == "ko")
        {
            return null;
        }

        var skill = Skill(language);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().Where(q => q.RequiredSkills.Contains(skill)).OrderBy(q => q.Id).ToListAsync(ct);
        var matching = queues.Where(q => q.Skills().Contains(skill)).ToList();
        return matching.FirstOrDefault(q => q.Skills().Contains(channelSkill)) ?? matching.FirstOrDefault();
    }
}
