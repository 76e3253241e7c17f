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
        text.Subcommands.Add(CreateTrainAbuse());
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
        var model = new Option<string?>("--model") { Description = "Abuse model file to evaluate instead of the shipped one (written by text train-abuse --out)" };
        var eval = new Command("eval", "Print masking recall, look-alike false positives and abuse F1 on the evaluation sets.") { set, errors, gate, model };
        eval.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(set) is { Length: > 0 } given ? given : [Path.Combine("eval", "text-safety")];
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (output)
            {
                return await EvaluateTextSafety.RunAsync(paths, parse.GetValue(errors), parse.GetValue(gate), output, Console.Error, parse.GetValue(model), ct);
            }
        });
        return eval;
    }

    private static Command CreateTrainAbuse()
    {
        var train = new Option<string[]>("--train") { Description = "Labelled JSONL to learn from (default data-seed/abuse-training/train.jsonl)", AllowMultipleArgumentsPerToken = true };
        var domain = new Option<string[]>("--domain") { Description = "Counsellor-domain JSONL, weighted 3x (default eval/text-safety/abuse.jsonl, data-seed/abuse-training/domain-train.jsonl, domain-ordinary.jsonl, domain-session9.jsonl, domain-session11.jsonl, domain-session13.jsonl)", AllowMultipleArgumentsPerToken = true };
        var calibrate = new Option<string[]>("--calibrate") { Description = "JSONL kept apart for the threshold (default eval/text-safety/abuse-public-dev.jsonl, abuse-holdout.jsonl, abuse-fresh.jsonl, abuse-complaints-dev.jsonl, abuse-complaints-dev2.jsonl, abuse-complaints-dev3.jsonl, and the spent held-out abuse-counsellor-test.jsonl sealed/abuse-test3.jsonl, sealed/abuse-test4.jsonl and sealed5/text-safety/abuse-test5.jsonl, development sets since sessions 9, 11 and 13)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Model file to write (default src/Minwon.Core/TextSafety/Model/abuse-model.bin)" };
        var flagged = new Option<double?>("--max-complaints-flagged") { Description = "Largest share of angry complaints the threshold may flag (default 0.01)" };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training lines (default 6)" };
        var bits = new Option<int?>("--bits") { Description = "Hashed feature table size as a power of two (default 18)" };
        var rate = new Option<double?>("--learning-rate") { Description = "AdaGrad step (default 0.05)" };
        var l2 = new Option<double?>("--l2") { Description = "L2 penalty per update (default 1e-7)" };
        var offensive = new Option<string?>("--beep-offensive") { Description = "Public lines labelled only BEEP! 'offensive': drop (default), abusive or none" };
        var hiddenBits = new Option<int?>("--hidden-bits") { Description = "Add a one-hidden-layer network with 2^N feature rows (default 0: the linear model alone)" };
        var hiddenWidth = new Option<int?>("--hidden-width") { Description = "Hidden units of that network (default 16)" };
        var tolerance = new Option<double?>("--f1-tolerance") { Description = "Take the highest threshold whose calibration F1 is within this of the best (default 0: the best)" };
        var stack = new Option<bool>("--stack") { Description = "Train the stacked model: one logistic regression per feature view and a meta-model on their out-of-fold logits" };
        var folds = new Option<int?>("--folds") { Description = "Folds for the stacked model's out-of-fold logits (default 5)" };
        var views = new Option<int[]>("--views") { Description = "The stacked model's views as bit sets of feature groups (chars 1, jamo 2, normalised 4, 초성 8, words 16, stems 32, lexicon 64; +128 for naive Bayes instead of the regression)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("train-abuse", "Retrain the abuse classifier and write the model file (issue 13).") { train, domain, calibrate, output, flagged, epochs, bits, rate, l2, offensive, hiddenBits, hiddenWidth, tolerance, stack, folds, views };
        command.SetAction(async (parse, ct) =>
        {
            var mapping = TrainAbuseModel.BeepOffensive.Drop;
            if (parse.GetValue(offensive) is { } o && !TrainAbuseModel.TryParseBeepOffensive(o, out mapping))
            {
                await Console.Error.WriteLineAsync($"text train-abuse: --beep-offensive must be drop, abusive or none, not '{o}'");
                return 2;
            }

            var textSafety = Path.Combine("eval", "text-safety");
            var settings = new TrainAbuseModel.Settings(
                parse.GetValue(train) is { Length: > 0 } t ? t : [Path.Combine("data-seed", "abuse-training", "train.jsonl")],
                parse.GetValue(domain) is { Length: > 0 } d ? d : [Path.Combine(textSafety, "abuse.jsonl"), Path.Combine("data-seed", "abuse-training", "domain-train.jsonl"), Path.Combine("data-seed", "abuse-training", "domain-ordinary.jsonl"), Path.Combine("data-seed", "abuse-training", "domain-session9.jsonl"), Path.Combine("data-seed", "abuse-training", "domain-session11.jsonl"), Path.Combine("data-seed", "abuse-training", "domain-session13.jsonl")],
                parse.GetValue(calibrate) is { Length: > 0 } c ? c
                    : [Path.Combine(textSafety, "abuse-public-dev.jsonl"), Path.Combine(textSafety, "abuse-holdout.jsonl"), Path.Combine(textSafety, "abuse-fresh.jsonl"), Path.Combine(textSafety, "abuse-complaints-dev.jsonl"), Path.Combine(textSafety, "abuse-complaints-dev2.jsonl"), Path.Combine(textSafety, "abuse-complaints-dev3.jsonl"),
                        Path.Combine("eval", "held-out", "text-safety", "abuse-counsellor-test.jsonl"), Path.Combine("eval", "held-out", "text-safety", "sealed", "abuse-test3.jsonl"), Path.Combine("eval", "held-out", "text-safety", "sealed", "abuse-test4.jsonl"), Path.Combine("eval", "held-out", "sealed5", "text-safety", "abuse-test5.jsonl")],
                parse.GetValue(output) ?? Path.Combine("src", "Minwon.Core", "TextSafety", "Model", "abuse-model.bin"),
                parse.GetValue(flagged) ?? 0.01,
                parse.GetValue(epochs) ?? 6,
                parse.GetValue(bits) ?? 18,
                parse.GetValue(rate) ?? 0.05,
                parse.GetValue(l2) ?? 1e-7,
                mapping,
                parse.GetValue(hiddenBits) ?? 0,
                parse.GetValue(hiddenWidth) ?? 16,
                parse.GetValue(tolerance) ?? 0,
                parse.GetValue(stack),
                parse.GetValue(folds) ?? 5,
                parse.GetValue(views) is { Length: > 0 } v ? v : null);
            return await TrainAbuseModel.RunAsync(settings, Console.Out, Console.Error, ct);
        });
        return command;
    }

    private static (TextReader Input, TextWriter Output) OpenStandardStreams() =>
        (new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)),
         new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16));
}
