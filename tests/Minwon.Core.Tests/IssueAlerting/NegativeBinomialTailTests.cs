using Minwon.Core.IssueAlerting;

namespace Minwon.Core.Tests.IssueAlerting;

public sealed class NegativeBinomialTailTests
{
    [Theory]
    [InlineData(5, 1.0, 0.00366)]
    [InlineData(3, 2.0, 0.3233)]
    [InlineData(10, 2.0, 4.65e-5)]
    public void Approaches_the_Poisson_tail_when_the_rate_is_well_known(int count, double mean, double poissonTail)
    {
        var tail = Math.Exp(NegativeBinomialTail.LogUpperTail(count, 1e7, mean));
        Assert.InRange(tail, poissonTail * 0.97, poissonTail * 1.03);
    }

    [Fact]
    public void Gives_an_uncertain_rate_a_heavier_tail()
    {
        var certain = NegativeBinomialTail.LogUpperTail(8, 1000, 1.0);
        var uncertain = NegativeBinomialTail.LogUpperTail(8, 0.5, 1.0);
        Assert.True(uncertain > certain + 2);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.02275, 2.0)]
    [InlineData(2.87e-7, 5.0)]
    public void Converts_tail_probabilities_to_z_scores(double tail, double z) =>
        Assert.InRange(NegativeBinomialTail.ZFromLogTail(Math.Log(tail)), z - 0.01, z + 0.01);

    [Fact]
    public void Keeps_z_scores_finite_for_vanishing_tails() =>
        Assert.InRange(NegativeBinomialTail.ZFromLogTail(-5000), 90, 110);

    [Fact]
    public void Stays_finite_when_nothing_was_expected()
    {
        var logTail = NegativeBinomialTail.LogUpperTail(5, 1, 0);
        Assert.False(double.IsNaN(logTail));
        Assert.True(double.IsFinite(NegativeBinomialTail.ZFromLogTail(logTail)));
        Assert.True(double.IsFinite(NegativeBinomialTail.ZFromLogTail(double.NegativeInfinity)));
    }
}
