using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minwon.Server.Features.Analytics.Dashboard;

namespace Minwon.Server.Tests.Analytics;

public sealed class ChartRenderingTests
{
    [Fact]
    public async Task The_map_draws_all_25_districts_with_titles_and_a_legend()
    {
        await using var app = new AnalyticsAppFactory();
        var html = await RenderAsync<DistrictChoropleth>(app, new Dictionary<string, object?>
        {
            ["Title"] = "자치구별 접수량",
            ["Counts"] = new Dictionary<string, long> { ["강남구"] = 120, ["종로구"] = 30 },
        });

        Assert.Equal(25, CountOf(html, "<path "));
        Assert.Contains("<title>강남구: 120건</title>", html);
        Assert.Contains("<title>도봉구: 0건</title>", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("#08519c", html);
        Assert.Equal(5 + 25, CountOf(html, "<rect ") + CountOf(html, "<path "));
    }

    [Fact]
    public async Task With_sparse_data_the_map_legend_has_no_negative_or_reversed_ranges()
    {
        await using var app = new AnalyticsAppFactory();
        var html = await RenderAsync<DistrictChoropleth>(app, new Dictionary<string, object?>
        {
            ["Title"] = "자치구별 접수량",
            ["Counts"] = new Dictionary<string, long> { ["종로구"] = 1 },
        });

        Assert.DoesNotContain("–-", html);
        Assert.DoesNotContain("1–0", html);
        Assert.Equal(2 + 25, CountOf(html, "<rect ") + CountOf(html, "<path "));
        Assert.Matches("<path [^>]*fill=\"#08519c\"[^>]*data-district=\"종로구\"", html);
    }

    [Fact]
    public async Task District_names_are_white_on_dark_shades_and_dark_on_light_ones()
    {
        await using var app = new AnalyticsAppFactory();
        var html = await RenderAsync<DistrictChoropleth>(app, new Dictionary<string, object?>
        {
            ["Title"] = "자치구별 접수량",
            ["Counts"] = new Dictionary<string, long> { ["강남구"] = 120, ["종로구"] = 30 },
        });

        Assert.Matches("<text [^>]*fill=\"#fff\"[^>]*>강남구</text>", html);
        Assert.Matches("<text [^>]*fill=\"#1b1f24\"[^>]*>종로구</text>", html);
        Assert.Matches("<text [^>]*fill=\"#1b1f24\"[^>]*>도봉구</text>", html);
        Assert.DoesNotContain("font-size=\"10\" pointer-events", html);
    }

    [Fact]
    public async Task A_day_with_no_traffic_is_drawn_as_zero()
    {
        await using var app = new AnalyticsAppFactory();
        var html = await RenderAsync<ColumnChart>(app, new Dictionary<string, object?>
        {
            ["Title"] = "일자별 접수량",
            ["Items"] = new List<(string, double)> { ("03-02", 10), ("03-03", 0), ("03-04", 5) },
        });

        Assert.Contains("<title>03-03: 0</title>", html);
        Assert.Equal(3, CountOf(html, "<rect "));
        Assert.DoesNotContain("NaN", html);
    }

    [Fact]
    public async Task An_empty_map_and_empty_bars_render_without_errors()
    {
        await using var app = new AnalyticsAppFactory();
        var map = await RenderAsync<DistrictChoropleth>(app, new Dictionary<string, object?> { ["Title"] = "지도", ["Counts"] = new Dictionary<string, long>() });
        var bars = await RenderAsync<BarChart>(app, new Dictionary<string, object?> { ["Title"] = "막대", ["Items"] = new List<(string, double)>() });
        Assert.Equal(25, CountOf(map, "<path "));
        Assert.DoesNotContain("NaN", map + bars);
    }

    [Fact]
    public async Task The_analytics_page_renders_the_dashboard_in_korean_with_zeros_for_an_empty_centre()
    {
        await using var app = new AnalyticsAppFactory();
        var html = await RenderAsync<AnalyticsDashboard>(app, []);
        Assert.Contains("민원 빅데이터", html);
        Assert.Contains("자치구별 접수량", html);
        Assert.Contains("시간대별 접수량", html);
        Assert.Contains("1차 해결률", html);
        Assert.Contains("id=\"kpi-contacts\">0<", html);
        Assert.Equal(25, CountOf(html, "<path "));
        Assert.DoesNotContain("NaN", html);
    }

    internal static async Task<string> RenderAsync<T>(AnalyticsAppFactory app, Dictionary<string, object?> parameters) where T : IComponent
    {
        await using var renderer = new HtmlRenderer(app.Services, app.Services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            System.Net.WebUtility.HtmlDecode((await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString()));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
