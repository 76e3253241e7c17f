using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// `minwon kb import FILE.jsonl`: one article per line. Every line is validated before anything is written;
/// bad lines are reported with their number and skipped, a repeated id keeps its last line, and the valid
/// articles are saved in batches, each batch one transaction with its index update.
/// </summary>
public sealed partial class ImportArticles(SaveArticle save, ILogger<ImportArticles> logger)
{
    private const int BatchSize = 500;

    public sealed record Report(int Created, int Updated, int Unchanged, IReadOnlyList<string> Problems);

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new LenientStringConverter() },
        AllowTrailingCommas = true,
    };

    public async Task<Report> RunAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var byId = new Dictionary<string, (int Line, ArticleInput Input)>(StringComparer.Ordinal);
        var order = new List<string>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ArticleInput? input;
            try
            {
                input = JsonSerializer.Deserialize<ArticleInput>(line, JsonOptions);
            }
            catch (JsonException e)
            {
                problems.Add($"line {lineNumber}: not a JSON article ({e.Message.Split('.')[0]})");
                continue;
            }

            if (input is null)
            {
                problems.Add($"line {lineNumber}: not a JSON article (null)");
                continue;
            }

            var errors = input.Validate(requireId: true);
            if (errors.Count > 0)
            {
                problems.Add($"line {lineNumber}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
                continue;
            }

            var id = input.Id!.Trim();
            if (byId.TryGetValue(id, out var earlier))
            {
                problems.Add($"line {lineNumber}: duplicate id '{id}' (also on line {earlier.Line}); the last one wins");
            }
            else
            {
                order.Add(id);
            }

            byId[id] = (lineNumber, input);
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var chunk in order.Chunk(BatchSize))
        {
            var inputs = chunk.Select(id => byId[id].Input).ToList();
            try
            {
                foreach (var outcome in (await save.UpsertAsync(inputs, cancellationToken)).Values)
                {
                    _ = outcome switch
                    {
                        SaveArticle.Outcome.Created => created++,
                        SaveArticle.Outcome.Updated => updated++,
                        _ => unchanged++,
                    };
                }
            }
            catch (DbUpdateException e)
            {
                LogBatchFailed(logger, e, chunk.Length);
                problems.AddRange(chunk.Select(id => $"line {byId[id].Line}: not saved ({e.GetBaseException().Message})"));
            }
        }

        return new Report(created, updated, unchanged, problems);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An import batch of {Count} articles failed and was rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
