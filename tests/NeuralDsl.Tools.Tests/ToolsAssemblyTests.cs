using NeuralDsl.Tools;

namespace NeuralDsl.Tools.Tests;

public class ToolsAssemblyTests
{
    [Fact]
    public void CarriesTheSharedVersion() =>
        Assert.StartsWith(typeof(NeuralDsl.LayerKind).Assembly.GetName().Version!.ToString(3), ToolsAssembly.Version);
}
