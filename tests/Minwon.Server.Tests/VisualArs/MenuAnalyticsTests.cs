using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Tests.VisualArs;

public sealed class MenuAnalyticsTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    [Fact]
    public async Task Counts_the_pages_citizens_open_the_forms_they_file_and_where_they_leave()
    {
        using (var filer = ArsBrowser.Open(factory))
        {
            await filer.GetPageAsync("/ars");
            await filer.GetPageAsync("/ars/n/living");
            var (_, token) = await filer.GetPageAsync("/ars/n/bulky-waste");
            await filer.PostFormAsync("/ars/n/bulky-waste", token, SelfServiceFormTests.BulkyWaste("010-1212-3434"));
        }

        using (var leaver = ArsBrowser.Open(factory))
        {
            await leaver.GetPageAsync("/ars");
            await leaver.GetPageAsync("/ars/n/living");
            await leaver.GetPageAsync("/ars/n/bulky-waste");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var report = await scope.ServiceProvider.GetRequiredService<ArsAnalyticsQuery>()
            .HandleAsync(clock.GetUtcNow().AddHours(-1), clock.GetUtcNow().AddMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Sessions);
        Assert.Equal(0.5, report.SelfServiceCompletionRate);
        Assert.Equal(0, report.HandoffRate);
        var waste = report.Nodes.Single(n => n.NodeId == "bulky-waste");
        Assert.Equal((2, 1, 1), (waste.Visits, waste.Exits, waste.Completions));
        Assert.Equal(2, report.Nodes.Single(n => n.NodeId == "root").Visits);
    }
}
