namespace Minwon.Core.Voice;

/// <summary>
/// Hold music synthesised by Minwon itself (so it is free of any licence: CC0, see data-seed/voice/README.md): a slow
/// pentatonic arpeggio of soft sine tones with a gentle envelope, about −20 dBFS, looping seamlessly.
/// </summary>
public static class HoldMusic
{
    // A major pentatonic, two octaves of an arpeggio that resolves back to its start (MIDI note numbers).
    private static readonly int[] Notes = [57, 61, 64, 69, 66, 64, 61, 64, 62, 66, 69, 74, 73, 69, 66, 64];
    private const double NoteSeconds = 0.5;

    public static short[] Render(int sampleRate)
    {
        var perNote = (int)(sampleRate * NoteSeconds);
        var music = new short[perNote * Notes.Length];
        for (var n = 0; n < Notes.Length; n++)
        {
            var frequency = 440 * Math.Pow(2, (Notes[n] - 69) / 12.0);
            for (var i = 0; i < perNote; i++)
            {
                var t = (double)i / sampleRate;
                var attack = Math.Min(1, t / 0.02);
                var decay = Math.Exp(-3 * t);
                var v = Math.Sin(2 * Math.PI * frequency * t) + 0.3 * Math.Sin(4 * Math.PI * frequency * t);
                music[n * perNote + i] = (short)(0.08 * v * attack * decay * 32767);
            }
        }

        return music;
    }
}
