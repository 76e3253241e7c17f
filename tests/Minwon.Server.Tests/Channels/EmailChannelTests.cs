using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Minwon.Core.Conversations;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.ChannelAdapters.Email;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>The app reading a real dovecot mailbox and replying through the test's SMTP sink into dovecot.</summary>
public class EmailChannelApp : IAsyncLifetime
{
    protected virtual Db Database => Db.Sqlite;

    /// <summary>Skips the test when a server it needs is missing (dovecot, or PostgreSQL for the PostgreSQL run).</summary>
    public void SkipWhenMissing()
    {
        Assert.SkipWhen(Mail is null, "dovecot-imapd is not installed (/usr/sbin/dovecot, /usr/lib/dovecot/imap); eng/test.sh installs it.");
        if (Database == Db.Postgres)
        {
            TestPostgres.SkipUnlessAvailable();
        }
    }

    public LocalMailServers? Mail { get; private set; }

    public MinwonApp? App { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Mail = await LocalMailServers.StartAsync();
        if (Mail is null || (Database == Db.Postgres && TestPostgres.AdminConnectionString is null))
        {
            return;
        }

        App = await MinwonApp.StartAsync(Database, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "true",
            ["Minwon:Channels:PollMilliseconds"] = "50",
            ["Minwon:Channels:Email:Enabled"] = "true",
            ["Minwon:Channels:Email:Address"] = LocalMailServers.CityAddress,
            ["Minwon:Channels:Email:ImapHost"] = "127.0.0.1",
            ["Minwon:Channels:Email:ImapPort"] = Mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Minwon:Channels:Email:ImapSecurity"] = "none",
            ["Minwon:Channels:Email:ImapUserName"] = LocalMailServers.CityAddress,
            ["Minwon:Channels:Email:ImapPassword"] = LocalMailServers.Password,
            ["Minwon:Channels:Email:SmtpHost"] = "127.0.0.1",
            ["Minwon:Channels:Email:SmtpPort"] = Mail.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Minwon:Channels:Email:SmtpSecurity"] = "none",
            ["Minwon:Channels:Email:PollSeconds"] = "5",
        }, fakeClock: false);
        await using var scope = App.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(SmsChannelApp.Articles), TestContext.Current.CancellationToken);
        Assert.Empty(report.Problems);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app on a PostgreSQL database of its own.</summary>
public sealed class EmailChannelPostgresApp : EmailChannelApp
{
    protected override Db Database => Db.Postgres;
}

public sealed class EmailChannelTests(EmailChannelApp fixture) : EmailChannelTestCases(fixture), IClassFixture<EmailChannelApp>;

public sealed class EmailChannelPostgresTests(EmailChannelPostgresApp fixture) : EmailChannelTestCases(fixture), IClassFixture<EmailChannelPostgresApp>;

/// <summary>The e-mail cases, run on SQLite (<see cref="EmailChannelTests"/>) and PostgreSQL (<see cref="EmailChannelPostgresTests"/>).</summary>
public abstract class EmailChannelTestCases(EmailChannelApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LocalMailServers Mail => fixture.Mail ?? throw new InvalidOperationException();

    private MinwonApp App => fixture.App!;

    private void SkipWithoutDovecot() => fixture.SkipWhenMissing();

    private static MimeMessage Mail_(string from, string subject, string text, string? inReplyTo = null, IEnumerable<string>? references = null)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("홍길동", from));
        mail.To.Add(new MailboxAddress("서울시 120", LocalMailServers.CityAddress));
        mail.Subject = subject;
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.com");
        if (inReplyTo is not null)
        {
            mail.InReplyTo = inReplyTo;
        }

        foreach (var r in references ?? [])
        {
            mail.References.Add(r);
        }

        mail.Body = new TextPart("plain") { Text = text };
        return mail;
    }

    private Task<Conversation?> ConversationOfAsync(string address) => App.DbAsync(async db =>
    {
        var ids = db.Set<ChannelThread>().Where(t => t.CitizenAddress == address).Select(t => t.ConversationId);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Set<Conversation>().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.CreatedAt), Ct);
    });

    [Fact]
    public async Task A_mail_gets_the_bot_answer_in_the_same_thread_then_a_counsellor_reply_through_smtp()
    {
        SkipWithoutDovecot();
        var citizen = LocalMailServers.Citizens[0];
        var first = Mail_(citizen, "주차 과태료 문의", "주차딱지 날라왔는데 어디서 내요\n\n2026년 12월 5일 (토) 오전 9:00, 서울시 120 <120@minwon.test>님이 작성:\n> 예전 안내 내용");
        await Mail.DeliverAsync(LocalMailServers.CityAddress, first);

        var answer = await Mail.WaitForAsync(citizen, m => m.TextBody?.Contains("위택스", StringComparison.Ordinal) == true);
        Assert.True(answer is not null, "No bot answer reached the citizen's mailbox. dovecot log:\n" + Mail.Log);
        Assert.Equal("Re: 주차 과태료 문의", answer!.Subject);
        Assert.Equal(first.MessageId, answer.InReplyTo);
        Assert.Contains(first.MessageId, answer.References);
        Assert.Equal(LocalMailServers.CityAddress, answer.From.Mailboxes.Single().Address);

        var conversation = await ConversationOfAsync(citizen);
        Assert.NotNull(conversation);
        Assert.Equal(Channels.Email, conversation!.Channel);
        var stored = await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Sender == MessageSender.Citizen));
        // The quoted history was trimmed off before storing.
        Assert.DoesNotContain(stored, m => m.Body.Contains("예전 안내", StringComparison.Ordinal));

        // The citizen answers the bot's mail: the same conversation, handed to a counsellor.
        var handoff = Mail_(citizen, "Re: 주차 과태료 문의", "상담사 연결해주세요", answer.MessageId, [first.MessageId!, answer.MessageId!]);
        await Mail.DeliverAsync(LocalMailServers.CityAddress, handoff);
        for (var i = 0; i < 150 && (await ConversationOfAsync(citizen))!.Status != ConversationStatus.Queued; i++)
        {
            await Task.Delay(100, Ct);
        }

        var queued = await ConversationOfAsync(citizen);
        Assert.Equal(conversation.Id, queued!.Id);
        Assert.Equal(ConversationStatus.Queued, queued.Status);

        var counsellor = await App.CounsellorAsync();
        await App.OfferAsync(conversation.Id, counsellor.Id);
        await counsellor.AcceptAsync(conversation.Id);
        using (var reply = await counsellor.Http.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages",
            new PostMessageRequest("위택스(wetax.go.kr)에서 차량번호로 조회해 납부하실 수 있습니다.", null), Ct))
        {
            reply.EnsureSuccessStatusCode();
        }

        var counsellorMail = await Mail.WaitForAsync(citizen, m => m.TextBody?.StartsWith("위택스(wetax.go.kr)", StringComparison.Ordinal) == true);
        Assert.NotNull(counsellorMail);
        Assert.Equal(handoff.MessageId, counsellorMail!.InReplyTo);
        Assert.Contains(first.MessageId, counsellorMail.References);
        var item = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == counsellorMail.MessageId)));
        Assert.Equal(DeliveryStatus.Sent, item.Status);
    }

    [Fact]
    public async Task An_auto_reply_or_a_bounce_is_not_answered()
    {
        SkipWithoutDovecot();
        var citizen = LocalMailServers.Citizens[1];
        var away = Mail_(citizen, "부재중: 문의", "12월 10일까지 휴가입니다.");
        away.Headers.Add("Auto-Submitted", "auto-replied");
        await Mail.DeliverAsync(LocalMailServers.CityAddress, away);
        var marker = Mail_(citizen, "물이 안 나와요", "갑자기 물이 안나와요");
        await Mail.DeliverAsync(LocalMailServers.CityAddress, marker);

        // The later, real question is answered; by then the auto-reply was read and passed over.
        Assert.NotNull(await Mail.WaitForAsync(citizen, m => m.InReplyTo == marker.MessageId));
        Assert.Null(await Mail.WaitForAsync(citizen, m => m.InReplyTo == away.MessageId, attempts: 1));
        var seen = await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId == away.MessageId));
        Assert.Single(seen);
        Assert.Null(seen[0].Seq);
    }

    [Fact]
    public async Task An_html_mail_is_stored_as_safe_text_and_a_wrong_type_attachment_is_refused_with_a_reply()
    {
        SkipWithoutDovecot();
        var citizen = LocalMailServers.Citizens[2];
        var mail = Mail_(citizen, "불법 주차 신고", "");
        var body = new BodyBuilder
        {
            HtmlBody = "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body><p>집 앞에 <b>불법 주차</b>된 차가 있어요</p><div>사진 보냅니다</div></body></html>",
        };
        body.Attachments.Add("photo.exe", "MZ this is a program"u8.ToArray(), new ContentType("image", "jpeg"));
        body.Attachments.Add("car.png", (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3], new ContentType("image", "png"));
        mail.Body = body.ToMessageBody();
        await Mail.DeliverAsync(LocalMailServers.CityAddress, mail);

        var refusal = await Mail.WaitForAsync(citizen, m => m.TextBody?.StartsWith("보내주신 첨부파일을 받지 못했습니다", StringComparison.Ordinal) == true);
        Assert.NotNull(refusal);
        Assert.Contains("'photo.exe': 사진(JPEG, PNG, HEIC, WebP)만", refusal!.TextBody, StringComparison.Ordinal);
        var conversation = await ConversationOfAsync(citizen);
        var text = Assert.Single(await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation!.Id && m.Sender == MessageSender.Citizen)));
        // Tags gone, text kept, block elements on lines of their own.
        Assert.Contains("집 앞에 불법 주차된 차가 있어요\n", text.Body, StringComparison.Ordinal);
        Assert.Contains("\n사진 보냅니다", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text.Body, StringComparison.Ordinal);
        Assert.Single(await App.RowsAsync<ChannelAttachment>(q => q.Where(a => a.ConversationId == conversation!.Id)));
    }

    [Fact]
    public async Task A_mail_with_nul_and_control_characters_is_kept_without_them_and_does_not_hold_up_the_next_mail()
    {
        SkipWithoutDovecot();
        var citizen = LocalMailServers.Citizens[3];
        // A mail cannot be refused like a webhook. PostgreSQL cannot store a NUL: before, the subject's NUL failed the
        // store there, the reader's session ended and the next one met the same mail first again, so neither this mail
        // nor any later one was read; on SQLite the NUL was stored in the thread's subject. (RFC 2047 and base64 carry
        // the NUL and the BEL through IMAP; MimeKit decodes them on our side.)
        var bad = Mail_(citizen, "수도\0 요금\a 문의", "갑자기 물이\0 안나와요\n\t확인\a 부탁드립니다");
        ((TextPart)bad.Body!).ContentTransferEncoding = ContentEncoding.Base64;
        var next = Mail_(citizen, "추가 문의", "내일 오전에도 안 나오면 어디로 연락하나요");
        await Mail.DeliverAsync(LocalMailServers.CityAddress, bad);
        await Mail.DeliverAsync(LocalMailServers.CityAddress, next);

        var answer = await Mail.WaitForAsync(citizen, m => m.InReplyTo == bad.MessageId);
        Assert.True(answer is not null, "The mail with control characters got no answer. dovecot log:\n" + Mail.Log);
        Assert.Equal("Re: 수도 요금 문의", answer!.Subject);
        var seen = Assert.Single(await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId == bad.MessageId)));
        var thread = Assert.Single(await App.RowsAsync<ChannelThread>(q => q.Where(t => t.ConversationId == seen.ConversationId)));
        Assert.Equal("수도 요금 문의", thread.Subject);
        var text = Assert.Single(await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == thread.ConversationId
            && m.Sender == MessageSender.Citizen && m.Body.Contains("갑자기 물이"))));
        Assert.Contains("갑자기 물이 안나와요\n", text.Body, StringComparison.Ordinal);
        Assert.Contains("확인 부탁드립니다", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', text.Body);
        Assert.DoesNotContain('\a', text.Body);

        // The mail after it was read and stored too.
        var stored = await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId == next.MessageId));
        for (var i = 0; i < 150 && stored.Count == 0; i++)
        {
            await Task.Delay(100, Ct);
            stored = await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId == next.MessageId));
        }

        Assert.Single(stored);
    }

    [Fact]
    public async Task A_mail_with_a_bidi_override_in_its_sender_and_nul_in_its_ids_is_stored_under_the_clean_sender_and_a_clean_id()
    {
        SkipWithoutDovecot();
        // What MimeKit hands the reader from a mailbox: a NUL survives in Message-ID, In-Reply-To and References (it is
        // dropped from an address, which then does not parse at all), a bidi override survives in the address. No SMTP
        // path here carries such a mail, so it is handed to ReceiveEmail as the inbox reader would.
        var citizen = LocalMailServers.Citizens[3];
        var at = citizen.IndexOf('@', StringComparison.Ordinal);
        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            $"From: <{citizen[..at]}\u202e{citizen[at..]}>\r\nTo: <{LocalMailServers.CityAddress}>\r\n"
            + $"Subject: =?utf-8?b?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("가로등\0 고장"))}?=\r\n"
            + $"Message-ID: <ctl\0id-{Guid.NewGuid():N}@example.com>\r\nIn-Reply-To: <in\0reply@example.com>\r\nReferences: <ref\0one@example.com>\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n집 앞 가로등이\0 꺼져 있어요\r\n")), Ct);
        Assert.Contains('\u202e', mail.From.Mailboxes.Single().Address);
        Assert.Contains('\0', mail.MessageId ?? "");
        Assert.Contains('\0', mail.InReplyTo ?? "");
        Assert.Contains(mail.References, r => r.Contains('\0', StringComparison.Ordinal));
        Assert.Contains('\0', mail.Subject ?? "");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.Equal(InboundResult.Stored, await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().HandleAsync(mail, Ct));
        }

        // Not under the id with the NUL (the synthetic id instead); the thread ids with a NUL were not looked up (on
        // PostgreSQL such a parameter fails the query); kept under the sender address without the override.
        Assert.Empty(await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId.Contains("ctl"))));
        var thread = Assert.Single(await App.RowsAsync<ChannelThread>(q => q.Where(t => t.Subject == "가로등 고장")));
        Assert.Equal(citizen, thread.CitizenAddress);
        var stored = Assert.Single(await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ConversationId == thread.ConversationId && m.Inbound)));
        Assert.DoesNotContain(stored.ExternalId, char.IsControl);
        var text = Assert.Single(await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == thread.ConversationId && m.Body.Contains("가로등이"))));
        Assert.Contains("집 앞 가로등이 꺼져 있어요", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_that_always_fails_to_be_stored_is_set_aside_after_a_bounded_number_of_tries()
    {
        SkipWithoutDovecot();
        // A mail the database refuses every time (here a trigger on its id: a real database error, the same on every try).
        // Before, it stayed unseen and was fetched and failed again at every poll for as long as the reader ran.
        var id = $"poison-{Guid.NewGuid():N}@example.com";
        var trigger = "poison_" + id[7..23];
        string[] create = App.Db == Db.Postgres
            ? [$"CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poison mail'; END $$",
                $"CREATE TRIGGER {trigger} BEFORE INSERT ON \"ChannelMessages\" FOR EACH ROW WHEN (NEW.\"ExternalId\" = '{id}') EXECUTE FUNCTION {trigger}()"]
            : [$"CREATE TRIGGER {trigger} BEFORE INSERT ON \"ChannelMessages\" WHEN NEW.\"ExternalId\" = '{id}' BEGIN SELECT RAISE(ABORT, 'poison mail'); END"];
        foreach (var sql in create)
        {
            await App.DbAsync(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, sql, Ct));
        }

        try
        {
            var poison = Mail_("poison@example.com", "저장되지 않는 메일", "이 메일은 매번 저장에 실패합니다");
            poison.MessageId = id;
            await Mail.DeliverAsync(LocalMailServers.CityAddress, poison);

            string? setAside = null;
            for (var i = 0; i < 600 && setAside is null; i++)
            {
                await Task.Delay(100, Ct);
                setAside = App.Logs.Lines(Microsoft.Extensions.Logging.LogLevel.Error).FirstOrDefault(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("set aside", StringComparison.Ordinal));
            }

            Assert.True(setAside is not null, "The failing mail was never set aside. Log:\n" + string.Join('\n', App.Logs.Lines()));
            Assert.Contains($"failed {EmailInboxReader.MaxAttempts} times", setAside, StringComparison.Ordinal);

            // Left in the mailbox, flagged \Seen and \Flagged; tried exactly MaxAttempts times, and not again at the next polls.
            using var imap = await Mail.OpenAsync(LocalMailServers.CityAddress);
            await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, Ct);
            var uid = Assert.Single(await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.HeaderContains("Message-ID", id), Ct));
            var flags = Assert.Single(await imap.Inbox.FetchAsync([uid], new MailKit.FetchRequest(MailKit.MessageSummaryItems.Flags), Ct)).Flags!.Value;
            Assert.True(flags.HasFlag(MailKit.MessageFlags.Seen) && flags.HasFlag(MailKit.MessageFlags.Flagged), $"flags: {flags}");
            int Tries() => App.Logs.Lines().Count(l => l.Contains($"Storing mail UID {uid.Id} failed", StringComparison.Ordinal));
            Assert.Equal(EmailInboxReader.MaxAttempts - 1, Tries());
            await Task.Delay(TimeSpan.FromSeconds(6), Ct); // longer than one poll (PollSeconds 5)
            Assert.Equal(EmailInboxReader.MaxAttempts - 1, Tries());
            Assert.Empty(await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId == id)));
        }
        finally
        {
            await App.DbAsync(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                App.Db == Db.Postgres ? $"DROP TRIGGER {trigger} ON \"ChannelMessages\"" : $"DROP TRIGGER {trigger}", Ct));
        }
    }
}
