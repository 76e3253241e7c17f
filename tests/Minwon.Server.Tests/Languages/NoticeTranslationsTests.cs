using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Languages;

namespace Minwon.Server.Tests.Languages;

/// <summary>
/// Issue 10 session 7: a notice's translation is kept per node in an injected cache (no static shared by every app in the
/// process), reused by every chat in that language, and made again when the notice's text changes.
/// </summary>
public sealed class NoticeTranslationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_translation_is_made_once_per_language_and_again_when_the_notice_text_changes()
    {
        var translator = new CountingFakeTranslator();
        var cache = new NoticeTranslations();
        var notices = new CitizenNotices(translator, cache);
        var id = Guid.CreateVersion7();
        var notice = new ActiveNotice(id, "망원동 일대 단수: 18시 복구 예정", "11440", [], DateTimeOffset.MaxValue);

        var first = await notices.RenderAsync("en", notice, Ct);
        var again = await notices.RenderAsync("en", notice, Ct);
        Assert.Equal(first, again);
        Assert.Equal(1, translator.Calls);
        Assert.Contains("EN(망원동 일대 단수: 18시 복구 예정)", first, StringComparison.Ordinal);

        await notices.RenderAsync("vi", notice, Ct);
        Assert.Equal(2, translator.Calls);

        var edited = notice with { Text = "망원동 일대 단수: 20시 복구 예정" };
        var after = await notices.RenderAsync("en", edited, Ct);
        Assert.Equal(3, translator.Calls);
        Assert.Contains("EN(망원동 일대 단수: 20시 복구 예정)", after, StringComparison.Ordinal);
        Assert.DoesNotContain("18시", after.Split("[원문]")[0], StringComparison.Ordinal);

        // Another node (another cache) translates for itself: nothing is shared through a static.
        await new CitizenNotices(translator, new NoticeTranslations()).RenderAsync("en", notice, Ct);
        Assert.Equal(4, translator.Calls);
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        var cache = new NoticeTranslations();
        for (var i = 0; i < NoticeTranslations.Limit + 5; i++)
        {
            cache.Keep(new ActiveNotice(Guid.NewGuid(), $"공지 {i}", null, [], DateTimeOffset.MaxValue), "en", $"notice {i}");
        }

        Assert.InRange(cache.Count, 1, NoticeTranslations.Limit);
    }

    /// <summary>A fake translation service (the seam to an outside machine-translation API) that counts its calls.</summary>
    private sealed class CountingFakeTranslator : ITranslator
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public bool IsEnabled => true;

        public Task<string?> TranslateAsync(string text, string from, string to, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<string?>($"{to.ToUpperInvariant()}({text})");
        }
    }
}
