using Minwon.Core.Channels;

namespace Minwon.Core.Tests.Channels;

public sealed class MailQuotesTests
{
    [Theory]
    [InlineData("네 감사합니다\n\nOn Sat, 5 Dec 2026 at 09:00, 서울시 120 <120@seoul.go.kr> wrote:\n> 안내드립니다", "네 감사합니다")]
    [InlineData("확인했습니다.\n\n2026년 12월 5일 (토) 오전 9:00, 서울시 120 <120@seoul.go.kr>님이 작성:\n> 안내", "확인했습니다.")]
    [InlineData("답장입니다\n-----Original Message-----\nFrom: 120\nSent: today\n본문", "답장입니다")]
    [InlineData("답장입니다\n\n-----원본 메시지-----\n보낸 사람: 120", "답장입니다")]
    [InlineData("답장입니다\n\n보낸 사람: 서울시 120\n받는 사람: 홍길동\n제목: 안내", "답장입니다")]
    [InlineData("첫 줄\n둘째 줄\n\n> 인용\n> 인용", "첫 줄\n둘째 줄")]
    [InlineData("인용 없는 메일", "인용 없는 메일")]
    [InlineData("> 전부 인용", "> 전부 인용")]
    public void Keeps_what_the_citizen_wrote_this_time(string mail, string kept) => Assert.Equal(kept, MailQuotes.TrimQuoted(mail));
}

public sealed class AutoReplyTests
{
    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public void Recognises_auto_replies_and_bounces()
    {
        Assert.True(AutoReply.IsAutomatic(Headers(("Auto-Submitted", "auto-replied")), "text/plain", "a@b.kr"));
        Assert.True(AutoReply.IsAutomatic(Headers(("X-Autoreply", "yes")), "text/plain", "a@b.kr"));
        Assert.True(AutoReply.IsAutomatic(Headers(("Precedence", "bulk")), "text/plain", "a@b.kr"));
        Assert.True(AutoReply.IsAutomatic(Headers(), "multipart/report", "a@b.kr"));
        Assert.True(AutoReply.IsAutomatic(Headers(), "text/plain", "MAILER-DAEMON@mx.b.kr"));
        Assert.True(AutoReply.IsAutomatic(Headers(("Return-Path", "<>")), "text/plain", "a@b.kr"));
    }

    [Fact]
    public void A_person_s_mail_is_not_automatic()
    {
        Assert.False(AutoReply.IsAutomatic(Headers(("Auto-Submitted", "no")), "text/plain", "citizen@naver.com"));
        Assert.False(AutoReply.IsAutomatic(Headers(), "multipart/mixed", "citizen@naver.com"));
    }
}
