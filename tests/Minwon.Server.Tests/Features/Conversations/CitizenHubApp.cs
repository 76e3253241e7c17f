using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>One app for the hub tests, with a small flood burst (5 a conversation, 8 an address) and one embedding site allowed.</summary>
public sealed class CitizenHubApp : IAsyncLifetime
{
    public const string EmbeddingSite = "https://www.seoul.go.kr";

    public MinwonApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
    {
        ["Minwon:Chat:CitizenBurst"] = "5",
        ["Minwon:Chat:CitizenMessagesPerMinute"] = "6",
        ["Minwon:Chat:CitizenAddressBurst"] = "8",
        ["Minwon:Chat:CitizenAddressMessagesPerMinute"] = "8",
        ["Minwon:Chat:AllowedOrigins:0"] = EmbeddingSite,
    });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
