using System.Text;
using Minwon.Core.VisualArs;

namespace Minwon.Core.Tests.VisualArs;

public sealed class ArsLinkTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("an HMAC key of thirty-two bytes!");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accepts_its_own_link_until_it_expires()
    {
        var token = ArsLinkToken.Create(Key, "call-20261128-0001", Now.AddMinutes(30));

        Assert.Equal(ArsLinkCheck.Valid, ArsLinkToken.Verify(Key, token, Now.AddMinutes(29), out var callId));
        Assert.Equal("call-20261128-0001", callId);
        Assert.Equal(ArsLinkCheck.Expired, ArsLinkToken.Verify(Key, token, Now.AddMinutes(30), out callId));
        Assert.Null(callId);
    }

    [Fact]
    public void Refuses_a_link_whose_expiry_or_call_was_changed()
    {
        var token = ArsLinkToken.Create(Key, "call-1", Now.AddMinutes(30));
        var tag = token[(token.IndexOf('.') + 1)..];
        var extended = Convert.ToBase64String(Encoding.UTF8.GetBytes($"call-1|{Now.AddDays(30).ToUnixTimeSeconds()}")).TrimEnd('=') + "." + tag;
        var otherCall = Convert.ToBase64String(Encoding.UTF8.GetBytes($"call-2|{Now.AddMinutes(30).ToUnixTimeSeconds()}")).TrimEnd('=') + "." + tag;

        Assert.Equal(ArsLinkCheck.Invalid, ArsLinkToken.Verify(Key, extended, Now, out _));
        Assert.Equal(ArsLinkCheck.Invalid, ArsLinkToken.Verify(Key, otherCall, Now, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("!!!.???")]
    [InlineData(".")]
    public void Refuses_garbage_without_throwing(string? token)
    {
        Assert.Equal(ArsLinkCheck.Invalid, ArsLinkToken.Verify(Key, token, Now, out _));
    }

    [Fact]
    public void Refuses_a_link_signed_with_another_key()
    {
        var token = ArsLinkToken.Create(Encoding.UTF8.GetBytes("someone else's key, not ours...."), "call-1", Now.AddMinutes(30));

        Assert.Equal(ArsLinkCheck.Invalid, ArsLinkToken.Verify(Key, token, Now, out _));
    }
}
