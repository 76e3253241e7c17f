using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Features.ChannelAdapters.Email;

/// <summary>
/// Reads the channel mailbox on one node at a time (the lease holder): every unseen mail is stored through
/// <see cref="ReceiveEmail"/> and then flagged \Seen. New mail is awaited with IMAP IDLE when the server offers it,
/// else by polling every PollSeconds. A crash between storing and flagging reads the mail again, which the Message-ID
/// makes a no-op. A connection failure is logged and retried after a pause. A mail that fails to be stored while the
/// database answers is tried again at the next poll, at most <see cref="MaxAttempts"/> times; then it is set aside: flagged
/// \Seen and \Flagged in the mailbox (nothing is deleted; marking it unread has it read again) with an error in the log.
/// </summary>
public sealed partial class EmailInboxReader(IServiceScopeFactory scopes, ILeases leases, IOptions<ChannelOptions> options,
    ILogger<EmailInboxReader> logger) : BackgroundService
{
    /// <summary>Completes once the reader has logged in and read the mailbox the first time (tests, health).</summary>
    public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many times one mail is tried (one try per poll) before it is set aside.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Failed tries of mails still unseen, by the folder's UIDVALIDITY and the mail's UID (only the reader's loop touches it).</summary>
    private readonly Dictionary<(uint Validity, uint Uid), int> failures = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!options.Value.Email.Enabled)
            {
                // Off (the default): the settings screen may turn it on without a restart.
                await Task.Delay(Settings.ChannelSettingsLoader.Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            try
            {
                await using var lease = await leases.AcquireAsync("email-inbox", stoppingToken);
                using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                await ReadLoopAsync(running.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogReadFailed(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var o = options.Value.Email;
        using var imap = new ImapClient { Timeout = 60_000 };
        await imap.ConnectAsync(o.ImapHost, o.ImapPort, EmailChannel.Security(o.ImapSecurity), ct);
        await imap.AuthenticateAsync(o.ImapUserName, o.ImapPassword, ct);
        var folder = await imap.GetFolderAsync(o.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var poll = TimeSpan.FromSeconds(Math.Max(1, o.PollSeconds));
        // Settings changed on the settings screen (a new mailbox, turned off) end this session; the loop above starts a new one.
        while (!ct.IsCancellationRequested && SameMailbox(o, options.Value.Email))
        {
            await ReadUnseenAsync(folder, ct);
            Connected.TrySetResult();
            if (imap.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                // IDLE until the server announces new mail, at most one poll interval (RFC 2177 asks to re-issue within 29 minutes).
                using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
                done.CancelAfter(poll);
                void OnCount(object? sender, EventArgs e) => done.Cancel();
                folder.CountChanged += OnCount;
                try
                {
                    await imap.IdleAsync(done.Token, ct);
                }
                finally
                {
                    folder.CountChanged -= OnCount;
                }
            }
            else
            {
                await Task.Delay(poll, ct);
                await imap.NoOpAsync(ct);
            }
        }
    }

    private static bool SameMailbox(EmailChannelOptions a, EmailChannelOptions b) => b.Enabled
        && (a.ImapHost, a.ImapPort, a.ImapSecurity, a.ImapUserName, a.ImapPassword, a.Folder, a.PollSeconds)
            == (b.ImapHost, b.ImapPort, b.ImapSecurity, b.ImapUserName, b.ImapPassword, b.Folder, b.PollSeconds);

    private async Task ReadUnseenAsync(IMailFolder folder, CancellationToken ct)
    {
        foreach (var uid in await folder.SearchAsync(SearchQuery.NotSeen, ct))
        {
            var mail = await folder.GetMessageAsync(uid, ct);
            await using (var scope = scopes.CreateAsyncScope())
            {
                try
                {
                    await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().HandleAsync(mail, ct);
                }
                catch (Platform.ProblemException e)
                {
                    // A mail that cannot be stored (no queue configured) is left unseen to be read again.
                    LogNotStored(logger, e.Status);
                    continue;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Any other failure of one mail (a database error, a mail the code did not foresee) leaves that mail
                    // unseen for the next poll and goes on with the others: before, it ended the session, and the next
                    // session met the same mail first again, so one bad mail kept every later mail from being read.
                    // A try counts only while the database answers (an outage fails every mail, and none of them is
                    // to blame); a mail that keeps failing is set aside rather than fetched and failed every poll.
                    var key = (folder.UidValidity, uid.Id);
                    if (await DatabaseAnswersAsync(scope, ct))
                    {
                        failures[key] = failures.GetValueOrDefault(key) + 1;
                    }

                    var tries = failures.GetValueOrDefault(key);
                    if (tries < MaxAttempts)
                    {
                        LogMailFailed(logger, uid.Id, e.GetType().Name);
                        continue;
                    }

                    failures.Remove(key);
                    await folder.AddFlagsAsync(uid, MessageFlags.Seen | MessageFlags.Flagged, silent: true, ct);
                    LogMailSetAside(logger, uid.Id, ChannelMessage.IsExternalId(mail.MessageId) ? mail.MessageId : null, tries, e.GetType().Name);
                    continue;
                }
            }

            failures.Remove((folder.UidValidity, uid.Id));
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
        }
    }

    private static async Task<bool> DatabaseAnswersAsync(AsyncServiceScope scope, CancellationToken ct)
    {
        try
        {
            return await scope.ServiceProvider.GetRequiredService<Data.MinwonDbContext>().Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the e-mail channel mailbox failed ({Error}); trying again.")]
    private static partial void LogReadFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A mail could not be stored (HTTP {Status}); it stays unseen.")]
    private static partial void LogNotStored(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing mail UID {Uid} failed ({Error}); it stays unseen for the next poll and the other mails are read.")]
    private static partial void LogMailFailed(ILogger logger, uint uid, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing mail UID {Uid} ({MessageId}) failed {Attempts} times ({Error}); it is set aside (flagged seen and flagged in the mailbox) and not read again: mark it unread to have it read again.")]
    private static partial void LogMailSetAside(ILogger logger, uint uid, string? messageId, int attempts, string error);
}
