using Microsoft.EntityFrameworkCore;
using Minwon.Core.Assistant;
using Minwon.Core.Reference;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;
using Minwon.Core.Conversations;

namespace Minwon.Server.Features.Assistant;

public sealed record CategorySuggestion(int CategoryId, string Major, string Minor, double Score, string Source);

public sealed record FormSuggestion(string? DistrictCode, string? DistrictName, string? Dong, string? Address,
    IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> VehiclePlates);

public sealed record AssistantView(IReadOnlyList<KnowledgeHit> Articles, IReadOnlyList<CategorySuggestion> Categories, FormSuggestion Form);

/// <summary>
/// The counsellor assistant (상담도우미): from what the citizen has written so far, the best knowledge articles
/// with the matching passage, a case category and the case form fields it can read off the text.
/// Works on the masked text, so suggestions never carry personal data the desk would not show.
/// </summary>
public sealed class AssistantSuggestions(MinwonDbContext db, KnowledgeSearch search, CategoryClassifier classifier, CityClock cityClock,
    TextGuard guard)
{
    /// <summary>Enough recent citizen text to find the topic; older turns matter less than the latest.</summary>
    private const int RecentCitizenMessages = 4;

    /// <summary>Longer lines that ask for a counsellor usually also say what about, so they stay in.</summary>
    private const int MaxHandoffRequestLength = 12;

    public async Task<AssistantView> SuggestAsync(Guid conversationId, CancellationToken ct)
    {
        var texts = await db.Set<Message>().AsNoTracking()
            // A call's transcript (Speech) feeds the suggestions as typed chat does.
            .Where(m => m.ConversationId == conversationId && m.Sender == MessageSender.Citizen && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Speech))
            .OrderByDescending(m => m.Seq).Take(RecentCitizenMessages + 2).Select(m => m.Body).ToListAsync(ct);

        // After a bot hand-off the latest line is "상담사 연결": a request for a person, not the topic to search for.
        texts = texts.Where(t => !IsHandoffRequest(t)).Take(RecentCitizenMessages).ToList();
        var topic = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.Topic).FirstOrDefaultAsync(ct);
        if (topic is not null)
        {
            texts.Add(guard.Mask(topic));
        }

        var text = string.Join(' ', texts.AsEnumerable().Reverse());
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AssistantView([], [], new FormSuggestion(null, null, null, null, [], []));
        }

        var latest = texts.FirstOrDefault() ?? text;
        var articles = await search.SearchAsync(latest.Length >= 6 ? latest : text, 3, ct);
        if (articles.Count == 0 && latest != text)
        {
            articles = await search.SearchAsync(text, 3, ct);
        }

        var categories = await CategoriesAsync(text, ct);
        var today = cityClock.Today;
        var form = CaseFormExtractor.Extract(text, today);
        var code = form.District is { } d && SeoulPlaces.Instance.Codes.TryGetValue(d, out var c) ? c : null;
        return new AssistantView(articles, categories, new FormSuggestion(code, form.District, form.Dong, form.Address, form.Dates, form.VehiclePlates));
    }

    private static bool IsHandoffRequest(string text)
    {
        var compact = Minwon.Core.Chatbot.BotPolicy.Compact(text);
        return compact.Length <= MaxHandoffRequestLength && Minwon.Core.Chatbot.BotPolicy.WantsCounsellor(compact);
    }

    private async Task<IReadOnlyList<CategorySuggestion>> CategoriesAsync(string text, CancellationToken ct)
    {
        var all = await db.Set<Category>().AsNoTracking().ToListAsync(ct);
        var predicted = classifier.Predict(text);
        if (predicted.Count > 0)
        {
            return predicted.Join(all, p => p.CategoryId, c => c.Id, (p, c) => new CategorySuggestion(c.Id, c.Major, c.Minor, p.Score, "model")).ToList();
        }

        return CategoryKeywordMatcher.Instance.Guess(text)
            .Join(all, g => (g.Major, g.Minor), c => (c.Major, c.Minor), (g, c) => new CategorySuggestion(c.Id, c.Major, c.Minor, g.Score, "keywords"))
            .ToList();
    }
}
