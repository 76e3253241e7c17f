using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>The app (on SQLite) with its SMS gateway pointed at a fake gateway server, the bot on and a few articles to answer from.</summary>
public class SmsChannelApp : IAsyncLifetime
{
    public const string InboundKey = "test-inbound-key";

    public FakeSmsGatewayServer Gateway { get; private set; } = null!;

    private MinwonApp? app;

    /// <summary>The app; a test on PostgreSQL is skipped when MINWON_TEST_POSTGRES is unset.</summary>
    public MinwonApp App
    {
        get
        {
            if (Database == Db.Postgres)
            {
                TestPostgres.SkipUnlessAvailable();
            }

            return app ?? throw new InvalidOperationException("The app did not start.");
        }
    }

    protected virtual Db Database => Db.Sqlite;

    public const string Articles = """
        {"id":"fine-pay","title":"주정차 위반 과태료 납부 방법","body":"주정차 위반 과태료는 위택스, 가상계좌, 은행 ATM, 편의점에서 납부할 수 있습니다. 고지서가 없으면 차량번호로 조회합니다.","category":"교통","keywords":["과태료","주차딱지"],"questions":["주차 과태료 어디서 내요"]}
        {"id":"water-outage","title":"단수 및 수돗물 문의","body":"단수 여부는 아리수 누리집에서 확인할 수 있습니다. 갑자기 물이 나오지 않으면 120 또는 관할 수도사업소로 신고해 주세요.","category":"상하수도","keywords":["단수","물이 안나와요"],"questions":["갑자기 물이 안나와요"]}
        """;

    public async ValueTask InitializeAsync()
    {
        Gateway = await FakeSmsGatewayServer.StartAsync();
        if (Database == Db.Postgres && TestPostgres.AdminConnectionString is null)
        {
            return;
        }

        app = await MinwonApp.StartAsync(Database, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "true",
            ["Minwon:Channels:Sms:ApiKey"] = InboundKey,
            ["Minwon:Channels:Sms:OutboundUrl"] = Gateway.OutboundUrl,
            ["Minwon:Channels:Sms:OutboundApiKey"] = FakeSmsGatewayServer.OutboundKey,
            ["Minwon:Channels:Sms:MaxMediaBytes"] = "50000",
            ["Minwon:Channels:PollMilliseconds"] = "50",
        });
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(Articles), TestContext.Current.CancellationToken);
        Assert.Empty(report.Problems);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app on a PostgreSQL database of its own.</summary>
public sealed class SmsChannelPostgresApp : SmsChannelApp
{
    protected override Db Database => Db.Postgres;
}
