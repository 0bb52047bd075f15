using System.Linq;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>Compiled-in weights files do not cover convolution or pooling layers yet: refused with ND804 naming the layer, nothing baked.</summary>
public class ShapedWeightsDiagnosticTests
{
    [Fact]
    public void ND804_a_convolution_network_cannot_bake_a_weights_file()
    {
        MarkupResult result = DiagnosticMarkup.Verify("""
            using NeuralDsl;

            namespace Samples;

            [Network(InputShape = [2, 1, 1], {|ND804:Weights = "small.json"|})]
            [Conv2D(1, 1, Activation.ReLU)]
            [Flatten]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, InMemoryAdditionalText.Files(("small.json", WeightsDiagnosticTests.SmallJson)));
        string message = result.Diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("layer 0 (Conv2D) works on an image or a sequence (2, 1, 1)", message);
    }
}
