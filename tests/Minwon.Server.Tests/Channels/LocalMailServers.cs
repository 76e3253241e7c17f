using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>
/// Real Debian dovecot-imapd on a free loopback port with a throwaway config, maildirs and users, and in front of it
/// <see cref="SmtpSinkIntoDovecot"/>, a small SMTP server of the test's own that hands each accepted mail to dovecot by
/// IMAP APPEND into the recipient's INBOX (no Debian SMTP server is installed here; dovecot's own submission service
/// needs one to relay to). Skipped with a message when dovecot is missing.
/// </summary>
public sealed class LocalMailServers : IAsyncDisposable
{
    public const string Password = "mail-test-secret";
    public const string CityAddress = "120@minwon.test";

    private readonly string dir;
    private readonly Process dovecot;

    private LocalMailServers(string dir, Process dovecot, int imapPort, SmtpSinkIntoDovecot smtp)
    {
        this.dir = dir;
        this.dovecot = dovecot;
        ImapPort = imapPort;
        Smtp = smtp;
    }

    public int ImapPort { get; }

    public SmtpSinkIntoDovecot Smtp { get; }

    public static string[] Citizens { get; } = ["citizen1@example.com", "citizen2@example.com", "citizen3@example.com", "citizen4@example.com"];

    public static async Task<LocalMailServers?> StartAsync()
    {
        if (!File.Exists("/usr/sbin/dovecot") || !File.Exists("/usr/lib/dovecot/imap"))
        {
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("minwon-mail-").FullName;
        // dovecot's auth process (user dovecot) must read the users file; mail processes run as the mail user.
        Run("chmod", "755", dir);
        var mail = Path.Combine(dir, "mail");
        Directory.CreateDirectory(mail);
        var users = Path.Combine(dir, "users");
        await File.WriteAllLinesAsync(users, Citizens.Append(CityAddress).Select(u => $"{u}:{{PLAIN}}{Password}"));
        Run("chmod", "644", users);
        var root = Environment.UserName == "root";
        var (uid, gid) = root ? ("65534", "65534") : (Id("-u"), Id("-g"));
        if (root)
        {
            Run("chown", "65534:65534", mail);
        }

        var port = FreePort();
        var config = Path.Combine(dir, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            base_dir = {{dir}}/run
            state_dir = {{dir}}/state
            log_path = {{dir}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:{{mail}}/%u
            first_valid_uid = 0
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{users}}
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{mail}}/%u
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/dovecot", ["-F", "-c", config])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                break;
            }
            catch (SocketException) when (i < 99)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        var smtp = SmtpSinkIntoDovecot.Start(port);
        return new LocalMailServers(dir, process, port, smtp);
    }

    public async Task<ImapClient> OpenAsync(string user)
    {
        var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None, TestContext.Current.CancellationToken);
        await imap.AuthenticateAsync(user, Password, TestContext.Current.CancellationToken);
        return imap;
    }

    /// <summary>Puts a mail into a user's INBOX, as delivery would.</summary>
    public async Task DeliverAsync(string user, MimeMessage message)
    {
        using var imap = await OpenAsync(user);
        await imap.Inbox.AppendAsync(message, MessageFlags.None, TestContext.Current.CancellationToken);
        await imap.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits for a mail in a user's INBOX that matches, reading it over IMAP.</summary>
    public async Task<MimeMessage?> WaitForAsync(string user, Func<MimeMessage, bool> match, int attempts = 150)
    {
        for (var i = 0; i < attempts; i++)
        {
            using (var imap = await OpenAsync(user))
            {
                await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, TestContext.Current.CancellationToken);
                foreach (var uid in await imap.Inbox.SearchAsync(SearchQuery.All, TestContext.Current.CancellationToken))
                {
                    var mail = await imap.Inbox.GetMessageAsync(uid, TestContext.Current.CancellationToken);
                    if (match(mail))
                    {
                        return mail;
                    }
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Smtp.Dispose();
        try
        {
            dovecot.Kill(entireProcessTree: true);
            await dovecot.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        dovecot.Dispose();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // dovecot may still be closing files; the temp directory is cleaned anyway.
        }
    }

    public string Log => File.Exists(Path.Combine(dir, "dovecot.log")) ? File.ReadAllText(Path.Combine(dir, "dovecot.log")) : "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Id(string flag) => Run("id", flag).Trim();

    private static string Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}

/// <summary>
/// A minimal SMTP server (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) on a free loopback port, written for
/// these tests: each accepted mail is handed to dovecot by IMAP APPEND into every recipient's INBOX. It stands where
/// the city's mail relay would be.
/// </summary>
public sealed class SmtpSinkIntoDovecot : IDisposable
{
    private readonly TcpListener listener;
    private readonly int imapPort;
    private readonly CancellationTokenSource stop = new();

    private SmtpSinkIntoDovecot(TcpListener listener, int imapPort)
    {
        this.listener = listener;
        this.imapPort = imapPort;
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many mails it accepted.</summary>
    public int Accepted;

    /// <summary>While above zero, MAIL FROM is answered 451 (a relay outage) and the count goes down.</summary>
    public int FailNext;

    public static SmtpSinkIntoDovecot Start(int imapPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var sink = new SmtpSinkIntoDovecot(listener, imapPort);
        _ = Task.Run(sink.AcceptLoopAsync);
        return sink;
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink.minwon.test ESMTP test sink");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink.minwon.test");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RSET":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    if (Interlocked.Decrement(ref FailNext) >= 0)
                    {
                        await writer.WriteLineAsync("451 4.3.0 try again later");
                    }
                    else
                    {
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                    }

                    break;
                case "RCPT":
                    recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)]);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with .");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())));
                    foreach (var to in recipients)
                    {
                        using var imap = new ImapClient();
                        await imap.ConnectAsync("127.0.0.1", imapPort, SecureSocketOptions.None);
                        await imap.AuthenticateAsync(to, LocalMailServers.Password);
                        await imap.Inbox.AppendAsync(message, MessageFlags.None);
                        await imap.DisconnectAsync(true);
                    }

                    Interlocked.Increment(ref Accepted);
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 not implemented");
                    break;
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
