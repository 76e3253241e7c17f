using System.CommandLine;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.TextSafety;

/// <summary>
/// `minwon accesslog verify`: checks the hash chain of the personal-data access log; exit 1 when broken.
/// `minwon accesslog reseal --reason R`: rewrites entries still in the first release's hash form (see docs/text-safety.md).
/// </summary>
public static class AccessLogCli
{
    public static Command Create()
    {
        var accessLog = new Command("accesslog", "Personal-data access log (개인정보 접속기록).");
        var verify = new Command("verify", "Verify the access log's hash chain.");
        verify.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccessLog>().VerifyAsync(ct);
            await (result.Intact ? Console.Out : Console.Error).WriteLineAsync(result.Message);
            return result.Intact ? 0 : 1;
        });
        accessLog.Subcommands.Add(verify);

        var reseal = new Command("reseal",
            "Rewrite entries hashed in the first release's form (100 ns ticks) in the canonical form, after checking each one; "
            + "refuses when any entry was altered. Appends an entry recording the reseal.");
        var reason = new Option<string>("--reason") { Description = "why, kept in the reseal's own entry", Required = true };
        reseal.Options.Add(reason);
        reseal.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var actor = "cli:" + Environment.UserName;
            var why = parse.GetValue(reason)!.Trim();
            var result = await scope.ServiceProvider.GetRequiredService<AccessLog>().ResealAsync(
                new AccessRecord(actor[..Math.Min(actor.Length, 64)], "admin", null, "accesslog", "reseal", why[..Math.Min(why.Length, 200)]), ct);
            if (!result.Done)
            {
                await Console.Error.WriteLineAsync($"Not resealed: {result.Verification.Message}");
                return 1;
            }

            await Console.Out.WriteLineAsync($"Resealed: {result.Rewritten} entries rewritten. {result.Verification.Message}");
            return result.Verification.Intact ? 0 : 1;
        });
        accessLog.Subcommands.Add(reseal);
        return accessLog;
    }
}
