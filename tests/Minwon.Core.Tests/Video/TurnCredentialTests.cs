using Minwon.Core.Video;

namespace Minwon.Core.Tests.Video;

public sealed class TurnCredentialTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 - 3600);

    [Fact]
    public void User_name_is_expiry_then_user_and_the_password_is_the_base64_hmac_sha1_of_it()
    {
        var credential = TurnCredential.Issue("north-secret", "alice", Now, TimeSpan.FromHours(1));

        Assert.Equal("1700000000:alice", credential.UserName);
        // Computed outside .NET: echo -n "1700000000:alice" | openssl dgst -sha1 -hmac north-secret -binary | base64
        Assert.Equal("g+jb180fcj+xlpA/2mP60OdIgU0=", credential.Password);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), credential.ExpiresAt);
    }

    [Fact]
    public void A_credential_verifies_until_its_expiry_and_not_after_or_with_another_secret()
    {
        var credential = TurnCredential.Issue("north-secret", "c-1", Now, TimeSpan.FromMinutes(10));

        Assert.True(TurnCredential.Verify("north-secret", credential.UserName, credential.Password, Now.AddMinutes(9)));
        Assert.False(TurnCredential.Verify("north-secret", credential.UserName, credential.Password, Now.AddMinutes(10)));
        Assert.False(TurnCredential.Verify("south-secret", credential.UserName, credential.Password, Now));
        Assert.False(TurnCredential.Verify("north-secret", "9999999999:c-1", credential.Password, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    public void A_user_part_that_is_empty_or_has_a_colon_is_refused(string user) =>
        Assert.ThrowsAny<ArgumentException>(() => TurnCredential.Issue("north-secret", user, Now, TimeSpan.FromMinutes(1)));
}
