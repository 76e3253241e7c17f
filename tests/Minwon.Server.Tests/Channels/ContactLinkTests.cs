using System.Net;
using System.Net.Http.Json;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.ChannelAdapters.Contacts;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>
/// Issue 15 item 5: a counsellor links the citizen in front of them to their contact on another channel (by phone number,
/// e-mail address or contact id), audited; the history then shows every channel; an undo is audited too. On SQLite and
/// on PostgreSQL (skipped with a message without MINWON_TEST_POSTGRES).
/// </summary>
public sealed class ContactLinkTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_counsellor_links_the_citizens_sms_and_email_contacts_and_the_history_shows_every_channel(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var (chat, contact) = await ServedAsync(app, counsellor);
        var phone = NewPhone();
        var email = $"citizen-{Guid.NewGuid():N}@example.kr";
        var (smsContact, smsConversation, receipt) = await ContactWithConversationAsync(app, ContactKeys.Phone(phone), Channels.Sms, "가로등 고장");
        var (emailContact, emailConversation, _) = await ContactWithConversationAsync(app, ContactKeys.Email(email), Channels.Email, "여권 발급");

        var before = await HistoryAsync(counsellor, contact);
        Assert.Equal([chat.ConversationId], before.Conversations.Select(c => c.ConversationId));
        Assert.Empty(before.Linked);

        // The citizen gave their number as "+82 10 …": the same contact as the SMS from 010-….
        using (var linked = await counsellor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links",
            new { phone = "+82 " + phone[1..], reason = "생년월일과 이전 접수번호 확인" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, linked);
            var link = (await linked.Content.ReadFromJsonAsync<ContactLinkDto>(Ct))!;
            Assert.Equal((contact, smsContact, counsellor.Id), (link.ContactId, link.LinkedContactId, link.LinkedBy));
        }

        using (var linked = await counsellor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links",
            new { email = email.ToUpperInvariant(), reason = "본인 확인: 이메일로 보낸 확인번호" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, linked);
        }

        var after = await HistoryAsync(counsellor, contact);
        Assert.Equal(new HashSet<Guid> { chat.ConversationId, smsConversation, emailConversation },
            after.Conversations.Select(c => c.ConversationId).ToHashSet());
        var sms = after.Conversations.Single(c => c.ConversationId == smsConversation);
        Assert.Equal((Channels.Sms, "문자", true, smsContact), (sms.Channel, sms.ChannelLabel, sms.FromLinkedContact, sms.ContactId));
        Assert.Equal(receipt, sms.ReceiptNumber);
        Assert.False(string.IsNullOrEmpty(sms.ChannelIcon));
        Assert.Equal("이메일", after.Conversations.Single(c => c.ConversationId == emailConversation).ChannelLabel);
        Assert.False(after.Conversations.Single(c => c.ConversationId == chat.ConversationId).FromLinkedContact);
        Assert.Equal(new HashSet<string> { "전화번호", "이메일 주소" }, after.Linked.Select(l => l.KeyKind).ToHashSet());
        Assert.All(after.Linked, l => Assert.True(l.Direct));

        // Both links are in the access log, by whom and about which contact, and the chain still verifies.
        var entries = await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"contact:{contact}").OrderBy(e => e.Sequence));
        Assert.Equal(["link", "link"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((counsellor.Id, "counsellor"), (e.ActorId, e.ActorRole)));
        Assert.StartsWith(smsContact.ToString(), entries[0].Reason);
        Assert.StartsWith(emailContact.ToString(), entries[1].Reason);
        Assert.True((await VerifyAsync(app)).Intact);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_undo_is_audited_keeps_the_row_and_takes_the_other_channel_out_of_the_history(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var (_, contact) = await ServedAsync(app, counsellor);
        var (kakaoContact, kakaoConversation, _) = await ContactWithConversationAsync(app, ContactKeys.Messenger("kakao", Guid.NewGuid().ToString()),
            Channels.Kakao, "불법주차");
        using (var linked = await counsellor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links",
            new { otherContactId = kakaoContact, reason = "카카오톡에서 보낸 접수번호 확인" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, linked);
        }

        Assert.Contains(kakaoConversation, (await HistoryAsync(counsellor, contact)).Conversations.Select(c => c.ConversationId));

        using (var undone = await counsellor.Http.DeleteAsync($"/api/contacts/{contact}/links/{kakaoContact}", Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, undone);
        }

        var history = await HistoryAsync(counsellor, contact);
        Assert.DoesNotContain(kakaoConversation, history.Conversations.Select(c => c.ConversationId));
        Assert.Empty(history.Linked);
        var row = Assert.Single(await app.RowsAsync<ContactLink>(q => q.Where(l => l.ContactId == contact)));
        Assert.Equal(counsellor.Id, row.UndoneBy);
        Assert.NotNull(row.UndoneAt);
        Assert.Equal(["link", "unlink"],
            (await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"contact:{contact}").OrderBy(e => e.Sequence))).Select(e => e.Action));

        // Undoing it again, or a link that never was, is a 404 problem and writes nothing.
        await ExpectProblemAsync(HttpStatusCode.NotFound, await counsellor.Http.DeleteAsync($"/api/contacts/{contact}/links/{kakaoContact}", Ct));
        await ExpectProblemAsync(HttpStatusCode.NotFound, await counsellor.Http.DeleteAsync($"/api/contacts/{contact}/links/{Guid.NewGuid()}", Ct));
        Assert.Equal(2, (await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"contact:{contact}"))).Count);

        // After an undo the two can be linked again.
        using var again = await counsellor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links",
            new { otherContactId = kakaoContact, reason = "다시 확인" }, Ct);
        await ChatApi.ExpectAsync(HttpStatusCode.Created, again);
        Assert.True((await VerifyAsync(app)).Intact);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Bad_link_requests_are_refused_with_a_problem_and_store_nothing(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var (_, contact) = await ServedAsync(app, counsellor);
        var phone = NewPhone();
        var (smsContact, _, _) = await ContactWithConversationAsync(app, ContactKeys.Phone(phone), Channels.Sms, "문의");
        var url = $"/api/contacts/{contact}/links";

        var cases = new (object Body, HttpStatusCode Status)[]
        {
            (new { otherContactId = contact, reason = "확인" }, HttpStatusCode.BadRequest),
            (new { otherContactId = Guid.NewGuid(), reason = "확인" }, HttpStatusCode.NotFound),
            (new { phone = NewPhone(), reason = "확인" }, HttpStatusCode.NotFound),
            (new { email = "nobody-" + Guid.NewGuid().ToString("N") + "@example.kr", reason = "확인" }, HttpStatusCode.NotFound),
            (new { otherContactId = smsContact }, HttpStatusCode.BadRequest),
            (new { otherContactId = smsContact, reason = "   " }, HttpStatusCode.BadRequest),
            (new { otherContactId = smsContact, reason = new string('가', 301) }, HttpStatusCode.BadRequest),
            (new { otherContactId = smsContact, phone, reason = "확인" }, HttpStatusCode.BadRequest),
            (new { reason = "확인" }, HttpStatusCode.BadRequest),
            (new { phone = "12", reason = "확인" }, HttpStatusCode.BadRequest),
            (new { email = "not-an-address", reason = "확인" }, HttpStatusCode.BadRequest),
        };
        foreach (var (body, status) in cases)
        {
            await ExpectProblemAsync(status, await counsellor.Http.PostAsJsonAsync(url, body, Ct));
        }

        using (var notJson = new StringContent("{\"otherContactId\": ", System.Text.Encoding.UTF8, "application/json"))
        {
            await ExpectProblemAsync(HttpStatusCode.BadRequest, await counsellor.Http.PostAsync(url, notJson, Ct));
        }

        Assert.Empty(await app.RowsAsync<ContactLink>(q => q.Where(l => l.ContactId == contact || l.LinkedContactId == contact)));
        Assert.Empty(await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"contact:{contact}")));

        // A duplicate, from either side, is a conflict; so is a link the two already have through a third contact.
        using (var first = await counsellor.Http.PostAsJsonAsync(url, new { phone, reason = "확인" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, first);
        }

        await ExpectProblemAsync(HttpStatusCode.Conflict, await counsellor.Http.PostAsJsonAsync(url, new { otherContactId = smsContact, reason = "다시" }, Ct));
        var supervisor = await app.StaffAsync("supervisor");
        await ExpectProblemAsync(HttpStatusCode.Conflict,
            await supervisor.Http.PostAsJsonAsync($"/api/contacts/{smsContact}/links", new { otherContactId = contact, reason = "반대쪽에서" }, Ct));
        var (third, thirdConversation, _) = await ContactWithConversationAsync(app, ContactKeys.Messenger("x", Guid.NewGuid().ToString()), Channels.X, "X 문의");
        using (var chain = await supervisor.Http.PostAsJsonAsync($"/api/contacts/{smsContact}/links", new { otherContactId = third, reason = "X 계정 확인" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, chain);
        }

        await ExpectProblemAsync(HttpStatusCode.Conflict, await counsellor.Http.PostAsJsonAsync(url, new { otherContactId = third, reason = "확인" }, Ct));
        Assert.Equal(2, (await app.RowsAsync<ContactLink>(q => q.Where(l => l.UndoneAt == null
            && (l.ContactId == contact || l.ContactId == smsContact)))).Count);

        // The contact linked through another link is in the history, marked as not linked directly (no undo from here).
        var history = await HistoryAsync(counsellor, contact);
        Assert.Contains(thirdConversation, history.Conversations.Select(c => c.ConversationId));
        Assert.False(history.Linked.Single(l => l.ContactId == third).Direct);
        await ExpectProblemAsync(HttpStatusCode.NotFound, await counsellor.Http.DeleteAsync($"/api/contacts/{contact}/links/{third}", Ct));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Only_the_counsellor_serving_the_citizen_and_supervisors_link_and_an_administrator_does_not(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var (_, contact) = await ServedAsync(app, counsellor);
        var (other, _, _) = await ContactWithConversationAsync(app, ContactKeys.Phone(NewPhone()), Channels.Phone, "전화 문의");
        var body = new { otherContactId = other, reason = "확인" };

        var colleague = await app.CounsellorAsync();
        await ExpectProblemAsync(HttpStatusCode.NotFound, await colleague.Http.PostAsJsonAsync($"/api/contacts/{contact}/links", body, Ct));
        using (var history = await colleague.Http.GetAsync($"/api/contacts/{contact}/history", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        }

        var admin = await app.StaffAsync("admin");
        using (var refused = await admin.Http.PostAsJsonAsync($"/api/contacts/{contact}/links", body, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Empty(await app.RowsAsync<ContactLink>(q => q.Where(l => l.ContactId == contact)));
        var supervisor = await app.StaffAsync("supervisor");
        using var linked = await supervisor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links", body, Ct);
        await ChatApi.ExpectAsync(HttpStatusCode.Created, linked);
        var entry = Assert.Single(await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"contact:{contact}")));
        Assert.Equal((supervisor.Id, "supervisor", "link"), (entry.ActorId, entry.ActorRole, entry.Action));
    }

    private static async Task<(StartChatResponse Chat, Guid Contact)> ServedAsync(MinwonApp app, StaffMember counsellor)
    {
        var chat = await app.ServedChatAsync(counsellor);
        return (chat, (await counsellor.ConversationAsync(chat.ConversationId)).Conversation.ContactId);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Two_staff_linking_the_same_pair_at_the_same_instant_store_one_link_and_the_other_gets_a_conflict(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync("supervisor");
        var (_, contact) = await ServedAsync(app, counsellor);
        for (var round = 0; round < 6; round++)
        {
            var (smsContact, _, _) = await ContactWithConversationAsync(app, ContactKeys.Phone(NewPhone()), Channels.Sms, "문의");
            // From both sides at once: the duplicate check reads before either has written, so only the index can refuse one.
            var responses = await Task.WhenAll(
                counsellor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links", new { otherContactId = smsContact, reason = "확인" }, Ct),
                supervisor.Http.PostAsJsonAsync($"/api/contacts/{smsContact}/links", new { otherContactId = contact, reason = "확인" }, Ct));
            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal(HttpStatusCode.Created, statuses[0]);
            var loser = responses.SingleOrDefault(r => r.StatusCode != HttpStatusCode.Created);
            Assert.NotNull(loser);
            await ExpectProblemAsync(HttpStatusCode.Conflict, loser);
            responses.Single(r => r.StatusCode == HttpStatusCode.Created).Dispose();
            Assert.Single(await app.RowsAsync<ContactLink>(q => q.Where(l => l.UndoneAt == null
                && ((l.ContactId == contact && l.LinkedContactId == smsContact) || (l.ContactId == smsContact && l.LinkedContactId == contact)))));
            // The access log shows one link of the pair: a loser refused by the duplicate check wrote nothing, one refused
            // by the index wrote "link" and then "link-refused".
            var entries = await app.RowsAsync<AccessLogEntry>(q => q.Where(e => (e.Record == $"contact:{contact}" && e.Reason!.StartsWith(smsContact.ToString()))
                || (e.Record == $"contact:{smsContact}" && e.Reason!.StartsWith(contact.ToString()))));
            Assert.Equal(1, entries.Count(e => e.Action == "link") - entries.Count(e => e.Action == LinkContacts.RefusedAction));
        }

        Assert.True((await VerifyAsync(app)).Intact);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_link_refused_by_the_pair_index_is_a_conflict_and_the_access_log_says_it_was_refused(Db db)
    {
        var app = await apps.GetAsync(db);
        var counsellor = await app.CounsellorAsync();
        var (_, contact) = await ServedAsync(app, counsellor);
        var (smsContact, _, _) = await ContactWithConversationAsync(app, ContactKeys.Phone(NewPhone()), Channels.Sms, "문의");
        var (third, _, _) = await ContactWithConversationAsync(app, ContactKeys.Phone(NewPhone()), Channels.Sms, "문의");
        // The pair already taken where only the index looks (its key), not where the duplicate check looks (the ids): what
        // another counsellor's link of the same pair committed between this request's check and its insert looks like.
        await app.DbAsync(async d =>
        {
            d.Add(new ContactLink
            {
                ContactId = third, LinkedContactId = smsContact, LinkedBy = "lead", LinkedAt = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), Reason = "확인",
                PairKey = ContactLink.PairOf(contact, smsContact),
            });
            return await d.SaveChangesAsync(Ct);
        });

        await ExpectProblemAsync(HttpStatusCode.Conflict,
            await counsellor.Http.PostAsJsonAsync($"/api/contacts/{contact}/links", new { otherContactId = smsContact, reason = "생년월일 확인" }, Ct));

        Assert.Empty(await app.RowsAsync<ContactLink>(q => q.Where(l => l.ContactId == contact)));
        var entries = await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"contact:{contact}").OrderBy(e => e.Sequence));
        Assert.Equal(["link", LinkContacts.RefusedAction], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((counsellor.Id, "counsellor"), (e.ActorId, e.ActorRole)));
        Assert.All(entries, e => Assert.StartsWith(smsContact.ToString(), e.Reason));
        Assert.True((await VerifyAsync(app)).Intact);
    }

    /// <summary>A contact keyed as that channel keys it, with one closed conversation and its case (as the channel slices store them).</summary>
    private static Task<(Guid Contact, Guid Conversation, string Receipt)> ContactWithConversationAsync(MinwonApp app, string key, string channel,
        string topic) => app.DbAsync(async db =>
    {
        var now = (app.Clock ?? TimeProvider.System).GetUtcNow();
        var contact = new Contact { ExternalKey = key, CreatedAt = now.AddDays(-3) };
        var conversation = new Conversation
        {
            Token = StartChat.NewSecret(32), ContactId = contact.Id, Channel = channel, Topic = topic, CreatedAt = now.AddDays(-2),
            Status = ConversationStatus.Closed, ClosedAt = now.AddDays(-2).AddMinutes(10),
        };
        var receipt = "T" + Guid.NewGuid().ToString("N")[..12];
        db.AddRange(contact, conversation, new Case
        {
            ReceiptNumber = receipt, ContactId = contact.Id, ConversationId = conversation.Id, Channel = channel, Summary = topic,
            CreatedAt = now.AddDays(-2).AddMinutes(10),
        });
        await db.SaveChangesAsync(Ct);
        return (contact.Id, conversation.Id, receipt);
    });

    private static async Task<ContactHistoryDto> HistoryAsync(StaffMember staff, Guid contact) =>
        (await staff.Http.GetFromJsonAsync<ContactHistoryDto>($"/api/contacts/{contact}/history", Ct))!;

    private static async Task<ChainVerification> VerifyAsync(MinwonApp app) =>
        await app.DbAsync(db => new AccessLog(db, TimeProvider.System).VerifyAsync(Ct));

    private static async Task ExpectProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        using (response)
        {
            await ChatApi.ExpectAsync(status, response);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
            Assert.False(string.IsNullOrEmpty(problem?.Title), "The problem has no title.");
        }
    }

    private static string NewPhone() => "010" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
