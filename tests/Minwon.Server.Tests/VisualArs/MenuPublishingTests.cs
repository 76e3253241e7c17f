using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minwon.Core.VisualArs;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Tests.VisualArs;

public sealed class MenuPublishingTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    private static StringContent Json(ArsMenu menu) => new(ArsJson.Serialize(menu), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Refuses_to_publish_a_menu_with_a_cycle_or_a_dangling_link_and_lists_every_problem()
    {
        using var admin = ArsBrowser.Open(factory);
        await admin.SignInAsync(factory, StaffRoles.Admin);
        var menu = ArsJson.Deserialize(await admin.Http.GetStringAsync("/api/ars/menu/draft", TestContext.Current.CancellationToken));
        menu.Find("transport")!.Children.Add("root");
        menu.Find("water")!.Children.Add("ghost-node");

        var saved = await admin.Http.PutAsync("/api/ars/menu/draft", Json(menu), TestContext.Current.CancellationToken);
        var published = await admin.Http.PostAsync("/api/ars/menu/publish", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, published.StatusCode);
        var problem = await published.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("순환"));
        Assert.Contains(problems, p => p.Contains("'ghost-node'가 존재하지 않습니다"));
        var live = ArsJson.Deserialize(await admin.Http.GetStringAsync("/api/ars/menu", TestContext.Current.CancellationToken));
        Assert.DoesNotContain("root", live.Find("transport")!.Children);
    }

    [Fact]
    public async Task Publishes_an_imported_menu_without_a_deploy()
    {
        using var admin = ArsBrowser.Open(factory);
        await admin.SignInAsync(factory, StaffRoles.Admin);
        var menu = DefaultArsMenu.Create();
        menu.Find("living")!.LabelKo = "생활·환경";

        var imported = await admin.Http.PostAsync("/api/ars/menu/import?publish=true", Json(menu), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var page = await admin.Http.GetStringAsync("/ars", TestContext.Current.CancellationToken);
        Assert.Contains("생활·환경", page);
    }

    [Fact]
    public async Task Keeps_menu_editing_to_administrators()
    {
        using var counsellor = ArsBrowser.Open(factory);
        await counsellor.SignInAsync(factory, StaffRoles.Counsellor);
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.Http.PostAsync("/api/ars/menu/publish", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync("/api/ars/menu/draft", Json(DefaultArsMenu.Create()), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Refuses_an_import_that_is_not_a_menu_with_a_readable_message()
    {
        using var admin = ArsBrowser.Open(factory);
        await admin.SignInAsync(factory, StaffRoles.Admin);

        var response = await admin.Http.PostAsync("/api/ars/menu/import",
            new StringContent("{\"nodes\": [{\"kind\": \"teleport\"}]}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("메뉴 JSON을 읽을 수 없습니다", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
