using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Assistant;

public sealed record CategoryPrediction(int CategoryId, float Score);

/// <summary>
/// The case-category classifier trained by ML.NET from closed cases (<c>minwon train</c>), kept at
/// {DataDir}/models/category.zip. Until a model exists the assistant falls back to taxonomy keywords.
/// PredictionEngine is not thread-safe, so predictions take a lock; one takes well under a millisecond.
/// </summary>
public sealed class CategoryClassifier(IOptions<MinwonOptions> options)
{
    private readonly MLContext ml = new(seed: 120);
    private readonly Lock gate = new();
    private PredictionEngine<CaseText, CategoryScores>? engine;
    private string[] labels = [];
    private DateTime loadedStamp;

    public string ModelPath => Path.Combine(options.Value.ResolvedDataDir, "models", "category.zip");

    public bool IsTrained => File.Exists(ModelPath);

    public IReadOnlyList<CategoryPrediction> Predict(string text, int top = 3)
    {
        lock (gate)
        {
            if (!EnsureLoaded() || engine is null)
            {
                return [];
            }

            var scores = engine.Predict(new CaseText { Text = text }).Score ?? [];
            return scores.Select((score, i) => (score, i))
                .OrderByDescending(x => x.score).Take(top)
                .Where(x => x.i < labels.Length && int.TryParse(labels[x.i], out _))
                .Select(x => new CategoryPrediction(int.Parse(labels[x.i], System.Globalization.CultureInfo.InvariantCulture), x.score))
                .ToList();
        }
    }

    /// <summary>Trains on (text, category id) pairs, saves the model and returns accuracy on a held-out fifth.</summary>
    public TrainingReport Train(IReadOnlyList<(string Text, int CategoryId)> examples)
    {
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new CaseText { Text = e.Text, Label = e.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 120);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            // Character n-grams carry Korean, where words arrive glued to particles and spacing varies.
            .Append(ml.Transforms.Text.FeaturizeText("Features", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
            {
                CharFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
                WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 1 },
            }, nameof(CaseText.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var evaluationModel = pipeline.Fit(split.TrainSet);
        var metrics = ml.MulticlassClassification.Evaluate(evaluationModel.Transform(split.TestSet));
        var model = pipeline.Fit(data);
        Directory.CreateDirectory(Path.GetDirectoryName(ModelPath)!);
        var temporary = ModelPath + ".tmp";
        ml.Model.Save(model, data.Schema, temporary);
        File.Move(temporary, ModelPath, overwrite: true);
        lock (gate)
        {
            loadedStamp = default;
        }

        return new TrainingReport(examples.Count, examples.Select(e => e.CategoryId).Distinct().Count(), metrics.MicroAccuracy, metrics.MacroAccuracy);
    }

    private bool EnsureLoaded()
    {
        if (!File.Exists(ModelPath))
        {
            return false;
        }

        var stamp = File.GetLastWriteTimeUtc(ModelPath);
        if (engine is not null && stamp == loadedStamp)
        {
            return true;
        }

        var model = ml.Model.Load(ModelPath, out _);
        engine = ml.Model.CreatePredictionEngine<CaseText, CategoryScores>(model);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref slotNames);
        labels = slotNames.DenseValues().Select(v => v.ToString()).ToArray();
        loadedStamp = stamp;
        return true;
    }

    public sealed class CaseText
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    public sealed class CategoryScores
    {
        public float[]? Score { get; set; }
    }
}

public sealed record TrainingReport(int Examples, int Categories, double MicroAccuracy, double MacroAccuracy);
