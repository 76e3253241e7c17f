using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Features.Routing;

/// <summary>Default queues and canned responses for a new center; only added when none exist, so admins' edits stay.</summary>
public sealed class SeedDefaultQueues(MinwonDbContext db)
{
    public const string GeneralQueue = "일반 상담";
    public const string ProtectionQueue = "보호 대응팀";
    public const string PhoneQueue = "전화 상담";
    public const string EnglishPhoneQueue = "English (전화)";
    public const string VideoQueue = Video.VideoCalls.QueueName;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.Set<ServiceQueue>().AnyAsync(cancellationToken))
        {
            var broad = new ServiceQueue { Name = "전체 채팅", RequiredSkills = "channel:chat", Priority = 0, ServiceLevelSeconds = 60 };
            db.Add(broad);
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(
                new ServiceQueue
                {
                    Name = GeneralQueue, RequiredSkills = "lang:ko,channel:chat", Priority = 1, ServiceLevelSeconds = 20,
                    IsDefault = true, OverflowAfterSeconds = 180, OverflowQueueId = broad.Id,
                },
                new ServiceQueue { Name = "English", RequiredSkills = "lang:en,channel:chat", Priority = 1, ServiceLevelSeconds = 30 },
                new ServiceQueue { Name = ProtectionQueue, RequiredSkills = "team:protection,channel:chat", Priority = 2, ServiceLevelSeconds = 30 });
        }

        // Calls wait in a queue of their own (added to centers created before voice existed too).
        if (!await db.Set<ServiceQueue>().AnyAsync(q => q.RequiredSkills.Contains("channel:phone"), cancellationToken)
            && !await db.Set<ServiceQueue>().AnyAsync(q => q.Name == PhoneQueue, cancellationToken))
        {
            db.Add(new ServiceQueue { Name = PhoneQueue, RequiredSkills = "lang:ko,channel:phone", Priority = 2, ServiceLevelSeconds = 20 });
        }

        // Sign-language video (수어 상담) likewise; a queue that already asks for channel:video is the admin's choice.
        if (!await db.Set<ServiceQueue>().AnyAsync(q => q.RequiredSkills.Contains(Video.VideoCalls.ChannelSkill), cancellationToken)
            && !await db.Set<ServiceQueue>().AnyAsync(q => q.Name == VideoQueue, cancellationToken))
        {
            db.Add(new ServiceQueue { Name = VideoQueue, RequiredSkills = Video.VideoCalls.RequiredSkills, Priority = 2, ServiceLevelSeconds = 30 });
        }

        await SeedLanguageQueuesAsync(cancellationToken);

        if (!await db.Set<CannedResponse>().AnyAsync(cancellationToken))
        {
            db.AddRange(
                new CannedResponse { Title = "첫인사", Shortcut = "/인사", Body = "안녕하세요, 서울시 다산콜재단 상담사 {상담사}입니다. 무엇을 도와드릴까요?" },
                new CannedResponse { Title = "확인 중", Shortcut = "/확인", Body = "확인해 드리겠습니다. 잠시만 기다려 주세요." },
                new CannedResponse { Title = "구청 이관 안내", Shortcut = "/이관", Body = "해당 민원은 관할 구청 담당 부서로 전달하여 처리해 드리겠습니다. 접수번호는 {접수번호}입니다." },
                new CannedResponse { Title = "끝인사", Shortcut = "/끝", Body = "더 궁금하신 점은 없으신가요? 이용해 주셔서 감사합니다. 상담사 {상담사}였습니다." });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Foreign-language chat queues (issue 16), added to centers created before them too unless a queue asks for the language already.</summary>
    private async Task SeedLanguageQueuesAsync(CancellationToken cancellationToken)
    {
        // English calls from the callbot (its English lines, web calls from an English page) wait here for an English speaker.
        if (!await db.Set<ServiceQueue>().AnyAsync(q => q.Name == EnglishPhoneQueue
                || q.RequiredSkills.Contains("lang:en") && q.RequiredSkills.Contains("channel:phone"), cancellationToken))
        {
            db.Add(new ServiceQueue { Name = EnglishPhoneQueue, RequiredSkills = "lang:en,channel:phone", Priority = 2, ServiceLevelSeconds = 20 });
        }

        (string Language, string Name)[] languages = [("zh", "中文 (중국어)"), ("ja", "日本語 (일본어)"), ("vi", "Tiếng Việt (베트남어)")];
        foreach (var (language, name) in languages)
        {
            var skill = Languages.CitizenLanguages.Skill(language);
            if (!await db.Set<ServiceQueue>().AnyAsync(q => q.RequiredSkills.Contains(skill) || q.Name == name, cancellationToken))
            {
                db.Add(new ServiceQueue { Name = name, RequiredSkills = skill + ",channel:chat", Priority = 1, ServiceLevelSeconds = 30 });
            }
        }
    }
}
