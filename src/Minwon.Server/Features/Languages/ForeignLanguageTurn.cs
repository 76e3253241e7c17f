using Minwon.Core.Chatbot;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.Chatbot.Events;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Conversations.Events;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// The bot's turn in a conversation in a language other than Korean, English included (issue 16 items 2 and 3): an answer from a
/// translated article when one fits, otherwise (or when asked) a hand-off to a queue with the language skill, or to the
/// default queue with a note that an interpreter may be needed when no queue has the skill.
/// </summary>
public sealed class ForeignLanguageTurn(MinwonDbContext db, ConversationJournal journal, TranslatedAnswers answers, TimeProvider clock,
    ITranslator translator, Knowledge.KnowledgeSearch search, Microsoft.Extensions.Options.IOptions<ChatbotOptions> bot)
{
    private static readonly string[] HandoffWords =
        ["人工", "客服", "咨询员", "咨詢員", "转人工", "相談員", "オペレーター", "担当者", "tư vấn viên", "tu van vien", "nhân viên", "nhan vien",
            "gặp người", "консультант", "оператор", "зөвлөх", "ажилтан", "เจ้าหน้าที่"];
    // English hand-off words ("agent", "human", "counsellor", …) are BotPolicy.WantsCounsellor's.

    private static readonly string[] YesWords = ["是", "好", "谢谢", "明白", "はい", "ありがとう", "わかりました", "có", "vâng", "cảm ơn", "cam on", "да", "спасибо", "тийм", "баярлалаа", "ใช่", "ขอบคุณ",
        "yes", "thanks", "thank you", "great", "that helped"];

    /// <summary>Twice the longest short answer; the answer message carries the translation and the Korean original.</summary>
    public const int MaxTranslatedAnswerLength = 2 * Knowledge.ArticleInput.MaxShortAnswerLength;

    /// <summary>Every language but Korean: English too (issue 16 item 3; the older English branch of the Korean bot is gone).</summary>
    public static bool Serves(string language) => language != "ko";

    public async Task TakeAsync(Conversation conversation, BotSession session, string text, bool open, string openHours, CancellationToken ct)
    {
        var language = conversation.Language;
        var compact = text.Trim();
        var asked = BotPolicy.WantsCounsellor(compact.Replace(" ", "", StringComparison.Ordinal))
            || HandoffWords.Any(w => compact.Contains(w, StringComparison.OrdinalIgnoreCase));
        // A short reply to "did this help?" is feedback, not a new question.
        var feedback = session.Phase == BotPhase.AwaitingFeedback && compact.Length <= 12;
        if (!asked && feedback && YesWords.Any(w => compact.StartsWith(w, StringComparison.OrdinalIgnoreCase)))
        {
            Say(conversation, CitizenText.Get(language, "acknowledge"));
            session.Phase = BotPhase.Idle;
            journal.Record(new BotHelped(session.LastArticleId), conversation);
            return;
        }

        if (!asked && !feedback && await answers.FindAsync(language, text, ct) is { } answer)
        {
            var label = answer.MachineTranslated ? $"[{CitizenText.Get(language, "machineTranslated")} · {CitizenText.Get("ko", "machineTranslated")}] " : "";
            Say(conversation, label + answer.ShortAnswer + "\n\n" + CitizenText.Get(language, "feedback"));
            session.Phase = BotPhase.AwaitingFeedback;
            session.LastArticleId = answer.ArticleId;
            session.Answers++;
            journal.Record(new BotAnswered(answer.ArticleId), conversation);
            return;
        }

        if (!asked && !feedback && translator.IsEnabled && await MachineAnswerAsync(conversation, session, text, ct))
        {
            return;
        }

        if (!open)
        {
            Say(conversation, CitizenText.Get(language, "closedHours", ("hours", openHours)));
            session.Phase = BotPhase.Idle;
            return;
        }

        await HandOffAsync(conversation, asked ? HandoffReason.Requested : feedback ? HandoffReason.NotHelpful : HandoffReason.LowConfidence, ct);
        session.Phase = BotPhase.HandedOff;
    }

    /// <summary>
    /// With a translation service configured: the question machine-translated into Korean, searched in the Korean
    /// knowledge base, and the answer translated back, labelled in both languages (the citizen's and the counsellor's)
    /// with the Korean original kept below it.
    /// </summary>
    private async Task<bool> MachineAnswerAsync(Conversation conversation, BotSession session, string text, CancellationToken ct)
    {
        var language = conversation.Language;
        if (await translator.TranslateAsync(text, language, "ko", ct) is not { } korean)
        {
            return false;
        }

        var hits = await search.SearchAsync(korean, 1, ct);
        if (hits.Count == 0 || hits[0].Score < bot.Value.MinScore || hits[0].ShortAnswer.Length == 0
            || await translator.TranslateAsync(hits[0].ShortAnswer, "ko", language, ct) is not { } translated
            // Far longer than any short answer: not a translation, and with the original beside it no longer a message that fits.
            || translated.Length > MaxTranslatedAnswerLength)
        {
            return false;
        }

        Say(conversation, $"[{CitizenText.Get(language, "machineTranslated")} · {CitizenText.Get("ko", "machineTranslated")}] {translated}\n\n"
            + $"[원문] {hits[0].ShortAnswer}\n\n{CitizenText.Get(language, "feedback")}");
        session.Phase = BotPhase.AwaitingFeedback;
        session.LastArticleId = hits[0].ArticleId;
        session.Answers++;
        journal.Record(new BotAnswered(hits[0].ArticleId), conversation);
        return true;
    }

    private async Task HandOffAsync(Conversation conversation, HandoffReason reason, CancellationToken ct)
    {
        var language = conversation.Language;
        var (queue, skilled) = await CitizenLanguages.HandoffQueueAsync(db, conversation, ct);
        conversation.Enqueue(queue.Id, queue.Priority, clock.GetUtcNow());
        journal.AppendEvent(conversation, skilled
            ? CitizenText.Get(language, "handoff")
            : CitizenText.Get(language, "handoffNoSkill", ("language", CitizenText.NameOf(language))));
        journal.Record(new BotHandedOff(reason, queue.Id), conversation);
        journal.Record(new ConversationQueued(queue.Id, conversation.Channel, conversation.Language), conversation);
    }

    private void Say(Conversation conversation, string text) =>
        journal.Append(conversation, MessageKind.Text, MessageSender.Bot, text, senderName: ChatbotReply.BotName);
}
