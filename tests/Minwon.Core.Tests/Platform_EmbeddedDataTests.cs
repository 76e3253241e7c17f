using Minwon.Core.Platform;

namespace Minwon.Core.Tests;

public sealed class EmbeddedDataTests
{
    [Fact]
    public void Ships_the_particle_list_with_common_particles()
    {
        var particles = EmbeddedData.MecabSurfaces("J");
        Assert.Contains("에서", particles);
        Assert.Contains("은", particles);
        Assert.True(particles.Count > 100);
    }
}
