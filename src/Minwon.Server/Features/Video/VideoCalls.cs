namespace Minwon.Server.Features.Video;

/// <summary>Names sign-language video shares with routing and seeding (docs/video.md).</summary>
public static class VideoCalls
{
    public const string QueueName = "수어 상담";

    public const string ChannelSkill = "channel:video";

    /// <summary>Korean Sign Language (한국수어) and the video channel; demo counsellor signer1 has both.</summary>
    public const string RequiredSkills = "sign:ksl," + ChannelSkill;
}
