using Minwon.Core.VisualArs;

namespace Minwon.Core.Tests.VisualArs;

/// <summary>Menu search on the colloquial queries in eval/ars/search.tsv (no spaces, typos, sentences, initials).</summary>
public sealed class ArsSearchEvaluationTests
{
    [Fact]
    public void Puts_the_intended_entry_first_for_most_citizen_queries()
    {
        var rows = File.ReadAllLines(Path.Combine(Root(), "eval", "ars", "search.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length == 2).ToList();
        var menu = DefaultArsMenu.Create();

        var misses = rows.Where(r => ArsSearch.Find(menu, r[0]).FirstOrDefault()?.Node.Id != r[1]).Select(r => r[0]).ToList();
        var accuracy = 1.0 - (double)misses.Count / rows.Count;

        Assert.True(rows.Count >= 30, "the evaluation table is missing or short");
        Assert.True(accuracy >= 0.9, $"top-1 accuracy {accuracy:P0}; missed: {string.Join(", ", misses)}");
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "eval", "ars")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("eval/ars not found above the test folder.");
    }
}
