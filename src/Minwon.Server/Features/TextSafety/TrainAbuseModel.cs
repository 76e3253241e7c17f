using System.Text.Json;
using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.TextSafety;

/// <summary>
/// `minwon text train-abuse`: retrains the abuse classifier from labelled JSON Lines ({"text","label","group"}),
/// calibrates its threshold on separate lines (best F1 while flagging at most 1 % of the "angry" complaints among them)
/// and writes the model file that Minwon.Core ships (issue 13).
/// BEEP!'s "offensive" class (rude, aggressive or sarcastic remarks that are not hate) is not what Minwon calls abuse
/// (anger and rudeness are not abuse; insults, slurs, threats and harassment are): by default its lines are left out of
/// training and calibration (<see cref="Settings.BeepOffensive"/>; docs/text-safety.md has the measurements).
/// </summary>
public static class TrainAbuseModel
{
    public sealed record Settings(
        IReadOnlyList<string> Train,
        IReadOnlyList<string> Domain,
        IReadOnlyList<string> Calibrate,
        string Output,
        double MaxComplaintsFlagged,
        int Epochs,
        int Bits,
        double LearningRate,
        double L2,
        BeepOffensive BeepOffensive = BeepOffensive.Drop,
        int HiddenBits = 0,
        int HiddenWidth = 16,
        double F1Tolerance = 0,
        bool Stack = false,
        int Folds = 5,
        IReadOnlyList<int>? Views = null);

    /// <summary>What a public line labelled only BEEP! "offensive" counts as: left out, abusive (the first mapping) or not abusive.</summary>
    public enum BeepOffensive
    {
        Drop,
        Abusive,
        None,
    }

    public static bool TryParseBeepOffensive(string value, out BeepOffensive mapping) =>
        Enum.TryParse(value, ignoreCase: true, out mapping) && Enum.IsDefined(mapping);

    public static async Task<int> RunAsync(Settings settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var examples = new List<AbuseModelTrainer.Example>();
        foreach (var file in settings.Train)
        {
            examples.AddRange((await ReadAsync(file, cancellationToken)).Select(r => Map(r, settings.BeepOffensive)).OfType<Row>()
                .Select(r => new AbuseModelTrainer.Example(r.Text, r.Abusive)));
        }

        // Counsellor-domain lines are few next to the comments: each counts three times.
        foreach (var file in settings.Domain)
        {
            examples.AddRange((await ReadAsync(file, cancellationToken)).Select(r => new AbuseModelTrainer.Example(r.Text, r.Abusive, 3)));
        }

        var calibration = new List<AbuseModelTrainer.Example>();
        var complaints = new List<string>();
        foreach (var file in settings.Calibrate)
        {
            foreach (var r in (await ReadAsync(file, cancellationToken)).Select(r => Map(r, settings.BeepOffensive)).OfType<Row>())
            {
                calibration.Add(new AbuseModelTrainer.Example(r.Text, r.Abusive));
                if (r.Group == "angry")
                {
                    complaints.Add(r.Text);
                }
            }
        }

        if (examples.Count == 0 || calibration.Count == 0)
        {
            await errors.WriteLineAsync("text train-abuse: no training or no calibration lines");
            return 2;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var options = new AbuseModelTrainer.Options(settings.Bits, settings.Epochs, settings.LearningRate, settings.L2, HiddenBits: settings.HiddenBits, HiddenWidth: settings.HiddenWidth);
        var raw = settings.Stack
            ? AbuseStackTrainer.Train(examples, options, settings.Views ?? AbuseStackTrainer.DefaultViews, settings.Folds, "", output)
            : AbuseModelTrainer.Train(examples, options, "");
        var network = settings.HiddenBits > 0 ? $" plus a one-hidden-layer network (2^{settings.HiddenBits} x {settings.HiddenWidth})" : "";
        var kind = settings.Stack
            ? $"stack of {AbuseStackTrainer.DefaultViews.Count} logistic regressions (views: all, surface + stems, sound, normalised + lexicon; meta-model on {settings.Folds}-fold out-of-fold logits) over"
            : "logistic regression over";
        var description = $"{kind} naive-Bayes-scaled features (character 2-4, jamo 3-4, normalised 2-3, 초성 2-3, word 1-2-grams{(settings.Stack ? ", stem 1-2-grams" : "")}, lexicon){network}, 2^{settings.Bits} hashed, {settings.Epochs} epochs, {examples.Count} training lines "
            + $"({string.Join(", ", settings.Train.Concat(settings.Domain).Select(Path.GetFileName))}; BEEP! offensive: {settings.BeepOffensive.ToString().ToLowerInvariant()}); trained {TimeProvider.System.GetUtcNow():yyyy-MM-dd}; "
            + "data CC BY-SA 4.0 (K-MHaS, BEEP!)";
        var (model, threshold, f1, flagged) = AbuseModelTrainer.Calibrate(raw, calibration, complaints, settings.MaxComplaintsFlagged, description, output, settings.F1Tolerance);
        await output.WriteLineAsync($"trained on {examples.Count} lines in {clock.Elapsed.TotalSeconds:0.0} s");
        await output.WriteLineAsync($"calibrated on {calibration.Count} lines ({complaints.Count} angry complaints): threshold {threshold:0.00}, F1 {f1:0.000}, complaints flagged {flagged:P1}");

        var directory = Path.GetDirectoryName(Path.GetFullPath(settings.Output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using (var stream = File.Create(settings.Output))
        {
            model.Write(stream);
        }

        await output.WriteLineAsync($"wrote {settings.Output} ({new FileInfo(settings.Output).Length:N0} bytes); rebuild Minwon.Core to ship it");
        return 0;
    }

    private sealed record Row(string Text, bool Abusive, string Group, bool OnlyOffensive);

    private static Row? Map(Row row, BeepOffensive mapping) => !row.OnlyOffensive ? row : mapping switch
    {
        BeepOffensive.Drop => null,
        BeepOffensive.None => row with { Abusive = false },
        _ => row,
    };

    private static async Task<List<Row>> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("text").GetString();
            var label = root.GetProperty("label").GetString();
            if (text is null || label is null || !AbuseLabels.TryParse(label, out var parsed))
            {
                throw new FormatException($"{file}:{number}: needs \"text\" and a known \"label\"");
            }

            var onlyOffensive = root.TryGetProperty("classes", out var classes) && classes.ValueKind == JsonValueKind.Array
                && classes.GetArrayLength() == 1 && classes[0].GetString() == "offensive";
            rows.Add(new Row(text, parsed != AbuseLabel.None, root.TryGetProperty("group", out var g) ? g.GetString() ?? "" : "", onlyOffensive));
        }

        return rows;
    }
}
