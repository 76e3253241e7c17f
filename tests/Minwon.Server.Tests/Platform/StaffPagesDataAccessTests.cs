using System.Text.RegularExpressions;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Issue 10 item 5: a staff page (a long-lived Blazor circuit) gets its data through <c>IDbContextFactory</c> (a short-lived
/// context per load) or its feature's query classes, never by resolving the scoped <c>MinwonDbContext</c> from a scope or
/// injecting it (<c>@inject</c>, or an <c>[Inject]</c> property in a code-behind file): one context shared by a circuit's
/// concurrent events is not thread-safe and lives as long as the tab.
/// </summary>
public sealed partial class StaffPagesDataAccessTests
{
    [Fact]
    public void No_razor_component_resolves_or_injects_the_scoped_database_context()
    {
        var src = Path.Combine(RepositoryRoot(), "src", "Minwon.Server");
        var razorFiles = Directory.EnumerateFiles(src, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(src, "*.razor.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(razorFiles);

        var offenders = razorFiles
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => ScopedContext().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use IDbContextFactory<MinwonDbContext> or a feature query class:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();", true)]
    [InlineData("var db = scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>();", true)]
    [InlineData("@inject MinwonDbContext Db", true)]
    [InlineData("@inject IDbContextFactory<MinwonDbContext> Contexts", false)]
    [InlineData("await using var db = await Contexts.CreateDbContextAsync();", false)]
    // Property injection in a code-behind file is the same scoped context as @inject.
    [InlineData("[Inject] private MinwonDbContext Db { get; set; } = default!;", true)]
    [InlineData("private MinwonDbContext Db { get; set; } = default!;", true)]
    [InlineData("[Inject] private IDbContextFactory<MinwonDbContext> Contexts { get; set; } = default!;", false)]
    public void The_check_recognises_a_scoped_context(string line, bool offends) => Assert.Equal(offends, ScopedContext().IsMatch(line));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "Minwon.Server")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository (src/Minwon.Server) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"GetRequiredService<[\w.]*MinwonDbContext>|GetService<[\w.]*MinwonDbContext>|@inject\s+[\w.]*MinwonDbContext\b|\[Inject\][^\r\n<]*\bMinwonDbContext\b|\bMinwonDbContext\s+\w+\s*\{\s*get;")]
    private static partial Regex ScopedContext();
}
