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

/// <param name="HasMaskedDetails">Some citizen text was masked (a plate, an address): the case form can be filled from the originals.</param>
public sealed record AssistantView(IReadOnlyList<KnowledgeHit> Articles, IReadOnlyList<CategorySuggestion> Categories, FormSuggestion Form,
    bool HasMaskedDetails = false);

/// <summary>
/// The counsellor assistant (상담도우미): from what the citizen has written so far, the best knowledge articles
/// with the matching passage, a case category and the case form fields it can read off the text.
/// Works on the masked text, so suggestions never carry personal data the desk would not show; the case form's real
/// values come from <see cref="PrefillCaseForm"/>, which reads the encrypted originals and writes the access log.
/// </summary>
/// <remarks>
/// Suggestions follow the conversation, not its last line (issue 9 item 9): each substantive citizen message is searched
/// and scored with a weight halving with its age (<see cref="ConversationFocus"/>); courtesy, requests for a counsellor
/// and abusive messages are left out; the topic typed before the chat counts as a little context.
/// </remarks>
public sealed class AssistantSuggestions(MinwonDbContext db, KnowledgeSearch search, CategoryClassifier classifier, CityClock cityClock,
    TextGuard guard)
{
    /// <summary>How far back the assistant reads: enough for a long chat, bounded for a long call transcript.</summary>
    private const int RecentCitizenMessages = 30;

    /// <summary>Substantive messages that count; the fifth would weigh 1/16 of the latest.</summary>
    private const int FocusMessages = 4;

    /// <summary>Searches per refresh: the fourth message would add an eighth of its score, not worth a search.</summary>
    private const int SearchedMessages = 3;

    /// <summary>The topic typed before the chat: context, below any message the citizen wrote.</summary>
    private const double TopicWeight = 0.25;

    private static readonly Minwon.Core.Knowledge.SynonymExpander Synonyms = Minwon.Core.Knowledge.SynonymExpander.WithDefaults([]);

    public async Task<AssistantView> SuggestAsync(Guid conversationId, CancellationToken ct)
    {
        var lines = await db.Set<Message>().AsNoTracking()
            // A call's transcript (Speech) feeds the suggestions as typed chat does.
            .Where(m => m.ConversationId == conversationId && m.Sender == MessageSender.Citizen && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Speech))
            .OrderByDescending(m => m.Seq).Take(RecentCitizenMessages)
            .Select(m => new { m.Body, m.Abuse, Masked = m.ProtectedOriginal != null }).ToListAsync(ct);
        var topic = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.Topic).FirstOrDefaultAsync(ct);
        var maskedTopic = topic is null ? null : guard.Mask(topic);

        var focus = ConversationFocus.Select(lines.Select(l => new CitizenLine(l.Body, l.Abuse != "none")), FocusMessages).ToList();
        if (maskedTopic is not null)
        {
            focus.Add(new FocusLine(maskedTopic, TopicWeight));
        }

        var clean = lines.Where(l => l.Abuse == "none").ToList();
        var formText = string.Join(' ', new[] { maskedTopic }.OfType<string>().Concat(clean.Select(l => l.Body).Reverse()));
        if (focus.Count == 0 && string.IsNullOrWhiteSpace(formText))
        {
            return new AssistantView([], [], new FormSuggestion(null, null, null, null, [], []));
        }

        var articles = await ArticlesAsync(focus, ct);
        var categories = await CategoriesAsync(focus, ct);
        var form = CaseFormExtractor.Extract(formText, cityClock.Today);
        var code = form.District is { } d && SeoulPlaces.Instance.Codes.TryGetValue(d, out var c) ? c : null;
        return new AssistantView(articles, categories, new FormSuggestion(code, form.District, form.Dong, form.Address, form.Dates, form.VehiclePlates),
            HasMaskedDetails: clean.Any(l => l.Masked));
    }

    /// <summary>Each focus line searched on its own; an article's score is the weighted sum over the lines that found it.</summary>
    private async Task<IReadOnlyList<KnowledgeHit>> ArticlesAsync(IReadOnlyList<FocusLine> focus, CancellationToken ct)
    {
        var combined = new Dictionary<string, (KnowledgeHit Hit, double Score, double Weight)>(StringComparer.Ordinal);
        foreach (var line in focus.OrderByDescending(f => f.Weight).Take(SearchedMessages))
        {
            foreach (var hit in await search.SearchAsync(line.Text, 5, ct))
            {
                combined[hit.ArticleId] = combined.TryGetValue(hit.ArticleId, out var seen)
                    // The passage shown is the one the heavier message matched.
                    ? (seen.Weight >= line.Weight ? seen.Hit : hit, seen.Score + line.Weight * hit.Score, Math.Max(seen.Weight, line.Weight))
                    : (hit, line.Weight * hit.Score, line.Weight);
            }
        }

        return combined.Values.OrderByDescending(c => c.Score).Take(3).Select(c => c.Hit with { Score = (float)c.Score }).ToList();
    }

    private async Task<IReadOnlyList<CategorySuggestion>> CategoriesAsync(IReadOnlyList<FocusLine> focus, CancellationToken ct)
    {
        if (focus.Count == 0)
        {
            return [];
        }

        var all = await db.Set<Category>().AsNoTracking().ToListAsync(ct);
        var total = focus.Sum(f => f.Weight);
        var scores = new Dictionary<int, (double Score, string Source)>();
        foreach (var line in focus)
        {
            var predicted = classifier.Predict(line.Text);
            IEnumerable<(int Id, double Score, string Source)> found = predicted.Count > 0
                ? predicted.Select(p => (p.CategoryId, (double)p.Score, "model"))
                // Before a model exists: the taxonomy's keywords, matched on the message and its synonyms (주차딱지 → 불법주차 과태료).
                : CategoryKeywordMatcher.Instance.Guess(line.Text + " " + string.Join(' ', Synonyms.Expand(line.Text)))
                    .Join(all, g => (g.Major, g.Minor), c => (c.Major, c.Minor), (g, c) => (c.Id, g.Score, "keywords"));
            foreach (var (id, score, source) in found)
            {
                scores[id] = (scores.GetValueOrDefault(id).Score + line.Weight * score, source);
            }
        }

        return scores.OrderByDescending(s => s.Value.Score).Take(3)
            .Join(all, s => s.Key, c => c.Id, (s, c) => new CategorySuggestion(c.Id, c.Major, c.Minor, Math.Round(s.Value.Score / total, 3), s.Value.Source))
            .ToList();
    }
}
