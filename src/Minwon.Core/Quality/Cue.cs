namespace Minwon.Core.Quality;

/// <summary>What a phrase of <see cref="QualityLexicon"/> is evidence of.</summary>
internal enum Cue
{
    GreetingWord,
    Institution,
    ClosingGreeting,

    /// <summary>Thanks for something specific ("기다려 주셔서 감사합니다"): not a closing greeting.</summary>
    ThanksForSomething,
    FurtherCheck,
    HoldAnnounce,
    Empathy,
    Complaint,
    Blame,

    /// <summary>Phrases about the citizen that contain a blame or refusal phrase ("잘 모르시면"); cancels them.</summary>
    Neutral,
    /// <summary>"Not our business", "we cannot help": a dead end unless a concrete next step follows.</summary>
    Refusal,

    /// <summary>"I don't know": a dead end unless an answer or a next step follows.</summary>
    Unsure,
    Concrete,

    /// <summary>An instruction or a fact given ("신청하시면 됩니다", "4일 걸립니다").</summary>
    Answer,

    /// <summary>Any informative statement ("~입니다", "~있으시면"): enough for an answer, not to undo "모르겠어요".</summary>
    Statement,
    Confirm,

    /// <summary>"무엇을 도와드릴까요", "어떤 일로": asking for the request; confirms it only after the greeting.</summary>
    OpeningQuestion,
}
