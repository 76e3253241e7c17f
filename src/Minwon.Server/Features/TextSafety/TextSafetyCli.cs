using System.CommandLine;
using System.Text;
using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.TextSafety;

/// <summary>`minwon text mask [--json]`, `minwon text abuse [--threshold T]` and `minwon text eval` (issue 4).</summary>
public static class TextSafetyCli
{
    public static Command Create()
    {
        var text = new Command("text", "Text safety: PII masking and abusive-language detection.");
        text.Subcommands.Add(CreateMask());
        text.Subcommands.Add(CreateAbuse());
        text.Subcommands.Add(CreateEval());
        return text;
    }

    private static Command CreateMask()
    {
        var json = new Option<bool>("--json") { Description = "Write {\"text\",\"masked\",\"spans\"} per line instead of the masked line" };
        var mask = new Command("mask", "Read lines from standard input and write them with personal data masked.") { json };
        mask.SetAction(async (parse, ct) =>
        {
            var (input, output) = OpenStandardStreams();
            return await MaskText.RunAsync(input, output, Console.Error, parse.GetValue(json), new PiiMasker(), ct);
        });
        return mask;
    }

    private static Command CreateAbuse()
    {
        var threshold = new Option<double?>("--threshold") { Description = "Score from which a line is abusive (default 0.5)" };
        var abuse = new Command("abuse", "Read lines from standard input and write {\"text\",\"label\",\"score\"} for each.") { threshold };
        abuse.SetAction(async (parse, ct) =>
        {
            var options = new TextSafetyOptions();
            if (parse.GetValue(threshold) is { } t)
            {
                options.AbuseThreshold = t;
            }

            var (input, output) = OpenStandardStreams();
            return await ClassifyAbuse.RunAsync(input, output, Console.Error, new AbuseDetector(options), ct);
        });
        return abuse;
    }

    private static Command CreateEval()
    {
        var set = new Option<string[]>("--set") { Description = "Evaluation folder or JSONL files (default eval/text-safety)", AllowMultipleArgumentsPerToken = true };
        var errors = new Option<bool>("--errors") { Description = "Also list every miss and false positive" };
        var gate = new Option<bool>("--gate") { Description = "Exit with 1 when a quality floor is missed" };
        var eval = new Command("eval", "Print masking recall, look-alike false positives and abuse F1 on the evaluation sets.") { set, errors, gate };
        eval.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(set) is { Length: > 0 } given ? given : [Path.Combine("eval", "text-safety")];
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (output)
            {
                return await EvaluateTextSafety.RunAsync(paths, parse.GetValue(errors), parse.GetValue(gate), output, Console.Error, ct);
            }
        });
        return eval;
    }

    private static (TextReader Input, TextWriter Output) OpenStandardStreams() =>
        (new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)),
         new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16));
}
