using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Minwon.Bench;

/// <summary>
/// `-- --smoke [--filter PATTERN]`: every BenchmarkDotNet case once (BenchmarkDotNet's Dry job: one launch, one
/// iteration), in this process so that no benchmark project is generated and built, with the suites' own job settings
/// set aside. Passes when every case ran and each suite wrote its report; the times mean nothing.
/// </summary>
public static class MicroSmoke
{
    private const string SmokeJob = "Smoke";

    public static int Run(string[] args)
    {
        var artifacts = Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "bench-smoke", "BenchmarkDotNet");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        var config = DefaultConfig.Instance
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId(SmokeJob))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        var filter = Array.IndexOf(args, "--filter") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (filter is not null)
        {
            config = config.AddFilter(new GlobFilter([filter]));
        }

        var suites = typeof(MicroSmoke).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsPublic: true } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), false)))
            .Select(t => BenchmarkConverter.TypeToBenchmarks(t, config))
            // A suite's own [Config] job (RoutingLatencyBenchmarks) would be generated and built as a project: keep only Smoke.
            .Select(r => new BenchmarkRunInfo([.. r.BenchmarksCases.Where(c => c.Job.Id == SmokeJob)], r.Type, r.Config))
            .Where(r => r.BenchmarksCases.Length > 0)
            .ToArray();
        var summaries = BenchmarkRunner.Run(suites).ToList();
        var reports = summaries.SelectMany(s => s.Reports).ToList();
        var failed = reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
        var files = summaries.Select(s => s.ResultsDirectoryPath).Distinct()
            .SelectMany(d => Directory.Exists(d) ? Directory.GetFiles(d, "*-report-github.md") : []).ToList();
        Console.WriteLine($"benchmark cases run: {reports.Count}, failed: {failed.Count}, reports written: {files.Count} in {artifacts}");
        return Smoke.Verdict(true, "BenchmarkDotNet suites",
            (reports.Count > 0, "no benchmark case ran"),
            (summaries.All(s => !s.HasCriticalValidationErrors), "validation errors: " + string.Join("; ",
                summaries.SelectMany(s => s.ValidationErrors).Where(e => e.IsCritical).Select(e => e.Message))),
            (failed.Count == 0, "cases that did not run: " + string.Join(", ", failed)),
            (files.Count == summaries.Count, $"{summaries.Count} suites ran but {files.Count} reports were written"));
    }
}
