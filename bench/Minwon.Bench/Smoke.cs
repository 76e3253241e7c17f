namespace Minwon.Bench;

/// <summary>
/// The `--smoke` mode every bench command takes (issue 17): a small size and a short time, run by eng/test.sh so that a
/// broken benchmark fails the test command. It checks only that the run completed and reported its figures, never speed.
/// </summary>
public static class Smoke
{
    public const string Flag = "--smoke";

    /// <summary>Exit code of a bench command: 1 when a check failed (in any mode: a run that reports nothing is broken).</summary>
    public static int Verdict(bool smoke, string bench, params (bool Ok, string Failure)[] checks)
    {
        var failures = checks.Where(c => !c.Ok).Select(c => c.Failure).ToList();
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"{bench}: {failure}");
        }

        if (failures.Count > 0)
        {
            Console.WriteLine($"smoke failed: {bench}");
            return 1;
        }

        if (smoke)
        {
            Console.WriteLine($"smoke passed: {bench} (figures above are from a smoke-sized run, not for docs/benchmarks.md)");
        }

        return 0;
    }
}
