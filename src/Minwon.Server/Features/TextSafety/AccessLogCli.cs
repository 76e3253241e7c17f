using System.CommandLine;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.TextSafety;

/// <summary>`minwon accesslog verify`: checks the hash chain of the personal-data access log; exit 1 when broken.</summary>
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
        return accessLog;
    }
}
