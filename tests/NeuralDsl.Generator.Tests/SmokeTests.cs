namespace NeuralDsl.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public void Generator_type_loads() => Assert.NotNull(new NeuralDsl.Generator.NetworkGenerator());
}
