using System;
using System.IO;
using NeuralDsl.Embedding;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>
/// Recurrent networks at the boundaries: .ndw files round-trip and tell a reset-after GRU from a
/// reset-before one; NeuralDsl's weights JSON round-trips them (Embedding/ShapedJsonTests), RTNeural's refuses an
/// embedding, naming the layer, and writes nothing (safetensors: ShapedSafetensorsTests; ONNX: OnnxRecurrentTests).
/// </summary>
public class RecurrentInteropTests
{
    [Fact]
    public void Ndw_round_trips_a_recurrent_network_and_its_predictions()
    {
        var net = new StreamTokens(seed: 1);
        using var stream = new MemoryStream();
        net.SaveWeights(stream);
        var other = new StreamTokens(seed: 2);
        stream.Position = 0;
        other.LoadWeights(stream);
        Assert.Equal(net.Parameters.ToArray(), other.Parameters.ToArray());
        Assert.Equal(net.State.ToArray(), other.State.ToArray());
        float[] ids = [1, 5, 19, 0, 3, 3, 7, 12, 2, 8], a = new float[3], b = new float[3];
        net.Predict(ids, a);
        other.Predict(ids, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Ndw_refuses_a_file_of_another_recurrent_layout()
    {
        var bidirectional = new NoStreamBidirectional(seed: 1);
        using var stream = new MemoryStream();
        bidirectional.SaveWeights(stream);
        stream.Position = 0;
        var sequenceOut = new NoStreamSequenceOut(seed: 1);
        float[] before = sequenceOut.Parameters.ToArray();
        Assert.False(sequenceOut.TryLoadWeights(stream, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Equal(before, sequenceOut.Parameters.ToArray());
    }

    [Fact]
    public void Weights_json_round_trips_recurrent_and_embedding_layers_and_RTNeural_json_refuses_the_embedding()
    {
        var net = new StreamTokens(seed: 1);
        using var stream = new MemoryStream();
        net.ExportWeightsJson(stream);
        var other = new StreamTokens(seed: 2);
        stream.Position = 0;
        other.LoadWeightsJson(stream);
        Assert.Equal(net.Parameters.ToArray(), other.Parameters.ToArray());
        using var rtneural = new MemoryStream();
        Assert.Contains("Layer 0 (Embedding", Assert.Throws<NotSupportedException>(() => net.ExportRTNeuralJson(rtneural)).Message);
        Assert.Equal(0, rtneural.Length);
    }
}
