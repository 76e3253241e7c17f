using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Minwon.Server.Data;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters.Settings;

/// <summary>
/// The administrators' channel settings (table ChannelSettings) laid over the configuration: applied to
/// <see cref="ChannelOptions"/> after binding, and signalled as a change so <see cref="IOptionsMonitor{ChannelOptions}"/>
/// (and through <see cref="CurrentChannelOptions"/> every <c>IOptions&lt;ChannelOptions&gt;</c>) gives the new values
/// on the next read, without a restart.
/// </summary>
public sealed class ChannelSettingsOverrides : IOptionsChangeTokenSource<ChannelOptions>, IPostConfigureOptions<ChannelOptions>
{
    public const string ProtectorPurpose = "Minwon.ChannelSettings.v1";

    private IReadOnlyDictionary<string, string> values = new Dictionary<string, string>();
    private ConfigurationReloadTokenSource token = new();

    public string? Name => Options.DefaultName;

    /// <summary>The values in force (secrets decrypted), by key under Minwon:Channels.</summary>
    public IReadOnlyDictionary<string, string> Values => Volatile.Read(ref values);

    public IChangeToken GetChangeToken() => Volatile.Read(ref token).Token;

    /// <summary>Puts <paramref name="next"/> in force; returns whether anything changed.</summary>
    public bool Set(IReadOnlyDictionary<string, string> next)
    {
        var current = Values;
        if (current.Count == next.Count && current.All(kv => next.TryGetValue(kv.Key, out var v) && v == kv.Value))
        {
            return false;
        }

        Volatile.Write(ref values, next);
        Interlocked.Exchange(ref token, new ConfigurationReloadTokenSource()).Fire();
        return true;
    }

    public void PostConfigure(string? name, ChannelOptions options)
    {
        var current = Values;
        if (current.Count == 0)
        {
            return;
        }

        var source = new MemoryConfigurationSource
        {
            InitialData = current.Select(kv => KeyValuePair.Create($"{ChannelOptions.Section}:{kv.Key}", (string?)kv.Value)),
        };
        new ConfigurationBuilder().Add(source).Build().GetSection(ChannelOptions.Section).Bind(options);
    }

    /// <summary>Reads the table (secrets decrypted) and puts it in force.</summary>
    public static async Task<bool> ReloadAsync(MinwonDbContext db, IDataProtectionProvider protection, ChannelSettingsOverrides overrides,
        ILogger logger, CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector(ProtectorPurpose);
        var rows = await db.Set<ChannelSetting>().AsNoTracking().ToListAsync(cancellationToken);
        var next = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (ChannelSettingFields.Find(row.Key) is null)
            {
                continue; // a setting a later version dropped
            }

            try
            {
                next[row.Key] = row.Secret ? protector.Unprotect(row.Value) : row.Value;
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                ChannelSettingsLog.SecretUnreadable(logger, row.Key);
            }
        }

        return overrides.Set(next);
    }

    /// <summary>A change token that fires once.</summary>
    private sealed class ConfigurationReloadTokenSource
    {
        private readonly CancellationTokenSource source = new();

        public IChangeToken Token { get; }

        public ConfigurationReloadTokenSource() => Token = new CancellationChangeToken(source.Token);

        public void Fire() => source.Cancel();
    }
}

/// <summary>Every <c>IOptions&lt;ChannelOptions&gt;</c> reads the monitor's current value, so the adapters see a change made on the screen.</summary>
internal sealed class CurrentChannelOptions(IOptionsMonitor<ChannelOptions> monitor) : IOptions<ChannelOptions>
{
    public ChannelOptions Value => monitor.CurrentValue;
}

/// <summary>
/// Keeps this node's channel settings in step with the database: at once when a change commits anywhere (the
/// <see cref="Events.ChannelSettingsChanged"/> event wakes <see cref="EventSignal"/>, carried between nodes by
/// <see cref="RedisEventSignal"/>), and every <see cref="PollInterval"/> in any case (no Redis, a lost wake-up). Only that
/// event wakes it (it woke at every commit before, reading the table twice a second per node under chat traffic); a
/// wake-up still reads the small settings table at most once per <see cref="MinGap"/>.
/// </summary>
public sealed class ChannelSettingsLoader(IServiceScopeFactory scopes, ChannelSettingsOverrides overrides, IDataProtectionProvider protection,
    EventSignal signal, IConfiguration configuration, TimeProvider clock, ILogger<ChannelSettingsLoader> logger) : BackgroundService
{
    /// <summary>The default fallback poll.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>The fallback poll in force (<c>Minwon:Channels:SettingsPollSeconds</c>, <see cref="Interval"/> by default).</summary>
    public TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue($"{ChannelOptions.Section}:SettingsPollSeconds", (int)Interval.TotalSeconds)));
    public static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(500);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ChannelSettingsLog.LoadFailed(logger, e);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Taken before each read, so a change committed while reading is not missed (see EventSignal.Subscribe).
        using var changes = signal.Subscribe([EventCatalog.NameOf<Events.ChannelSettingsChanged>()]);
        var pulse = changes.Next();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    await Task.WhenAny(Task.Delay(PollInterval, clock, wait.Token), pulse.WaitAsync(wait.Token));
                    await wait.CancelAsync();
                }

                stoppingToken.ThrowIfCancellationRequested();
                pulse = changes.Next();
                await LoadAsync(stoppingToken);
                // A throttle in real time, not the app's clock (a test's fake clock would stop the loop here).
                await Task.Delay(MinGap, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ChannelSettingsLog.LoadFailed(logger, e);
            }
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await ChannelSettingsOverrides.ReloadAsync(scope.ServiceProvider.GetRequiredService<MinwonDbContext>(), protection, overrides, logger,
            cancellationToken))
        {
            ChannelSettingsLog.Applied(logger, overrides.Values.Count);
        }
    }
}

internal static partial class ChannelSettingsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Channel settings from the settings screen in force: {Count} values.")]
    public static partial void Applied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The channel setting {Key} cannot be decrypted (Data Protection keys changed?); the configuration's value is used.")]
    public static partial void SecretUnreadable(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the channel settings failed; the values in force stay.")]
    public static partial void LoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel settings of {Channel} changed by {ActorId}: {Count} values.")]
    public static partial void Changed(ILogger logger, string channel, string actorId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Test send on {Channel} by {ActorId}: {Outcome}.")]
    public static partial void TestSent(ILogger logger, string channel, string actorId, string outcome);
}
