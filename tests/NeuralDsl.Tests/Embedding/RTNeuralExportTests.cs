using System;
using System.IO;
using NeuralDsl.Embedding;
using NeuralDsl.Tests.Weights;

namespace NeuralDsl.Tests.Embedding;

/// <summary>
/// ExportRTNeuralJson: what it writes reads back bit for bit; a layer RTNeural cannot express is refused
/// with the layer's name and the reason, and nothing is written.
/// </summary>
public class RTNeuralExportTests
{
    private static void AssertRoundTrip(INetwork source, INetwork target)
    {
        var stream = new MemoryStream();
        source.ExportRTNeuralJson(stream);
        stream.Position = 0;
        target.LoadWeightsJson(stream);
        Assert.True(source.Parameters.SequenceEqual(target.Parameters));
        Assert.True(source.State.SequenceEqual(target.State));
    }

    [Fact]
    public void Dense_networks_read_back_bit_for_bit()
    {
        // Dense with tanh, batch normalisation, a stand-alone ReLU, dropout, PReLU, ELU without biases, softmax.
        AssertRoundTrip(BakedNetworkTests.Trained(), new MixedNet(seed: 2));
        var torch = new TorchNet();
        torch.LoadWeightsJson(Path.Combine(AppContext.BaseDirectory, "Embedding", "rtneural.model.json"));
        AssertRoundTrip(torch, new TorchNet(seed: 4));
    }

    [Fact]
    public void A_file_path_is_written_whole_or_not_at_all()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rtneural-{Guid.NewGuid():N}.json");
        try
        {
            var net = ShapedJsonTests.Trained(new StreamJsonNet());
            net.ExportRTNeuralJson(path);
            var again = new StreamJsonNet(seed: 5);
            again.LoadWeightsJson(path);
            Assert.True(net.Parameters.SequenceEqual(again.Parameters));
            Assert.Throws<NotSupportedException>(() => new TorchBidirectionalLstmNet().ExportRTNeuralJson(path));
            again.LoadWeightsJson(path); // the refused export left the file as it was
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<INetwork, string> Refused => new()
    {
        { new TorchBidirectionalLstmNet(), "Layer 0 (LSTM, (6, 3) -> (10)) is bidirectional: RTNeural runs a stream forward only" },
        { new ResetBeforeGruNet(), "Layer 0 (GRU, (4, 2) -> (3)) has ResetAfter = false: RTNeural's gru applies the reset gate after the recurrent product" },
        { new TorchRnnLstmNet(), "Layer 0 (SimpleRNN, (5, 2) -> (5, 4)): RTNeural has no SimpleRNN" },
        { new TorchEmbeddingGruNet(), "Layer 0 (Embedding, (7) -> (7, 4)): before a recurrent layer RTNeural applies its layers to each step on its own" },
        { new RecurrentJsonNet(), "Layer 1 (BatchNormalization, (6, 5) -> (6, 5)): before a recurrent layer" },
        { new TorchSequenceCnnNet(), "Layer 0 (Conv1D, (10, 3) -> (8, 4)): RTNeural's conv1d and conv2d are causal convolutions over the stream of steps" },
        { new ImageJsonNet(), "Layer 0 (Conv2D, (8, 8, 2) -> (8, 8, 4)): RTNeural's conv1d and conv2d are causal convolutions" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_layer_RTNeural_cannot_express_is_named_and_nothing_is_written(INetwork net, string message)
    {
        var stream = new MemoryStream();
        Assert.Contains(message, Assert.Throws<NotSupportedException>(() => net.ExportRTNeuralJson(stream)).Message);
        Assert.Equal(0, stream.Length);
    }
}
