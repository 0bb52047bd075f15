using System.Collections.Generic;
using NeuralDsl.Tests.GradientCheck;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>
/// The layer table and summary of generated recurrent networks: output shapes, Keras' parameter counts
/// (LSTM 4 (u (u + in) + u); GRU 3 (u (u + in) + u), or 3 (u (u + in) + 2u) with reset_after; SimpleRNN
/// u (u + in) + u; Embedding vocabulary x dimensions; twice for Bidirectional) and the offsets.
/// </summary>
public class RecurrentLayerTableTests
{
    [Fact]
    public void Shapes_and_parameter_counts_are_Keras_own()
    {
        IReadOnlyList<LayerInfo> tokens = StreamTokens.Layers;
        Assert.Equal(TensorShape.Vector(10), tokens[0].InputShape);
        Assert.Equal(TensorShape.Sequence(10, 4), tokens[0].OutputShape);
        Assert.Equal(20 * 4, tokens[0].ParameterCount);
        Assert.Equal(TensorShape.Sequence(10, 6), tokens[1].OutputShape);
        Assert.Equal(4 * (6 * (6 + 4) + 6), tokens[1].ParameterCount);
        Assert.True(tokens[1].ReturnSequences);
        Assert.Equal(TensorShape.Vector(5), tokens[3].OutputShape);
        Assert.Equal(3 * (5 * (5 + 6) + 5), tokens[3].ParameterCount);
        Assert.False(tokens[3].ResetAfter);

        IReadOnlyList<LayerInfo> both = GradBidirectional.Layers;
        Assert.Equal(TensorShape.Sequence(4, 6), both[0].OutputShape);
        Assert.Equal(2 * 4 * (3 * (3 + 3) + 3), both[0].ParameterCount);
        Assert.Equal(TensorShape.Vector(4), both[1].OutputShape);
        Assert.Equal(2 * 3 * (2 * (2 + 6) + 2 * 2), both[1].ParameterCount);
        Assert.Equal(2, both[1].RecurrentUnits);
        Assert.Equal(both[1].ParameterCount / 2, both[1].DirectionParameterCount);

        LayerInfo rnn = GradSimpleRnn.Layers[0];
        Assert.Equal(4 * (4 + 3) + 4, rnn.ParameterCount);
        Assert.Equal(rnn.ParameterOffset + 3 * 4, rnn.RecurrentKernelOffset);
        Assert.Equal(rnn.RecurrentKernelOffset + 4 * 4, rnn.BiasOffset);
        Assert.Equal(GradSimpleRnn.Layer0RecurrentKernelOffset, rnn.RecurrentKernelOffset);
        Assert.Equal(GradSimpleRnn.Layer0BiasOffset, rnn.BiasOffset);
    }

    [Fact]
    public void Initialisation_follows_Keras_defaults()
    {
        var net = new StreamTokens(5);
        LayerInfo lstm = StreamTokens.Layers[1];
        int units = lstm.RecurrentUnits;
        float[] p = net.Parameters.ToArray();
        // Biases zero, except the forget gate's (the second block of four) at 1: unit_forget_bias.
        for (int j = 0; j < 4 * units; j++) Assert.Equal(j >= units && j < 2 * units ? 1f : 0f, p[lstm.BiasOffset + j]);
        // The recurrent kernel [units, 4 units] has orthonormal rows.
        for (int a = 0; a < units; a++)
            for (int b = 0; b < units; b++)
            {
                double dot = 0;
                for (int k = 0; k < 4 * units; k++) dot += p[lstm.RecurrentKernelOffset + a * 4 * units + k] * p[lstm.RecurrentKernelOffset + b * 4 * units + k];
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 5);
            }
        // The embedding table is uniform in [-0.05, 0.05].
        for (int i = 0; i < 80; i++) Assert.InRange(p[i], -0.05f, 0.05f);
    }

    [Fact]
    public void The_summary_names_recurrent_layers_as_Keras_does()
    {
        string table = new GradBidirectional(1).Summary().ToString();
        Assert.Contains("bidirectional (Bidirectional(LSTM))", table);
        Assert.Contains("bidirectional_1 (Bidirectional(GRU))", table);
        Assert.Contains("(None, 4, 6)", table);
        Assert.Contains("Total params: " + (168 + 120 + 4 * 3 + 3), table);
        string tokens = new StreamTokens(1).Summary().ToString();
        Assert.Contains("embedding (Embedding)", tokens);
        Assert.Contains("lstm (LSTM)", tokens);
        Assert.Contains("gru (GRU)", tokens);
        Assert.Contains("simple_rnn (SimpleRNN)", new GradSimpleRnn(1).Summary().ToString());
    }
}
