using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Chatbot;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.Chatbot.Events;

namespace Minwon.Server.Features.Chatbot;

/// <summary>
/// The bot's turn after a citizen message in a conversation that has no counsellor yet (status New): answer from
/// the knowledge base, ask which of two answers, hand off to the queue, or take a callback request out of hours.
/// The whole bot dialog stays in the conversation, so the counsellor who takes over sees all of it.
/// </summary>
public sealed partial class ChatbotReply(MinwonDbContext db, ConversationJournal journal, KnowledgeSearch search, TimeProvider clock, CityClock cityClock,
    IOptions<ChatOptions> chat, IOptions<ChatbotOptions> options, LiveBus bus, IssueAlerting.NoticeBoard notices,
    Languages.ForeignLanguageTurn foreign, Languages.CitizenNotices citizenNotices)
{
    public const string BotName = "120 챗봇";

    /// <summary>
    /// The turn number of the topic a citizen typed before a bot chat opened (messages are numbered from 1). The topic
    /// is context only (the desk and the assistant read it); the bot never answers it as a question (issue 9 item 15).
    /// </summary>
    public const int TopicTurn = 0;

    /// <summary>
    /// Takes the bot's turn for the citizen message <paramref name="seq"/> (or the opening topic) once: a turn already
    /// taken (<see cref="BotSession.HandledSeq"/>) or a conversation no longer the bot's is left alone.
    /// </summary>
    public async Task HandleTurnAsync(Guid conversationId, int seq, CancellationToken ct)
    {
        var turn = await db.Set<Conversation>().AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new
            {
                c.Status,
                Handled = db.Set<BotSession>().Where(s => s.ConversationId == c.Id).Select(s => (int?)s.HandledSeq).FirstOrDefault(),
                Text = db.Set<Message>().Where(m => m.ConversationId == c.Id && m.Seq == seq).Select(m => m.Body).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        // Events of older releases still ask for a topic turn; "주차" typed as the topic is not a question to answer.
        var text = seq == TopicTurn ? null : turn?.Text;
        if (turn is not { Status: ConversationStatus.New } || text is null || turn.Handled >= seq)
        {
            return;
        }

        await HandleAsync(conversationId, seq, text, ct);
    }

    private async Task HandleAsync(Guid conversationId, int seq, string citizenText, CancellationToken ct)
    {
        var hits = await search.SearchAsync(citizenText, 3, ct);
        var relevantNotices = await notices.RelevantAsync(citizenText, ct);
        var published = await journal.WriteAsync(async token =>
        {
            var conversation = await journal.LoadForWriteAsync(conversationId, token);
            if (conversation is not { Status: ConversationStatus.New })
            {
                return [];
            }

            var session = await db.Set<BotSession>().FirstOrDefaultAsync(s => s.ConversationId == conversationId, token);
            if (session is null)
            {
                session = new BotSession { ConversationId = conversationId, HandledSeq = -1 };
                db.Add(session);
            }

            if (session.HandledSeq >= seq)
            {
                return [];
            }

            // Saved with the reply: a redelivered turn finds it taken.
            session.HandledSeq = seq;
            var firstSeq = conversation.LastSeq;
            if (await ForeignTurnAsync(conversation, session, citizenText, relevantNotices, token))
            {
                await db.SaveChangesAsync(token);
                return await journal.ReadAfterAsync(conversationId, firstSeq, token);
            }

            var open = chat.Value.IsOpen(cityClock.Now);
            var policy = new BotPolicy(new BotPolicyOptions
            {
                MinScore = options.Value.MinScore,
                AmbiguityRatio = options.Value.AmbiguityRatio,
                MissesBeforeHandoff = options.Value.MissesBeforeHandoff,
            });
            var candidates = hits.Select(h => new BotCandidate(h.ArticleId, h.Score)).ToList();
            var state = session.ToState();
            var decision = policy.Decide(state, citizenText, candidates, open);
            var from = firstSeq;
            session.UpdatedAt = clock.GetUtcNow();
            foreach (var notice in relevantNotices.Take(2))
            {
                // A current incident (단수, 운행 중단) answers many questions before any article does.
                Say(conversation, await citizenNotices.RenderAsync(conversation.Language, notice, token));
            }

            switch (decision.Action)
            {
                case BotAction.Answer:
                    // A chosen number ("1") is not a query: the answer comes from the article itself.
                    var answer = hits.FirstOrDefault(h => h.ArticleId == decision.ArticleId)?.ShortAnswer
                        ?? await ShortAnswerOfAsync(decision.ArticleId!, token);
                    Say(conversation, answer + FeedbackQuestion());
                    session.Phase = BotPhase.AwaitingFeedback;
                    session.LastArticleId = decision.ArticleId;
                    // Kept for a "no": the runners-up of this search, or the other of two offered choices.
                    var alternatives = policy.Alternatives(candidates, decision.ArticleId!);
                    session.Choices = string.Join(',', alternatives.Count > 0 || state.Phase != BotPhase.AwaitingChoice
                        ? alternatives : state.Choices.Where(c => c != decision.ArticleId));
                    session.Answers++;
                    journal.Record(new BotAnswered(decision.ArticleId), conversation);
                    break;
                case BotAction.AnswerNext:
                    var next = await ShortAnswerOfAsync(decision.ArticleId!, token);
                    Say(conversation, "죄송합니다. 다음으로 알맞은 답변을 찾아 드립니다.\n\n"
                        + next + FeedbackQuestion());
                    session.Phase = BotPhase.AwaitingFeedback;
                    session.LastArticleId = decision.ArticleId;
                    session.Choices = string.Join(',', state.Choices.Skip(1));
                    session.Declines++;
                    session.Answers++;
                    journal.Record(new BotAnswered(decision.ArticleId), conversation);
                    break;
                case BotAction.OfferRephrase:
                    Say(conversation, "도움이 되지 못해 죄송합니다. 궁금하신 내용을 조금 다르게 적어 주시겠어요? 상담사와 이야기하시려면 '상담사 연결'을 눌러 주세요.");
                    session.Phase = BotPhase.Idle;
                    session.Choices = "";
                    session.Declines++;
                    break;
                case BotAction.AskChoice:
                    var options2 = decision.Choices!.Select((id, i) => $"{i + 1}. {hits.First(h => h.ArticleId == id).Title}");
                    Say(conversation, "어느 내용이 궁금하신가요? 번호로 답해 주세요.\n"
                        + string.Join('\n', options2));
                    session.Phase = BotPhase.AwaitingChoice;
                    session.Choices = string.Join(',', decision.Choices!);
                    break;
                case BotAction.Acknowledge:
                    Say(conversation, "도움이 되어 기쁩니다. 다른 문의가 있으시면 말씀해 주세요.");
                    session.Phase = BotPhase.Idle;
                    journal.Record(new BotHelped(session.LastArticleId), conversation);
                    break;
                case BotAction.AskTopic:
                    Say(conversation, "위치를 알려 주셔서 감사합니다. 어떤 점이 궁금하신가요?");
                    break;
                case BotAction.Rephrase:
                    RecordUnanswered(conversationId, citizenText, hits);
                    Say(conversation, "죄송합니다. 알맞은 답변을 찾지 못했습니다. 다른 표현으로 다시 질문해 주시겠어요?");
                    session.Misses++;
                    session.Phase = BotPhase.Idle;
                    break;
                case BotAction.Handoff:
                    if (decision.Reason == HandoffReason.LowConfidence)
                    {
                        RecordUnanswered(conversationId, citizenText, hits);
                    }

                    await HandOffAsync(conversation, decision.Reason, token);
                    session.Phase = BotPhase.HandedOff;
                    break;
                case BotAction.OfferCallback:
                    Say(conversation, $"지금은 상담사 연결 시간이 아닙니다 (상담 시간 {chat.Value.OpenHours}). 연락처를 남겨 주시면 상담 시간에 전화드리겠습니다.");
                    session.Phase = BotPhase.AwaitingCallbackPhone;
                    break;
                case BotAction.TakeCallback:
                    await TakeCallbackAsync(conversation, session, citizenText, token);
                    break;
            }

            await db.SaveChangesAsync(token);
            return await journal.ReadAfterAsync(conversationId, from, token);
        }, ct);

        foreach (var m in published)
        {
            await bus.PublishAsync(new MessageAdded(conversationId, m));
        }

        if (published.Count > 0)
        {
            await bus.PublishAsync(new ConversationChanged(conversationId, null));
            await bus.PublishAsync(new QueueChanged(null));
        }
    }

    /// <summary>
    /// Issue 16: before the bot has answered anything, a first message in another language than the page's switches the
    /// conversation to it (and the current notices, shown in Korean with the greeting, are shown again in the new
    /// language); a conversation in any language but Korean, English included, takes the multilingual turn
    /// (<see cref="Languages.ForeignLanguageTurn"/>). Returns false when the Korean bot takes the turn.
    /// </summary>
    private async Task<bool> ForeignTurnAsync(Conversation conversation, BotSession session, string citizenText,
        IReadOnlyList<IssueAlerting.ActiveNotice> relevant, CancellationToken ct)
    {
        var switched = false;
        if (session.Answers == 0 && session.Phase == BotPhase.Idle && Languages.LanguageSwitch.Detect(conversation.Language, citizenText) is { } detected)
        {
            conversation.SwitchLanguage(detected);
            Say(conversation, Languages.CitizenText.Get(detected, "switched"));
            switched = true;
        }

        if (!Languages.ForeignLanguageTurn.Serves(conversation.Language))
        {
            return false;
        }

        var shown = switched ? (await notices.ActiveAsync(ct)).Take(2).ToList() : relevant.Take(2).ToList();
        foreach (var notice in shown)
        {
            Say(conversation, await citizenNotices.RenderAsync(conversation.Language, notice, ct));
        }

        session.UpdatedAt = clock.GetUtcNow();
        await foreign.TakeAsync(conversation, session, citizenText, chat.Value.IsOpen(cityClock.Now), chat.Value.OpenHours, ct);
        return true;
    }

    // Citizen text reaching the bot is already masked: messages are masked before they are stored.
    private void RecordUnanswered(Guid conversationId, string citizenText, IReadOnlyList<KnowledgeHit> hits) =>
        db.Add(new Assistant.UnansweredQuestion
        {
            ConversationId = conversationId,
            MaskedText = citizenText.Length > 500 ? citizenText[..500] : citizenText,
            BestScore = hits.Count > 0 ? hits[0].Score : 0,
            CreatedAt = clock.GetUtcNow(),
        });

    private async Task<string> ShortAnswerOfAsync(string articleId, CancellationToken ct) =>
        await db.Set<Article>().AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.ShortAnswer, a.Body }).FirstOrDefaultAsync(ct) is { } a
            ? string.IsNullOrWhiteSpace(a.ShortAnswer) ? Minwon.Core.Knowledge.ShortAnswer.FromBody(a.Body) : a.ShortAnswer
            : "";

    private static string FeedbackQuestion() => "\n\n도움이 되셨나요? (네 / 아니요, 상담사 연결을 원하시면 '상담사 연결'이라고 입력해 주세요)";

    private void Say(Conversation conversation, string text) =>
        journal.Append(conversation, MessageKind.Text, MessageSender.Bot, text, senderName: BotName);

    private async Task HandOffAsync(Conversation conversation, HandoffReason reason, CancellationToken ct)
    {
        // A conversation that switched language on its first message waits for a counsellor with that language's skill.
        var (queue, _) = await Languages.CitizenLanguages.HandoffQueueAsync(db, conversation, ct);
        conversation.Enqueue(queue.Id, queue.Priority, clock.GetUtcNow());
        journal.AppendEvent(conversation, Languages.CitizenText.Get(conversation.Language, "handoff"));
        journal.Record(new BotHandedOff(reason, queue.Id), conversation);
        journal.Record(new ConversationQueued(queue.Id, conversation.Channel, conversation.Language), conversation);
    }

    private async Task TakeCallbackAsync(Conversation conversation, BotSession session, string text, CancellationToken ct)
    {
        var phone = PhonePattern().Match(text);
        if (!phone.Success)
        {
            Say(conversation, "전화번호를 입력해 주세요. 예: 010-1234-5678");
            return;
        }

        var now = clock.GetUtcNow();
        var record = new Case
        {
            ReceiptNumber = await ReceiptNumbers.NextAsync(db, cityClock.DayOf(now), ct),
            ContactId = conversation.ContactId,
            ConversationId = conversation.Id,
            Summary = "챗봇 콜백 요청 (상담 시간 외)",
            Disposition = CaseDisposition.CallbackNeeded,
            Channel = conversation.Channel,
            CreatedAt = now,
        };
        db.Add(record);
        db.Add(new CallbackRequest { CaseId = record.Id, Phone = phone.Value, CreatedAt = now });
        Say(conversation, $"콜백 요청이 접수되었습니다. 접수번호는 {record.ReceiptNumber}입니다. 상담 시간에 연락드리겠습니다.");
        session.Phase = BotPhase.Idle;
        journal.Record(new CallbackRequested(record.Id), conversation);
    }

    [GeneratedRegex(@"(?:\+?82[-\s]?)?0?1[016789][-\s.]?\d{3,4}[-\s.]?\d{4}|0\d{1,2}[-\s.]?\d{3,4}[-\s.]?\d{4}")]
    private static partial Regex PhonePattern();
}
