using System;
using System.Linq;
using System.Reflection;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>
/// The generated streaming API of recurrent networks (<c>Step</c>, <c>ResetState</c>, <c>StreamStateSize</c>):
/// a stream of a whole sample's steps from a reset ends on exactly what <c>Predict</c> gives for the sample;
/// streams with their own state spans do not disturb each other; nothing is allocated; sizes are checked.
/// </summary>
public class GeneratedStreamingTests
{
    private static float[] Sample(int size, int seed, int vocabulary = 0)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, size).Select(_ => vocabulary > 0 ? random.NextInt(vocabulary) : (float)random.NextNormal()).ToArray();
    }

    /// <summary>Streams <paramref name="sample"/> step by step from a reset; returns every step's output.</summary>
    private static float[][] Stream(Action<float[], float[]> step, float[] sample, int stepSize, int outputs)
    {
        int steps = sample.Length / stepSize;
        var result = new float[steps][];
        for (int t = 0; t < steps; t++)
        {
            result[t] = new float[outputs];
            step(sample.AsSpan(t * stepSize, stepSize).ToArray(), result[t]);
        }
        return result;
    }

    [Fact]
    public void A_streamed_sample_ends_on_Predict_exactly()
    {
        var lstm = new StreamLstm16(3);
        float[] x = Sample(StreamLstm16.InputSize, 1), expected = new float[1];
        lstm.Predict(x, expected);
        float[][] streamed = Stream((s, o) => lstm.Step(s, o), x, StreamLstm16.StepInputSize, 1);
        Assert.Equal(expected[0], streamed[^1][0]);

        var gru = new StreamGru32(4);
        x = Sample(StreamGru32.InputSize, 2);
        gru.Predict(x, expected);
        Assert.Equal(expected[0], Stream((s, o) => gru.Step(s, o), x, StreamGru32.StepInputSize, 1)[^1][0]);

        var rnn = new StreamSimpleRnn(5);
        x = Sample(StreamSimpleRnn.InputSize, 3);
        float[] two = new float[2];
        rnn.Predict(x, two);
        Assert.Equal(two, Stream((s, o) => rnn.Step(s, o), x, StreamSimpleRnn.StepInputSize, 2)[^1]);

        var tokens = new StreamTokens(6);
        x = Sample(StreamTokens.InputSize, 4, vocabulary: 20);
        float[] three = new float[3];
        tokens.Predict(x, three);
        Assert.Equal(1, StreamTokens.StepInputSize);
        Assert.Equal(three, Stream((s, o) => tokens.Step(s, o), x, 1, 3)[^1]);
    }

    [Fact]
    public void ResetState_restarts_the_stream()
    {
        var lstm = new StreamLstm16(3);
        float[] x = Sample(StreamLstm16.InputSize, 9);
        float[][] first = Stream((s, o) => lstm.Step(s, o), x, 1, 1);
        lstm.ResetState();
        float[][] again = Stream((s, o) => lstm.Step(s, o), x, 1, 1);
        for (int t = 0; t < first.Length; t++) Assert.Equal(first[t], again[t]);
        // Without a reset the stream goes on from the state it had, so the outputs differ.
        float[][] continued = Stream((s, o) => lstm.Step(s, o), x, 1, 1);
        Assert.NotEqual(first[0][0], continued[0][0]);
    }

    [Fact]
    public void Caller_owned_states_keep_streams_apart()
    {
        var gru = new StreamGru32(4);
        float[] a = Sample(StreamGru32.InputSize, 10), b = Sample(StreamGru32.InputSize, 11);
        float[] expectedA = new float[1], expectedB = new float[1];
        gru.Predict(a, expectedA);
        gru.Predict(b, expectedB);
        float[] stateA = new float[StreamGru32.StreamStateSize], stateB = new float[StreamGru32.StreamStateSize];
        float[] outA = new float[1], outB = new float[1];
        for (int t = 0; t < 24; t++)
        {
            gru.Step(a.AsSpan(t * 8, 8), stateA, outA);
            gru.Step(b.AsSpan(t * 8, 8), stateB, outB);
        }
        Assert.Equal(expectedA[0], outA[0]);
        Assert.Equal(expectedB[0], outB[0]);
        StreamGru32.ResetState(stateA);
        Assert.All(stateA, v => Assert.Equal(0f, v));
        // The LSTM's hidden and cell states and the GRU's hidden state, then the step's working space.
        Assert.True(StreamTokens.StreamStateSize > 2 * 6 + 5);
    }

    [Fact]
    public void Steps_allocate_nothing()
    {
        var lstm = new StreamLstm16(1);
        var tokens = new StreamTokens(2);
        float[] x = [0.5f], token = [7f], one = new float[1], three = new float[3], state = new float[StreamTokens.StreamStateSize];
        Assert.Equal(0, Allocations.PerRound(() => lstm.Step(x, one)));
        Assert.Equal(0, Allocations.PerRound(() => tokens.Step(token, state, three)));
        Assert.Equal(0, Allocations.PerRound(() => lstm.ResetState()));
    }

    [Fact]
    public void Wrong_sizes_and_bad_tokens_are_refused()
    {
        var lstm = new StreamLstm16(1);
        Assert.Throws<ArgumentException>(() => lstm.Step(new float[2], new float[1]));
        Assert.Throws<ArgumentException>(() => lstm.Step(new float[1], new float[2]));
        Assert.Throws<ArgumentException>(() => lstm.Step(new float[1], new float[3], new float[1]));
        Assert.Throws<ArgumentException>(() => StreamLstm16.ResetState(new float[5]));
        var tokens = new StreamTokens(2);
        var error = Assert.Throws<ArgumentException>(() => tokens.Step([20f], new float[3]));
        Assert.Contains("[0, 20)", error.Message);
        Assert.Throws<ArgumentException>(() => tokens.Step([1.5f], new float[3]));
    }

    [Fact]
    public void Only_networks_that_read_their_sequence_through_one_way_recurrent_layers_stream()
    {
        static bool Streams(Type type) => type.GetMethod("ResetState", BindingFlags.Public | BindingFlags.Instance) is not null;
        Assert.True(Streams(typeof(StreamLstm16)));
        Assert.True(Streams(typeof(StreamTokens)));
        Assert.False(Streams(typeof(NoStreamBidirectional)));
        Assert.False(Streams(typeof(NoStreamSequenceOut)));
    }
}

/// <summary>Generated recurrent networks allocate nothing in inference and, once their buffers are sized, in training.</summary>
public class GeneratedRecurrentAllocationTests
{
    [Theory]
    [InlineData("lstm")]
    [InlineData("tokens")]
    [InlineData("bidirectional")]
    public void Recurrent_networks_allocate_nothing(string name)
    {
        ITrainableNetwork net = name switch
        {
            "lstm" => new StreamLstm16(1),
            "tokens" => new StreamTokens(1),
            _ => new Tests.GradientCheck.GradBidirectional(1),
        };
        const int batch = 8;
        var random = new SeededRandom(3);
        float[] inputs = new float[batch * net.InputSize], targets = new float[batch * net.TargetSize], outputs = new float[batch * net.OutputSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = net.Layers[0].Kind == LayerKind.Embedding ? random.NextInt(20) : (float)random.NextNormal();
        for (int i = 0; i < targets.Length; i++) targets[i] = net.Loss == Loss.SparseCategoricalCrossEntropy ? random.NextInt(net.OutputSize) : (float)random.NextNormal();
        Assert.Equal(0, Allocations.PerRound(() => net.Predict(inputs.AsSpan(0, net.InputSize), outputs.AsSpan(0, net.OutputSize)), calls: 200));
        Assert.Equal(0, Allocations.PerRound(() => net.PredictBatch(inputs, outputs), calls: 100));
        Assert.Equal(0, Allocations.PerRound(() => net.ComputeLoss(inputs, targets), calls: 100));
        Assert.Equal(0, Allocations.PerRound(() => net.TrainStep(inputs, targets), calls: 100));
    }
}
