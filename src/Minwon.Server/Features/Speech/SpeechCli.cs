using System.CommandLine;
using System.Text;

namespace Minwon.Server.Features.Speech;

/// <summary>`minwon voice vad FILE.wav` and `minwon voice vad-eval SET.json...` (issue 12).</summary>
public static class SpeechCli
{
    public static Command Create()
    {
        var voice = new Command("voice", "Voice and speech tools.");
        voice.Subcommands.Add(CreateVad());
        voice.Subcommands.Add(CreateVadEval());
        return voice;
    }

    private static Command CreateVad()
    {
        var file = new Argument<string>("FILE") { Description = "Mono PCM16 WAV, 8 or 16 kHz (8-48 kHz is resampled to 16 kHz)" };
        var vad = new Command("vad", "Print one JSON line {\"startMs\": int, \"endMs\": int} per speech segment of a WAV file.") { file };
        vad.SetAction(async (parse, ct) =>
        {
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (output)
            {
                return await DetectSpeech.RunAsync(parse.GetValue(file)!, output, Console.Error, ct);
            }
        });
        return vad;
    }

    private static Command CreateVadEval()
    {
        var sets = new Argument<string[]>("SET") { Description = "VAD sets (default eval/speech/vad-dev.json and the held-apart eval/held-out/speech/vad-test*.json)", Arity = ArgumentArity.ZeroOrMore };
        var misses = new Option<bool>("--misses") { Description = "Also print each utterance not found within 150 ms: its true and found edges (streaming detector)" };
        var wavDir = new Option<string?>("--wav-dir") { Description = "Also write each scene as SCENE.wav, with its truth as SCENE.truth.jsonl (the same JSON lines as `voice vad`), into this directory" };
        var eval = new Command("vad-eval", "Synthesise the VAD sets (espeak-ng, sox) and print how well the detector finds each utterance.") { sets, misses, wavDir };
        eval.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(sets) is { Length: > 0 } given ? given : [
                Path.Combine("eval", "speech", "vad-dev.json"),
                Path.Combine("eval", "speech", "vad-dev2.json"),
                Path.Combine("eval", "held-out", "speech", "vad-test.json"),
                Path.Combine("eval", "held-out", "speech", "vad-test2.json"),
                Path.Combine("eval", "held-out", "speech", "vad-test3.json")];
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (output)
            {
                return await EvaluateVad.RunAsync(paths, output, Console.Error, ct, parse.GetValue(misses), parse.GetValue(wavDir));
            }
        });
        return eval;
    }
}
