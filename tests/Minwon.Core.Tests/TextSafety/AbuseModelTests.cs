using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>Issue 13: the trained classifier that ships in Minwon.Core, its file format and its trainer.</summary>
public sealed class AbuseModelTests
{
    private static readonly AbuseDetector Detector = new();

    [Fact]
    public void Ships_a_trained_model_with_its_licence_in_the_description()
    {
        var model = AbuseModel.Shipped();
        Assert.NotNull(model);
        Assert.True(Detector.UsesModel);
        Assert.Contains("CC BY-SA 4.0", model.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("머리가 나쁘면 이 일을 하지 말든가")]
    [InlineData("너 같은 건 인간도 아니야 벌레만도 못한 게")]
    [InlineData("세금 빨아먹는 기생충 같은 것들")]
    [InlineData("부모가 뭘 가르쳤길래 저 모양이냐")]
    [InlineData("지능이 모자라냐 말귀를 못 알아듣네")]
    public void Flags_contempt_without_a_swear_word(string text) => Assert.True(Detector.Classify(text).IsAbusive, text);

    [Theory]
    [InlineData("세 번째 전화하는 건데 왜 아직도 안 고쳐 주세요 진짜 화나네요")]
    [InlineData("감사원에 민원 넣을 겁니다 담당자 이름 알려 주세요")]
    [InlineData("소송 걸 거예요 녹취 다 남겨 두세요")]
    [InlineData("일주일째 쓰레기를 안 치워 가서 냄새 때문에 미치겠어요")]
    [InlineData("새끼 고양이가 하수구에 빠졌어요")]
    [InlineData("가로등 불이 꺼져 있어요")]
    [InlineData("상담사 연결")]
    [InlineData("상담원 바꿔 주세요")]
    [InlineData("네 감사합니다")]
    [InlineData("안녕하세요")]
    [InlineData("보일러가 고장났어요")]
    [InlineData("Thank you")]
    [InlineData("My water bill is too high")]
    public void Leaves_angry_complaints_and_innocent_words_alone(string text) => Assert.False(Detector.Classify(text).IsAbusive, text);

    [Fact]
    public void Lowers_the_score_of_a_service_complaint_that_names_no_one()
    {
        // Issue 13: anger about a service is not abuse; a line that names a person with contempt keeps its score.
        var guarded = new AbuseDetector(new TextSafetyOptions());
        var unguarded = new AbuseDetector(new TextSafetyOptions { ComplaintMargin = 0 });
        const string complaint = "이게 나라냐 진짜 세금 내기 싫다";
        Assert.True(guarded.Classify(complaint).Score < unguarded.Classify(complaint).Score - 0.05);
        Assert.False(guarded.Classify(complaint).IsAbusive);

        const string contempt = "세금 받아 처먹는 놈들 머리가 나쁘면 일을 하지 마";
        Assert.Equal(unguarded.Classify(contempt).Score, guarded.Classify(contempt).Score, 4);
        Assert.True(guarded.Classify(contempt).IsAbusive);
    }

    [Fact]
    public void Lexicon_alone_is_still_available()
    {
        var lexicon = new AbuseDetector(new TextSafetyOptions(), model: null);
        Assert.False(lexicon.UsesModel);
        Assert.Equal(AbuseLabel.Profanity, lexicon.Classify("씨발 진짜").Label);
    }

    [Fact]
    public void Writes_and_reads_a_model_that_scores_the_same()
    {
        var model = AbuseModel.Shipped()!;
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var copy = AbuseModel.Read(stream);
        var options = new TextSafetyOptions();
        foreach (var line in new[] { "씨발 진짜", "가로등이 꺼졌어요", "돌대가리냐" })
        {
            Assert.Equal(new AbuseDetector(options, model).Classify(line).Score, new AbuseDetector(options, copy).Classify(line).Score, 3);
        }
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_model()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => AbuseModel.Read(stream));
    }

    [Fact]
    public void Trainer_learns_a_word_it_was_shown_and_calibrates_a_threshold()
    {
        var examples = new List<AbuseModelTrainer.Example>();
        for (var i = 0; i < 200; i++)
        {
            examples.Add(new($"이 뿡뿡이 {i}번 같으니", true));
            examples.Add(new($"오늘 {i}번 버스가 늦었어요", false));
        }

        var model = AbuseModelTrainer.Train(examples, new AbuseModelTrainer.Options(Bits: 14, Epochs: 3), "test");
        var (calibrated, threshold, f1, flagged) = AbuseModelTrainer.Calibrate(
            model, [new("저 뿡뿡이 같으니", true), new("버스가 늦었어요", false)], ["버스가 너무 늦어서 화나요"], 0.01, "test");
        var detector = new AbuseDetector(new TextSafetyOptions(), calibrated);
        Assert.True(detector.Classify("저 뿡뿡이 같으니").IsAbusive);
        Assert.False(detector.Classify("버스가 늦었어요").IsAbusive);
        Assert.InRange(threshold, 0.2, 0.95);
        Assert.Equal(1.0, f1, 3);
        Assert.Equal(0, flagged);
    }

    private static List<AbuseModelTrainer.Example> TinyTrainingSet()
    {
        var examples = new List<AbuseModelTrainer.Example>();
        for (var i = 0; i < 200; i++)
        {
            examples.Add(new($"이 뿡뿡이 {i}번 같으니", true));
            examples.Add(new($"오늘 {i}번 버스가 늦었어요", false));
        }

        return examples;
    }

    [Fact]
    public void Trains_a_network_part_that_changes_the_score_and_survives_a_round_trip()
    {
        // Issue 13: the optional one-hidden-layer network is added to the linear logit and written as model version 2.
        var examples = TinyTrainingSet();
        var linear = AbuseModelTrainer.Train(examples, new AbuseModelTrainer.Options(Bits: 14, Epochs: 3), "test");
        var wide = AbuseModelTrainer.Train(examples, new AbuseModelTrainer.Options(Bits: 14, Epochs: 3, HiddenBits: 10, HiddenWidth: 8), "test");
        Assert.Null(linear.Hidden);
        Assert.NotNull(wide.Hidden);

        var options = new TextSafetyOptions();
        var withNetwork = new AbuseDetector(options, wide);
        Assert.True(withNetwork.Classify("저 뿡뿡이 같으니").IsAbusive);
        Assert.False(withNetwork.Classify("버스가 늦었어요").IsAbusive);
        Assert.NotEqual(new AbuseDetector(options, linear).Classify("저 뿡뿡이 같으니").Score, withNetwork.Classify("저 뿡뿡이 같으니").Score, 4);

        using var stream = new MemoryStream();
        wide.Write(stream);
        stream.Position = 0;
        var copy = AbuseModel.Read(stream);
        Assert.NotNull(copy.Hidden);
        foreach (var line in new[] { "저 뿡뿡이 같으니", "버스가 늦었어요", "뿡뿡이 버스" })
        {
            Assert.Equal(withNetwork.Classify(line).Score, new AbuseDetector(options, copy).Classify(line).Score, 2);
        }
    }

    [Fact]
    public void Trains_a_stacked_model_whose_views_and_meta_model_survive_a_round_trip()
    {
        // Issue 13, session 7: one regression per feature view, a meta-model on their out-of-fold logits, model version 3.
        var examples = TinyTrainingSet();
        var stacked = AbuseStackTrainer.Train(examples, new AbuseModelTrainer.Options(Bits: 14, Epochs: 3), AbuseStackTrainer.DefaultViews, folds: 3, "test");
        Assert.NotNull(stacked.Stack);
        Assert.Equal(AbuseStackTrainer.DefaultViews.Count, stacked.Stack.Views.Length);
        Assert.Equal(AbuseStackTrainer.DefaultViews.Count - 1, stacked.Stack.Tables.Length);

        var options = new TextSafetyOptions();
        var detector = new AbuseDetector(options, stacked);
        Assert.True(detector.Classify("저 뿡뿡이 같으니").IsAbusive);
        Assert.False(detector.Classify("버스가 늦었어요").IsAbusive);

        using var stream = new MemoryStream();
        stacked.Write(stream);
        stream.Position = 0;
        var copy = AbuseModel.Read(stream);
        Assert.NotNull(copy.Stack);
        foreach (var line in new[] { "저 뿡뿡이 같으니", "버스가 늦었어요", "뿡뿡이 버스" })
        {
            Assert.Equal(detector.Classify(line).Score, new AbuseDetector(options, copy).Classify(line).Score, 2);
        }
    }

    [Fact]
    public void A_stacked_view_reads_only_its_feature_groups()
    {
        // The stems view must see the stem of an inflected word the other views never saw whole.
        var features = new List<(int Index, float Value)>();
        Span<int> ends = stackalloc int[AbuseFeatures.GroupCount];
        var text = "멍청한 소리";
        var normalized = TextNormalizer.Normalize(text);
        AbuseFeatures.Extract(text, normalized, [], (1 << 14) - 1, features, ends, stems: true);
        Assert.True(ends[AbuseFeatures.Stems] > ends[AbuseFeatures.Words], "stems were added");
        for (var g = 1; g < AbuseFeatures.GroupCount; g++)
        {
            Assert.True(ends[g] >= ends[g - 1]);
        }

        Assert.Equal(features.Count, ends[AbuseFeatures.Lexicon]);
        var plain = new List<(int Index, float Value)>();
        AbuseFeatures.Extract(text, normalized, [], (1 << 14) - 1, plain);
        Assert.True(plain.Count < features.Count, "without stems the plain model's features stay as they were");
    }

    [Theory]
    [InlineData("홍어삼합 맛집 알려 주세요")]
    [InlineData("목포 가면 홍어무침 먹을 수 있는 곳 있나요")]
    [InlineData("내 맘 충분히 알겠지")]
    [InlineData("돼지국밥 집 앞에 쓰레기가 쌓였어요")]
    [InlineData("메갈로돈 전시는 몇 층인가요")]
    [InlineData("벌레가 너무 많아서 방역 신청하려고요")]
    public void Leaves_words_that_hold_a_slur_alone(string text) => Assert.False(Detector.Classify(text).IsAbusive, text);

    [Fact]
    public void A_dish_in_the_line_does_not_excuse_the_slur_aimed_at_people() =>
        Assert.True(Detector.Classify("홍어삼합이나 처먹는 홍어 새끼들은 다 똑같아").IsAbusive);

    [Fact]
    public void Calibration_tolerance_takes_a_higher_threshold_within_the_tolerance()
    {
        var model = AbuseModelTrainer.Train(TinyTrainingSet(), new AbuseModelTrainer.Options(Bits: 14, Epochs: 3), "test");
        List<AbuseModelTrainer.Example> calibration =
        [
            new("저 뿡뿡이 같으니", true), new("뿡뿡이", true), new("버스가 늦었어요", false), new("뿡뿡이 버스", false), new("오늘 버스", false),
        ];
        var strict = AbuseModelTrainer.Calibrate(model, calibration, [], 0.01, "test");
        var tolerant = AbuseModelTrainer.Calibrate(model, calibration, [], 0.01, "test", f1Tolerance: 0.2);
        Assert.True(tolerant.Threshold >= strict.Threshold);
        Assert.True(tolerant.F1 >= strict.F1 - 0.2);
        Assert.True(tolerant.F1 <= strict.F1);
    }
}
