using System.CommandLine;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>`minwon issues replay FILE.jsonl` (issue 6). Placeholder until the feature lands.</summary>
public static class IssueAlertingCli
{
    public static Command Create()
    {
        var issues = new Command("issues", "Issue alerter: replay event streams through the detector.");
        return issues;
    }

    /// <summary>`minwon demo generate --days N`: realistic traffic with injected incidents. Placeholder.</summary>
    public static Command CreateGenerateCommand()
    {
        var generate = new Command("generate", "Generate realistic weeks of contacts with injected incidents.");
        return generate;
    }
}
