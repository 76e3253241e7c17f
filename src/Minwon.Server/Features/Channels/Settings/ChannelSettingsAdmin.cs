using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Settings;

/// <param name="Value">The value in force; always null for a secret (see <see cref="IsSet"/>).</param>
/// <param name="Source">screen (changed on the settings screen), config (the configuration file or environment) or default.</param>
public sealed record ChannelSettingValueDto(string Key, string Label, string Kind, string Help, IReadOnlyList<string>? Choices, string? Value,
    bool IsSet, string Source, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <param name="Health">Healthy or Degraded, as /health/ready reports the adapter.</param>
public sealed record ChannelSettingsDto(string Channel, string Label, bool Enabled, string Health, string HealthDescription,
    List<ChannelSettingValueDto> Settings);

/// <param name="Values">Settings to set, by key (e.g. "Sms:OutboundUrl"); a secret is replaced by the value given.</param>
/// <param name="Clear">Settings to take back to the configuration's value.</param>
public sealed record UpdateChannelSettingsRequest(Dictionary<string, string?>? Values, List<string>? Clear);

/// <param name="To">A phone number (SMS), an address (e-mail) or the messenger's user id.</param>
public sealed record ChannelTestSendRequest(string? To, string? Text);

public sealed record ChannelTestSendResult(bool Ok, string Channel, string MessageId, string Detail);

/// <summary>
/// The administrators' channel settings: what each adapter runs with (secrets only as set or not), its state and health,
/// changes (audited in the access log before they are stored) and a test send through the adapter.
/// </summary>
public sealed class ChannelSettingsAdmin(MinwonDbContext db, IOptionsMonitor<ChannelOptions> options, IConfiguration configuration,
    ChannelSettingsOverrides overrides, IDataProtectionProvider protection, AccessLog log, ChannelRegistry adapters,
    IServiceScopeFactory scopes, Platform.Events.EventLog events, TimeProvider clock, ILogger<ChannelSettingsAdmin> logger)
{
    public const int MaxValueLength = 1000;
    public const int MaxTestText = 500;

    public async Task<List<ChannelSettingsDto>> ReadAsync(CancellationToken ct)
    {
        var list = new List<ChannelSettingsDto>();
        foreach (var channel in ChannelSettingFields.Channels)
        {
            list.Add(await ReadAsync(channel, ct));
        }

        return list;
    }

    public async Task<ChannelSettingsDto> ReadAsync(string channel, CancellationToken ct)
    {
        channel = Known(channel);
        var current = options.CurrentValue;
        var rows = await db.Set<ChannelSetting>().AsNoTracking().ToDictionaryAsync(r => r.Key, StringComparer.OrdinalIgnoreCase, ct);
        var settings = ChannelSettingFields.All.Where(f => f.Channel == channel).Select(f =>
        {
            var value = Read(current, f.Key);
            var row = rows.GetValueOrDefault(f.Key);
            var source = row is not null && overrides.Values.ContainsKey(f.Key) ? "screen"
                : configuration[$"{ChannelOptions.Section}:{f.Key}"] is not null ? "config" : "default";
            var secret = f.Kind == SettingKind.Secret;
            return new ChannelSettingValueDto(f.Key, f.Label, f.Kind.ToString().ToLowerInvariant(), f.Help, f.Choices, secret ? null : value,
                !string.IsNullOrEmpty(value), source, row?.UpdatedBy, row?.UpdatedAt);
        }).ToList();
        var health = await new ChannelAdapterHealthCheck(channel, scopes).CheckHealthAsync(new HealthCheckContext(), ct);
        return new ChannelSettingsDto(channel, Contacts.ChannelBadges.Label(channel), ChannelAdapterHealthCheck.IsConfigured(channel, current),
            health.Status.ToString(), health.Description ?? "", settings);
    }

    public async Task<ChannelSettingsDto> UpdateAsync(string channel, UpdateChannelSettingsRequest request, ClaimsPrincipal user, string? address,
        CancellationToken ct)
    {
        channel = Known(channel);
        var values = request.Values ?? [];
        var clear = request.Clear ?? [];
        if (values.Count == 0 && clear.Count == 0)
        {
            throw ProblemException.Invalid("바꿀 설정이 없습니다 (values 또는 clear).");
        }

        var changes = new List<(ChannelSettingField Field, string Value)>();
        foreach (var (key, raw) in values)
        {
            var field = FieldOf(channel, key);
            if (clear.Any(c => string.Equals(c, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw ProblemException.Invalid($"{field.Key}: 바꾸기와 되돌리기를 함께 할 수 없습니다.");
            }

            changes.Add((field, Validate(field, raw)));
        }

        var cleared = clear.Select(k => FieldOf(channel, k)).DistinctBy(f => f.Key).ToList();

        // The record first: a change that is not in the access log is not made.
        var summary = string.Join(", ", changes.Select(c => c.Field.Kind == SettingKind.Secret ? c.Field.Key + "(비밀값 교체)" : c.Field.Key)
            .Concat(cleared.Select(f => f.Key + "(설정 파일 값으로)")));
        await log.AppendAsync(new AccessRecord(user.Id(), RoleOf(user), address, $"channel-settings:{channel}", "change", Clip(summary)), ct);

        db.ChangeTracker.Clear();
        var protector = protection.CreateProtector(ChannelSettingsOverrides.ProtectorPurpose);
        var now = clock.GetUtcNow();
        var keys = changes.Select(c => c.Field.Key).Concat(cleared.Select(f => f.Key)).ToList();
        var rows = await db.Set<ChannelSetting>().Where(r => keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, ct);
        foreach (var (field, value) in changes)
        {
            var secret = field.Kind == SettingKind.Secret;
            var stored = secret ? protector.Protect(value) : value;
            if (rows.TryGetValue(field.Key, out var row))
            {
                row.Value = stored;
                row.Secret = secret;
                row.UpdatedBy = user.Id();
                row.UpdatedAt = now;
            }
            else
            {
                db.Add(new ChannelSetting { Key = field.Key, Value = stored, Secret = secret, UpdatedBy = user.Id(), UpdatedAt = now });
            }
        }

        foreach (var field in cleared)
        {
            if (rows.TryGetValue(field.Key, out var row))
            {
                db.Remove(row);
            }
        }

        // Recorded with the change: its commit wakes the settings loader on every node (EventSignal, over Redis between nodes).
        events.Append(new Events.ChannelSettingsChanged(channel, changes.Count + cleared.Count), null, now);
        await db.SaveChangesAsync(ct);
        await ChannelSettingsOverrides.ReloadAsync(db, protection, overrides, logger, ct);
        ChannelSettingsLog.Changed(logger, channel, user.Id(), changes.Count + cleared.Count);
        return await ReadAsync(channel, ct);
    }

    /// <summary>Sends one message through the adapter, now (not through the outbox), and says what the provider answered.</summary>
    public async Task<ChannelTestSendResult> TestSendAsync(string channel, ChannelTestSendRequest request, ClaimsPrincipal user, string? address,
        CancellationToken ct)
    {
        channel = Known(channel);
        var adapter = adapters.Find(channel) ?? throw ProblemException.NotFound($"{channel} 채널의 어댑터가 없습니다.");
        var to = ValidateRecipient(channel, request.To);
        var text = string.IsNullOrWhiteSpace(request.Text)
            ? $"[서울시 120] 채널 설정 시험 발송입니다 ({clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)})."
            : request.Text.Trim();
        if (text.Length > MaxTestText || text.Any(char.IsControl))
        {
            throw ProblemException.Invalid($"text: {MaxTestText}자 이하의 한 줄 글이어야 합니다.");
        }

        if (adapter.CheckReply(text) is { } tooLong)
        {
            throw ProblemException.Invalid("text: " + tooLong);
        }

        var o = options.CurrentValue;
        var from = channel switch
        {
            Conversations.Channels.Sms => o.Sms.From,
            Conversations.Channels.Email => o.Email.Address,
            Conversations.Channels.TalkTalk => o.TalkTalk.PartnerId,
            Conversations.Channels.Kakao => o.Kakao.SenderKey,
            _ => o.X.AccountId,
        };
        if (channel is Conversations.Channels.Sms or Conversations.Channels.Kakao && string.IsNullOrWhiteSpace(from))
        {
            throw ProblemException.Invalid(channel == Conversations.Channels.Sms
                ? "발신번호(Sms:From)를 먼저 설정하세요." : "발신 프로필 키(Kakao:SenderKey)를 먼저 설정하세요.");
        }

        var id = channel == Conversations.Channels.Email ? adapter.NewExternalId(Guid.NewGuid(), 0) : $"mw-test-{Guid.NewGuid():N}";
        string detail;
        bool ok;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await adapter.SendAsync(new OutboundDelivery(id, to, from, text, adapter.KindOf(text), "Minwon 채널 시험 발송"), timeout.Token);
            (ok, detail) = (true, "업체가 메시지를 받았습니다.");
        }
        catch (ChannelSendException e)
        {
            (ok, detail) = (false, (e.Transient ? "일시적 실패: " : "거절됨: ") + e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            (ok, detail) = (false, "일시적 실패: 60초 안에 끝나지 않았습니다.");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            (ok, detail) = (false, "보낼 수 없습니다: " + e.Message);
        }

        await log.AppendAsync(new AccessRecord(user.Id(), RoleOf(user), address, $"channel-settings:{channel}", "test-send",
            Clip($"{Mask(to)}: {(ok ? "ok" : detail)}")), ct);
        ChannelSettingsLog.TestSent(logger, channel, user.Id(), ok ? "sent" : "failed");
        return new ChannelTestSendResult(ok, channel, id, detail);
    }

    private static string Known(string channel) =>
        ChannelSettingFields.Channels.FirstOrDefault(c => string.Equals(c, channel, StringComparison.OrdinalIgnoreCase))
        ?? throw ProblemException.NotFound($"채널 '{channel}'이(가) 없습니다 (sms, email, talktalk, kakao, x).");

    private static ChannelSettingField FieldOf(string channel, string key) =>
        ChannelSettingFields.Find(key) is { } f && f.Channel == channel ? f
            : throw ProblemException.Invalid($"{key}: {channel} 채널에 없는 설정입니다.");

    public static string Validate(ChannelSettingField field, string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length > MaxValueLength || value.Any(char.IsControl))
        {
            throw ProblemException.Invalid($"{field.Key}: {MaxValueLength}자 이하의 한 줄 값이어야 합니다.");
        }

        switch (field.Kind)
        {
            case SettingKind.Secret when value.Length == 0:
                throw ProblemException.Invalid($"{field.Key}: 비밀값을 비우려면 clear에 넣으세요 (설정 파일 값으로 돌아갑니다).");
            case SettingKind.Url when value.Length > 0 && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"):
                throw ProblemException.Invalid($"{field.Key}: http(s) 주소여야 합니다.");
            case SettingKind.Number when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < field.Min || n > field.Max:
                throw ProblemException.Invalid($"{field.Key}: {field.Min}~{field.Max} 사이의 정수여야 합니다.");
            case SettingKind.Switch when value is not ("true" or "false"):
                throw ProblemException.Invalid($"{field.Key}: true 또는 false여야 합니다.");
            case SettingKind.Choice when !(field.Choices ?? []).Contains(value):
                throw ProblemException.Invalid($"{field.Key}: {string.Join(", ", field.Choices ?? [])} 중 하나여야 합니다.");
            case SettingKind.Text when value.Length > 300:
                throw ProblemException.Invalid($"{field.Key}: 300자 이하여야 합니다.");
        }

        return value;
    }

    private static string ValidateRecipient(string channel, string? to)
    {
        var value = to?.Trim() ?? "";
        var ok = channel switch
        {
            Conversations.Channels.Sms => value.Length is >= 3 and <= 20 && value.All(c => char.IsAsciiDigit(c) || c is '+' or '-')
                && value.Count(char.IsAsciiDigit) >= 3,
            Conversations.Channels.Email => value.Length <= 320 && MimeKit.MailboxAddress.TryParse(value, out var mailbox)
                && mailbox.Address.Contains('@', StringComparison.Ordinal) && mailbox.Address == value,
            _ => value.Length is >= 1 and <= 200 && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)),
        };
        return ok ? value : throw ProblemException.Invalid(channel switch
        {
            Conversations.Channels.Sms => "to: 받는 전화번호(숫자, +, -; 3~20자)여야 합니다.",
            Conversations.Channels.Email => "to: 받는 전자우편 주소여야 합니다.",
            _ => "to: 받는 사용자 ID(공백 없이 1~200자)여야 합니다.",
        });
    }

    /// <summary>The setting's value in force, read from the bound options by its key path ("Sms:Solapi:ApiKey").</summary>
    public static string? Read(ChannelOptions options, string key)
    {
        object? current = options;
        foreach (var part in key.Split(':'))
        {
            var property = current?.GetType().GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            current = property?.GetValue(current);
        }

        return current switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => current.ToString(),
        };
    }

    private static string Mask(string to) => to.Length <= 4 ? new string('*', to.Length) : new string('*', to.Length - 4) + to[^4..];

    private static string RoleOf(ClaimsPrincipal user) => StaffRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";

    private static string Clip(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
