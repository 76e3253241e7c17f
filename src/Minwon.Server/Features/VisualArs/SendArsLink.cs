using Microsoft.Extensions.Options;
using Minwon.Core.Korean;
using Minwon.Core.VisualArs;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

public sealed record SendArsLinkRequest(string? CallId, string? PhoneNumber, string? Language);

public sealed record SendArsLinkResponse(string Url, DateTimeOffset ExpiresAt);

/// <summary>The telephony side asks Minwon to text a caller the visual ARS link for their call.</summary>
public sealed partial class SendArsLink(ArsLinkKeys keys, ISmsGateway sms, IOptions<ArsOptions> options, TimeProvider clock,
    ILogger<SendArsLink> logger)
{
    public async Task<SendArsLinkResponse> HandleAsync(SendArsLinkRequest request, string requestBaseUrl, CancellationToken cancellationToken)
    {
        if (request.CallId is not { Length: > 0 and <= 64 } callId || !callId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            throw ProblemException.Invalid("callId는 64자 이하의 영문, 숫자, -_.: 로 이루어져야 합니다.");
        }

        if (!KoreanPhone.TryNormalize(request.PhoneNumber ?? "", out var phone) || !phone.StartsWith("01", StringComparison.Ordinal))
        {
            throw ProblemException.Invalid("문자를 받을 휴대전화 번호가 올바르지 않습니다.");
        }

        var expires = clock.GetUtcNow().AddMinutes(Math.Max(1, options.Value.LinkLifetimeMinutes));
        var token = ArsLinkToken.Create(await keys.GetAsync(cancellationToken), callId, expires);
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBaseUrl : options.Value.PublicBaseUrl;
        var language = ArsText.LanguageFor(request.Language);
        var url = $"{baseUrl.TrimEnd('/')}/ars/l/{token}" + (language == "ko" ? "" : "?lang=" + language);
        var text = ArsText.T("sms", language, ("url", url));
        try
        {
            await sms.SendAsync(phone, text, cancellationToken);
        }
        catch (SmsDeliveryException)
        {
            throw new ProblemException(StatusCodes.Status502BadGateway, "문자를 보내지 못했습니다.", "문자 발송 업체가 요청을 받지 않았습니다.");
        }

        LogSent(logger, callId);
        return new SendArsLinkResponse(url, expires);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Visual ARS link texted for call {CallId}.")]
    private static partial void LogSent(ILogger logger, string callId);
}
