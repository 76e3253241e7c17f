using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Tests.VisualArs;

public sealed class PhotoUploadTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private static KeyValuePair<string, string>[] Report(string place) =>
        [new("place", place), new("plate", "12가3456"), new("details", "소화전 앞 주차"), new("phone", "010-3333-2222")];

    private async Task<HttpResponseMessage> ReportAsync(ArsBrowser browser, string place, string fileName, byte[] bytes)
    {
        var (_, token) = await browser.GetPageAsync("/ars/n/parking-report");
        return await browser.PostFormAsync("/ars/n/parking-report", token, Report(place), ("photo", fileName, bytes));
    }

    [Fact]
    public async Task Refuses_a_file_that_is_not_a_photo_whatever_its_name()
    {
        using var browser = ArsBrowser.Open(factory);

        var response = await ReportAsync(browser, "종로구 세종대로 1", "photo.jpg", "<script>alert(1)</script>"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("JPEG, PNG, HEIC, WebP 사진만 올릴 수 있습니다", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Refuses_a_photo_over_ten_megabytes()
    {
        using var browser = ArsBrowser.Open(factory);
        var big = new byte[(10 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        var response = await ReportAsync(browser, "종로구 세종대로 2", "big.png", big);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("10MB 이하만", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stores_a_photo_under_a_server_made_name_and_gives_it_only_to_staff_as_an_attachment()
    {
        using var browser = ArsBrowser.Open(factory);
        var response = await ReportAsync(browser, "종로구 세종대로 175 앞", "../../evil name.png", Png);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Guid uploadId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            var submission = await db.Set<ArsSubmission>().SingleAsync(s => s.DataJson.Contains("종로구 세종대로 175 앞"), TestContext.Current.CancellationToken);
            uploadId = Guid.Parse(JsonSerializer.Deserialize<Dictionary<string, string>>(submission.DataJson)!["photo"]);
            var upload = await db.Set<ArsUpload>().SingleAsync(u => u.Id == uploadId, TestContext.Current.CancellationToken);
            Assert.Matches("^[0-9a-f]{32}\\.png$", upload.StoredName);
            Assert.True(File.Exists(Path.Combine(factory.DataDir, "uploads", upload.StoredName)));
        }

        var anonymous = await browser.Http.GetAsync($"/api/ars/uploads/{uploadId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var staff = ArsBrowser.Open(factory);
        await staff.SignInAsync(factory, StaffRoles.Counsellor);
        var download = await staff.Http.GetAsync($"/api/ars/uploads/{uploadId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
