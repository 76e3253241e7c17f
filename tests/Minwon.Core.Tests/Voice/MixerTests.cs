using Minwon.Core.Voice;

namespace Minwon.Core.Tests.Voice;

public sealed class MixerTests
{
    private static short[] Frame(short value) => Enumerable.Repeat(value, 160).ToArray();

    [Fact]
    public void Each_leg_hears_everyone_but_itself()
    {
        var mixer = new Mixer(160);
        short[]?[] inputs = [Frame(100), Frame(20), Frame(3)];
        var outputs = new[] { new short[160], new short[160], new short[160] };
        var audible = new bool[3];

        mixer.Mix(inputs, (_, _) => true, outputs, audible);

        Assert.Equal([23, 103, 120], outputs.Select(o => (int)o[0]));
        Assert.All(audible, Assert.True);
    }

    [Fact]
    public void Sums_saturate_instead_of_wrapping()
    {
        var mixer = new Mixer(160);
        short[]?[] inputs = [Frame(30000), Frame(30000), Frame(-30000), Frame(-30000), null];
        var outputs = Enumerable.Range(0, 5).Select(_ => new short[160]).ToArray();
        var audible = new bool[5];

        mixer.Mix(inputs, (listener, speaker) => listener == 4 && speaker < 2 || listener == 3 && speaker == 2 || listener == 2 && speaker == 3,
            outputs, audible);

        Assert.Equal(short.MaxValue, outputs[4][0]);
        Assert.Equal(-30000, outputs[3][0]);
        Assert.False(audible[0]);
        Assert.Equal(0, outputs[0][0]);
    }

    [Fact]
    public void A_whisper_reaches_only_the_leg_the_matrix_allows()
    {
        const int caller = 0, counsellor = 1, supervisor = 2;
        var mixer = new Mixer(160);
        short[]?[] inputs = [Frame(1), Frame(10), Frame(100)];
        var outputs = Enumerable.Range(0, 3).Select(_ => new short[160]).ToArray();

        mixer.Mix(inputs, (listener, speaker) => speaker != supervisor || listener == counsellor, outputs, new bool[3]);

        Assert.Equal(10, outputs[caller][0]);
        Assert.Equal(101, outputs[counsellor][0]);
        Assert.Equal(11, outputs[supervisor][0]);
    }
}
