using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Core.Conversations;

namespace Minwon.Server.Features.Assistant;

/// <summary>Retrains the category classifier from closed cases: the citizen's (masked) messages and the case's category.</summary>
public sealed class TrainCategoryModel(MinwonDbContext db, CategoryClassifier classifier)
{
    public const int MinimumExamples = 20;

    public async Task<TrainingReport?> HandleAsync(CancellationToken ct)
    {
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => c.CategoryId != null && c.ConversationId != null)
            .OrderByDescending(c => c.CreatedAt).Take(200_000)
            .Select(c => new { c.ConversationId, c.CategoryId, c.Summary }).ToListAsync(ct);
        var ids = cases.Select(c => c.ConversationId!.Value).ToList();
        var texts = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Set<Message>().AsNoTracking()
                .Where(m => chunk.Contains(m.ConversationId) && m.Sender == MessageSender.Citizen && m.Kind == MessageKind.Text)
                .Select(m => new { m.ConversationId, m.Body }).ToListAsync(ct);
            foreach (var g in rows.GroupBy(r => r.ConversationId))
            {
                texts[g.Key] = string.Join(' ', g.Select(r => r.Body));
            }
        }

        var examples = cases
            .Select(c => (Text: texts.GetValueOrDefault(c.ConversationId!.Value, "") + " " + c.Summary, CategoryId: c.CategoryId!.Value))
            .Where(e => e.Text.Trim().Length > 0)
            .ToList();
        if (examples.Count < MinimumExamples || examples.Select(e => e.CategoryId).Distinct().Count() < 2)
        {
            return null;
        }

        return classifier.Train(examples);
    }
}
