using Microsoft.EntityFrameworkCore;
using Minwon.Core.Languages;
using Minwon.Server.Data;
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
