using System;
using System.IO;
using NeuralDsl.Optimizers;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Weights;

public class NdwRoundTripTests
{
    /// <summary>A network after a few Adam steps: parameters, running statistics and moments all away from their initial values.</summary>
    internal static WeightsNet Trained(int seed = 3, int steps = 4)
    {
        var net = new WeightsNet(seed);
        var random = new SeededRandom(seed + 100);
        float[] inputs = new float[8 * WeightsNet.InputSize], targets = new float[8 * WeightsNet.TargetSize];
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)random.NextNormal();
            for (int i = 0; i < targets.Length; i++) targets[i] = (float)random.NextNormal();
            net.TrainStep(inputs, targets);
        }
        return net;
    }

    [Fact]
    public void Stream_round_trip_is_bit_for_bit_with_optimizer_state()
    {
        WeightsNet source = Trained();
        using var stream = new MemoryStream();
        source.SaveWeights(stream, includeOptimizerState: true);
        stream.Position = 0;
        var target = new WeightsNet(seed: 99);
        target.LoadWeights(stream);
        NetworkSnapshot.Of(source).AssertSame(NetworkSnapshot.Of(target));
        Assert.Equal(4, ((IOptimizerState)target.TrainingOptimizer).StepCount);
    }

    [Fact]
    public void Without_optimizer_state_the_optimizer_is_left_alone()
    {
        WeightsNet source = Trained();
        using var stream = new MemoryStream();
        source.SaveWeights(stream);
        var target = Trained(seed: 7, steps: 2);
        var before = NetworkSnapshot.Of(target);
        stream.Position = 0;
        target.LoadWeights(stream);
        var after = NetworkSnapshot.Of(target);
        Assert.Equal(NetworkSnapshot.Of(source).Parameters, after.Parameters);
        Assert.Equal(NetworkSnapshot.Of(source).State, after.State);
        Assert.Equal(before.Optimizer, after.Optimizer);
        Assert.Equal(2, after.Steps);
    }

    [Fact]
    public void Inference_only_network_loads_a_trainable_networks_file()
    {
        WeightsNet source = Trained();
        using var stream = new MemoryStream();
        source.SaveWeights(stream, includeOptimizerState: true);
        stream.Position = 0;
        // Same layers, no loss: the optimiser section is skipped.
        var target = new InferenceWeightsNet();
        target.LoadWeights(stream);
        Assert.Equal(NetworkSnapshot.Bits(source.Parameters), NetworkSnapshot.Bits(target.Parameters));
        Assert.Equal(NetworkSnapshot.Bits(source.State), NetworkSnapshot.Bits(target.State));
        Assert.Throws<ArgumentException>(() => target.SaveWeights(new MemoryStream(), includeOptimizerState: true));
    }

    [Fact]
    public void Path_round_trip_replaces_the_file_and_leaves_no_temporary()
    {
        string directory = Directory.CreateTempSubdirectory("ndw").FullName;
        try
        {
            string path = Path.Combine(directory, "net.ndw");
            Trained(seed: 5).SaveWeights(path);
            WeightsNet source = Trained(seed: 6);
            source.SaveWeights(path, includeOptimizerState: true);
            var target = new WeightsNet();
            Assert.True(target.TryLoadWeights(path, out string? error), error);
            NetworkSnapshot.Of(source).AssertSame(NetworkSnapshot.Of(target));
            Assert.Equal(new[] { "net.ndw" }, Array.ConvertAll(Directory.GetFiles(directory), f => Path.GetFileName(f)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Optimizer_state_from_another_optimizer_is_refused_and_changes_nothing()
    {
        using var stream = new MemoryStream();
        Trained().SaveWeights(stream, includeOptimizerState: true);
        var target = new WeightsNet(seed: 8) { TrainingOptimizer = new Sgd(WeightsNet.ParameterCount, 0.1f, momentum: 0.9f) };
        var before = NetworkSnapshot.Of(target);
        stream.Position = 0;
        var error = Assert.Throws<WeightsFormatException>(() => target.LoadWeights(stream));
        Assert.Equal(WeightsError.OptimizerMismatch, error.Error);
        Assert.Contains("Adam", error.Message);
        Assert.Contains("SGD/momentum", error.Message);
        before.AssertSame(NetworkSnapshot.Of(target));

        stream.Position = 0;
        target.LoadWeights(stream, restoreOptimizerState: false);
        Assert.Equal(NetworkSnapshot.Bits(Trained().Parameters), NetworkSnapshot.Bits(target.Parameters));
    }

    /// <summary>An optimiser of the user's that keeps no exportable state.</summary>
    private sealed class PlainStep : IOptimizer
    {
        public float LearningRate { get; set; } = 0.1f;
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            for (int i = 0; i < parameters.Length; i++) parameters[i] -= LearningRate * gradients[i];
        }
        public void Reset() { }
    }

    [Fact]
    public void A_custom_optimizer_without_state_is_reported()
    {
        var net = new WeightsNet(seed: 2) { TrainingOptimizer = new PlainStep() };
        Assert.Contains("PlainStep", Assert.Throws<ArgumentException>(() => net.SaveWeights(new MemoryStream(), includeOptimizerState: true)).Message);
        net.SaveWeights(new MemoryStream());

        using var stream = new MemoryStream();
        Trained().SaveWeights(stream, includeOptimizerState: true);
        var before = NetworkSnapshot.Of(net);
        stream.Position = 0;
        var error = Assert.Throws<WeightsFormatException>(() => net.LoadWeights(stream));
        Assert.Equal(WeightsError.OptimizerMismatch, error.Error);
        Assert.Contains("does not implement IOptimizerState", error.Message);
        before.AssertSame(NetworkSnapshot.Of(net));
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        // The check value of CRC-32/ISO-HDLC (zip, PNG) for the ASCII digits 1 to 9.
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Fingerprint_depends_on_the_architecture_not_on_the_weights()
    {
        Assert.Equal(ArchitectureFingerprint.Compute(new WeightsNet(1)), ArchitectureFingerprint.Compute(Trained()));
        Assert.Equal(ArchitectureFingerprint.Compute(new WeightsNet()), ArchitectureFingerprint.Compute(new InferenceWeightsNet()));
        Assert.NotEqual(ArchitectureFingerprint.Compute(new WeightsNet()), ArchitectureFingerprint.Compute(new ReluWeightsNet()));
        Assert.NotEqual(ArchitectureFingerprint.Compute(new WeightsNet()), ArchitectureFingerprint.Compute(new NarrowerWeightsNet()));
        Assert.Equal("3 inputs -> Dense(6, Tanh) -> BatchNormalization(6) -> Dense(2, Linear)", ArchitectureFingerprint.Describe(new WeightsNet()));
    }
}
