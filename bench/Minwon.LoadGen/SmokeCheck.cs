namespace Minwon.LoadGen;

/// <summary>
/// Whether a run produced its figures (issue 17). Any run fails when no conversation reached a counsellor or nothing was
/// sent; a `--smoke` run also needs every conversation accepted, 0 lost, duplicated or out of order, the echo baseline
/// and the results file. Latency is never checked: the smoke runs inside eng/test.sh on a busy machine.
/// </summary>
public static class SmokeCheck
{
    public static int Verdict(bool smoke, LoadOptions options, LoadResult result, string outPath)
    {
        var checks = new List<(bool Ok, string Failure)>();
        if (result.Minwon is { } m)
        {
            var d = m.Delivery;
            checks.Add((m.Setup.Assigned > 0, $"no conversation of {m.Setup.Conversations} reached a counsellor"));
            checks.Add((d.Sent > 0, "no message was sent"));
            if (smoke)
            {
                checks.Add((m.Setup.Assigned == options.Conversations, $"{m.Setup.Assigned} of {options.Conversations} conversations reached a counsellor"));
                checks.Add((d.Lost == 0 && d.SendErrors == 0, $"{d.Lost} lost, {d.SendErrors} send errors"));
                checks.Add((d.RawDuplicates == 0 && d.DuplicatesAfterSeqDedupe == 0, $"{d.RawDuplicates} duplicates"));
                checks.Add((d.OutOfOrder == 0 && d.SeqGaps == 0, $"{d.OutOfOrder} out of order, {d.SeqGaps} sequence gaps"));
                checks.Add((d.Delivered == d.Sent, $"{d.Delivered} of {d.Sent} messages delivered"));
            }
        }

        if (smoke && !options.SkipEcho)
        {
            checks.Add((result.Echo is { Received: > 0, Lost: 0 }, "the echo baseline did not run cleanly"));
        }

        checks.Add((File.Exists(outPath), $"no results file at {outPath}"));
        var failures = checks.Where(c => !c.Ok).Select(c => c.Failure).ToList();
        failures.ForEach(f => Console.Error.WriteLine("loadgen: " + f));
        if (failures.Count > 0)
        {
            Console.WriteLine("smoke failed: loadgen");
            return 1;
        }

        if (smoke)
        {
            Console.WriteLine("smoke passed: loadgen (figures above are from a smoke-sized run, not for docs/benchmarks.md)");
        }

        return 0;
    }
}
