using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minwon.Core.TextSafety;
using Minwon.Server.Features.TextSafety;

namespace Minwon.Server.Tests.TextSafety;

public sealed class TextSafetyCliTests
{
    private static readonly PiiMasker Masker = new();
    private static readonly AbuseDetector Detector = new();

    [Fact]
    public async Task Mask_writes_only_the_masked_line_without_json()
    {
        var (output, errors) = await Mask("연락처 010-1234-5678 입니다\n\n가로등 고장", json: false);
        Assert.Equal(["연락처 ***-****-**** 입니다", "", "가로등 고장"], Lines(output));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Mask_json_keeps_the_contract_field_names_order_and_utf16_offsets()
    {
        var (output, _) = await Mask("주민번호 900101-1234567 이고 메일 kim@naver.com", json: true);
        Assert.Equal(
            "{\"text\":\"주민번호 900101-1234567 이고 메일 kim@naver.com\",\"masked\":\"주민번호 ******-******* 이고 메일 ***@*****.***\","
            + "\"spans\":[{\"start\":5,\"end\":19,\"kind\":\"rrn\"},{\"start\":26,\"end\":39,\"kind\":\"email\"}]}",
            Assert.Single(Lines(output)));
    }

    [Fact]
    public async Task Mask_json_counts_offsets_in_utf16_units_after_an_emoji()
    {
        var (output, _) = await Mask("😀 010-1234-5678", json: true);
        Assert.Contains("\"spans\":[{\"start\":3,\"end\":16,\"kind\":\"phone\"}]", Assert.Single(Lines(output)));
    }

    [Fact]
    public async Task Mask_json_writes_an_empty_span_list_for_clean_lines()
    {
        var (output, _) = await Mask("\n", json: true);
        Assert.Equal("{\"text\":\"\",\"masked\":\"\",\"spans\":[]}", Assert.Single(Lines(output)));
    }

    [Fact]
    public async Task Abuse_writes_text_label_and_score_per_line_in_order()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        await ClassifyAbuse.RunAsync(new StringReader("씨발 진짜\n담당자 바꿔주세요\n죽여버린다"), output, errors, Detector, TestContext.Current.CancellationToken);
        var lines = Lines(output);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"text\":\"씨발 진짜\",\"label\":\"profanity\",\"score\":0.9", lines[0]);
        Assert.StartsWith("{\"text\":\"담당자 바꿔주세요\",\"label\":\"none\",\"score\":0", lines[1]);
        Assert.Contains("\"label\":\"threat\"", lines[2]);
    }

    [Fact]
    public async Task Survives_lone_surrogates_and_reports_nothing_for_good_lines()
    {
        var (output, errors) = await Mask("\uD800 010-1234-5678\n다음 줄", json: true);
        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Contains("***-****-****", lines[0]);
        Assert.Contains("다음 줄", lines[1]);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Eval_prints_the_figures_of_the_sets()
    {
        var folder = Directory.CreateTempSubdirectory("minwon-textsafety-");
        try
        {
            await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "pii-mini.jsonl"),
            [
                "{\"text\":\"전화 010-1234-5678\",\"spans\":[{\"start\":3,\"end\":16,\"kind\":\"phone\"}],\"group\":\"positive\"}",
                "{\"text\":\"2024-03-15 접수\",\"spans\":[],\"group\":\"lookalike\"}",
            ], TestContext.Current.CancellationToken);
            await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "abuse-mini.jsonl"),
            [
                "{\"text\":\"씨발\",\"label\":\"profanity\",\"group\":\"plain\"}",
                "{\"text\":\"진짜 화나네요\",\"label\":\"none\",\"group\":\"angry\"}",
            ], TestContext.Current.CancellationToken);
            var output = new StringWriter();
            var code = await EvaluateTextSafety.RunAsync([folder.FullName], showErrors: true, gate: true, output, new StringWriter(), TestContext.Current.CancellationToken);
            Assert.Equal(0, code);
            Assert.Contains("masked recall 100", output.ToString().Replace(",", ".", StringComparison.Ordinal));
            Assert.Contains("F1 1.000", output.ToString().Replace(",", ".", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AddTextSafety_registers_singletons_with_thresholds_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Minwon:TextSafety:AbuseThreshold"] = "0.99" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddTextSafety();
        using var provider = services.BuildServiceProvider();
        Assert.Equal(0.99, provider.GetRequiredService<IOptions<TextSafetyOptions>>().Value.AbuseThreshold);
        var detector = provider.GetRequiredService<AbuseDetector>();
        Assert.Same(detector, provider.GetRequiredService<AbuseDetector>());
        Assert.Same(provider.GetRequiredService<PiiMasker>(), provider.GetRequiredService<PiiMasker>());
        Assert.Equal(AbuseLabel.None, detector.Classify("바보야").Label);
    }

    private static async Task<(string Output, string Errors)> Mask(string input, bool json)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await MaskText.RunAsync(new StringReader(input), output, errors, json, Masker, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        return (output.ToString(), errors.ToString());
    }

    private static string[] Lines(StringWriter writer) => Lines(writer.ToString());

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).SkipLast(1).ToArray();
}
