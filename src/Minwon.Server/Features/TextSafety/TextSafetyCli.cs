using System.CommandLine;

namespace Minwon.Server.Features.TextSafety;

/// <summary>`minwon text mask [--json]` and `minwon text abuse` (issue 4). Placeholder until the feature lands.</summary>
public static class TextSafetyCli
{
    public static Command Create()
    {
        var text = new Command("text", "Text safety: PII masking and abusive-language detection.");
        return text;
    }
}
