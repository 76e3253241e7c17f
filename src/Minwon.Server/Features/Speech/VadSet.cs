using System.Text.Json;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// A voice-activity test set (eval/speech/vad-dev.json, eval/held-out/speech/vad-test.json): sentences spoken by
/// espeak-ng and scenes that place them in silence and noise. See <see cref="VadScenes"/>.
/// </summary>
public sealed class VadSet
{
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public int Seed { get; set; } = 1;
    public int UtterancesPerScene { get; set; } = 10;
    public List<string> Sentences { get; set; } = [];
    public List<VadSceneSpec> Scenes { get; set; } = [];

    public static VadSet Load(string path) =>
        JsonSerializer.Deserialize<VadSet>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new FormatException($"{path} is not a VAD set.");
}

/// <summary>One scene: rate, voice, noise and where the utterances go.</summary>
public sealed class VadSceneSpec
{
    public string Id { get; set; } = "";
    public int Rate { get; set; } = 8000;
    public int Speed { get; set; } = 175;
    public int Pitch { get; set; } = 50;

    /// <summary>none, white, pink, brown (sox synth), hum (mains hum and a little hiss), street (modulated pink and brown).</summary>
    public string Noise { get; set; } = "none";

    /// <summary>Speech power over the utterances' own samples against the noise's mean power.</summary>
    public double? SnrDb { get; set; }

    /// <summary>Instead of an SNR: the noise's level in dBFS.</summary>
    public double? NoiseDbfs { get; set; }

    /// <summary>The noise swells and fades by this many dB (peak to peak) every <see cref="SwellSeconds"/>: passing traffic, a fan.</summary>
    public double SwellDb { get; set; }

    public double SwellSeconds { get; set; } = 4;

    /// <summary>Gain on the speech before mixing; large values clip (saturate) it.</summary>
    public double GainDb { get; set; }

    public int LeadMs { get; set; } = 1000;
    public int TailMs { get; set; } = 1000;
    public int MinGapMs { get; set; } = 1000;
    public int MaxGapMs { get; set; } = 2500;

    /// <summary>Utterances in this scene (the set's default when absent).</summary>
    public int? Utterances { get; set; }

    /// <summary>An espeak-ng voice variant (f2, m3, klatt, ...): `-v ko+VARIANT`; none is espeak-ng's default voice.</summary>
    public string? Voice { get; set; }

    /// <summary>Each utterance is two sentences with a pause of this length between them (one utterance: a breath, a hesitation).</summary>
    public int InnerPauseMs { get; set; }

    /// <summary>Room reverberation (sox `reverb N`) on each utterance; the truth stays the dry utterance's edges.</summary>
    public int ReverbPercent { get; set; }

    /// <summary>The mixed scene passes a telephone channel: band-limited to 300-3400 Hz by sox and G.711 μ-law coded.</summary>
    public bool Telephone { get; set; }
}
