using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Languages;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Languages;

/// <summary>One line of a translations file (JSON Lines): the translation of one article into one language.</summary>
public sealed record TranslationInput(string? ArticleId, string? Language, string? Title, string? ShortAnswer, List<string>? Keywords,
    bool MachineTranslated = false);

public sealed record TranslationImportReport(int Added, int Updated, IReadOnlyList<string> Problems);

/// <summary>
/// Imports article translations (`minwon lang import-translations FILE`, and the demo seed). The whole file is checked
/// first: one bad line (unknown article, unsupported language, Korean as a "translation", missing text) imports
/// nothing, so a half-imported file never leaves the bot answering some questions in a language and not others.
/// </summary>
public sealed class ImportTranslations(MinwonDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TranslationImportReport> RunAsync(TextReader reader, CancellationToken ct)
    {
        var problems = new List<string>();
        var inputs = new List<(int Line, TranslationInput Input)>();
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                inputs.Add((number, JsonSerializer.Deserialize<TranslationInput>(line, Json) ?? throw new JsonException("null")));
            }
            catch (JsonException e)
            {
                problems.Add($"line {number}: not a JSON object ({e.Message.Split('.')[0]})");
            }
        }

        var ids = inputs.Select(i => i.Input.ArticleId).OfType<string>().Distinct().ToList();
        var known = (await db.Set<Knowledge.Article>().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var firstLine = new Dictionary<(string?, string?), int>();
        foreach (var (line, input) in inputs)
        {
            problems.AddRange(Check(input, known).Select(p => $"line {line}: {p}"));
            // Two lines for one article and language: which should win is unclear (and both would be added twice).
            if (!firstLine.TryAdd((input.ArticleId, input.Language), line))
            {
                problems.Add($"line {line}: repeats line {firstLine[(input.ArticleId, input.Language)]} (article '{input.ArticleId}' in '{input.Language}')");
            }
        }

        if (problems.Count > 0)
        {
            return new TranslationImportReport(0, 0, problems);
        }

        int added = 0, updated = 0;
        var now = clock.GetUtcNow();
        var languages = inputs.Select(i => i.Input.Language!).Distinct().ToList();
        var stored = await db.Set<ArticleTranslation>().Where(t => ids.Contains(t.ArticleId) && languages.Contains(t.Language))
            .ToDictionaryAsync(t => (t.ArticleId, t.Language), ct);
        foreach (var (_, input) in inputs)
        {
            var existing = stored.GetValueOrDefault((input.ArticleId!, input.Language!));
            if (existing is null)
            {
                existing = new ArticleTranslation { ArticleId = input.ArticleId!, Language = input.Language!, Title = "" };
                db.Add(existing);
                added++;
            }
            else
            {
                updated++;
            }

            existing.Title = input.Title!.Trim();
            existing.ShortAnswer = input.ShortAnswer!.Trim();
            existing.Keywords = string.Join(',', (input.Keywords ?? []).Select(k => k.Replace(",", " ", StringComparison.Ordinal).Trim()).Where(k => k.Length > 0));
            existing.MachineTranslated = input.MachineTranslated;
            existing.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return new TranslationImportReport(added, updated, []);
    }

    private static IEnumerable<string> Check(TranslationInput input, HashSet<string> known)
    {
        if (string.IsNullOrWhiteSpace(input.ArticleId) || !known.Contains(input.ArticleId))
        {
            yield return $"no article '{input.ArticleId}'";
        }

        if (input.Language is not { } language || language == "ko" || !LanguageIdentifier.Supported.Contains(language))
        {
            yield return $"language '{input.Language}' is not one of {string.Join(", ", LanguageIdentifier.Supported.Where(l => l != "ko"))}";
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > Knowledge.ArticleInput.MaxTitleLength)
        {
            yield return $"title is missing or longer than {Knowledge.ArticleInput.MaxTitleLength} characters";
        }

        if (string.IsNullOrWhiteSpace(input.ShortAnswer) || input.ShortAnswer.Length > Knowledge.ArticleInput.MaxShortAnswerLength)
        {
            yield return $"shortAnswer is missing or longer than {Knowledge.ArticleInput.MaxShortAnswerLength} characters";
        }
        else if (input.Language is { } l && l != "ko" && LanguageIdentifier.Default.Identify(input.ShortAnswer) is { IsConfident: true, Language: "ko" })
        {
            yield return "shortAnswer is Korean, not a translation";
        }
    }
}
