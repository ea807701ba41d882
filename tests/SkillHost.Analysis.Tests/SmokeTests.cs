namespace SkillHost.Analysis.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Builds() => Assert.Equal(2, 1 + 1);
}
