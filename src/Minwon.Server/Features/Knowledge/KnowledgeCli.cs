using System.CommandLine;

namespace Minwon.Server.Features.Knowledge;

/// <summary>`minwon kb import FILE.jsonl` and `minwon kb search --top K` (issue 3). Placeholder until the feature lands.</summary>
public static class KnowledgeCli
{
    public static Command Create()
    {
        var kb = new Command("kb", "Knowledge base: import, search.");
        return kb;
    }
}
