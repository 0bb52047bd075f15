using System;
using System.Runtime.Intrinsics;
using NeuralDsl.Tests.Behaviour;
using NeuralDsl.Tests.Training;

namespace NeuralDsl.Tests.Numbers;

/// <summary>
/// A NaN input gives NaN outputs and a NaN loss, never ordinary values: through every activation and
/// every kernel path (unrolled per-sample code with activations applied in registers, the looped
/// DenseKernels, PredictBatch's blocked products, the scalar units beside the vector blocks).
/// </summary>
public class NanPropagationTests
{
    public static TheoryData<string> Networks => [.. Catalogue.Keys];

    private static readonly System.Collections.Generic.Dictionary<string, Func<INetwork>> Catalogue = new()
    {
        ["SigmoidSmall"] = () => new NanSigmoidSmall(), ["SigmoidLooped"] = () => new NanSigmoidLooped(),
        ["TanhSmall"] = () => new NanTanhSmall(), ["TanhLooped"] = () => new NanTanhLooped(),
        ["ReLUSmall"] = () => new NanReLUSmall(), ["ReLULooped"] = () => new NanReLULooped(),
        ["LeakyReLUSmall"] = () => new NanLeakyReLUSmall(), ["LeakyReLULooped"] = () => new NanLeakyReLULooped(),
        ["ELUSmall"] = () => new NanELUSmall(), ["ELULooped"] = () => new NanELULooped(),
        ["SELUSmall"] = () => new NanSELUSmall(), ["SELULooped"] = () => new NanSELULooped(),
        ["SoftplusSmall"] = () => new NanSoftplusSmall(), ["SoftplusLooped"] = () => new NanSoftplusLooped(),
        ["PReLUSmall"] = () => new NanPReLUSmall(), ["PReLULooped"] = () => new NanPReLULooped(),
        ["StepSmall"] = () => new NanStepSmall(), ["StepLooped"] = () => new NanStepLooped(),
        ["LinearSmall"] = () => new NanLinearSmall(), ["LinearLooped"] = () => new NanLinearLooped(),
        ["SoftmaxSmall"] = () => new NanSoftmaxSmall(), ["SoftmaxLooped"] = () => new NanSoftmaxLooped(),
        ["SigmoidOutput"] = () => new NanSigmoidOutput(),
        ["Normalised"] = () => new NanNormalised(),
        ["ExactSmall"] = () => new NanExactSmall(), ["ExactLooped"] = () => new NanExactLooped(),
        ["Mnist"] = () => new MnistMlp(),
        ["WideRented"] = () => new VeryWideNet(),
        ["FusedUnrolled"] = () => new FusedNet(), ["FusedKernels"] = () => new FusedKernelNet(),
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_nan_input_gives_nan_outputs_in_predict_and_predict_batch(string name)
    {
        INetwork net = Catalogue[name]();
        const int Rows = 20, Poisoned = 5; // 20 rows: a chunk of 16 (four blocks of four) and a tail of 4
        float[] inputs = Inputs(net.InputSize, Rows);
        inputs[Poisoned * net.InputSize + net.InputSize / 2] = float.NaN;

        float[] output = new float[net.OutputSize];
        net.Predict(inputs.AsSpan(Poisoned * net.InputSize, net.InputSize), output);
        Assert.All(output, value => Assert.True(float.IsNaN(value), $"Predict gave {value} for a NaN input"));

        float[] outputs = new float[Rows * net.OutputSize];
        net.PredictBatch(inputs, outputs);
        for (int n = 0; n < Rows; n++)
        {
            ReadOnlySpan<float> row = outputs.AsSpan(n * net.OutputSize, net.OutputSize);
            foreach (float value in row)
                Assert.True(n == Poisoned ? float.IsNaN(value) : float.IsFinite(value), $"PredictBatch row {n} gave {value}");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_nan_input_gives_a_nan_loss(string name)
    {
        if (Catalogue[name]() is not ITrainableNetwork net) return; // Step networks are inference-only
        const int Rows = 6;
        float[] inputs = Inputs(net.InputSize, Rows);
        inputs[3 * net.InputSize] = float.NaN;
        float[] targets = Targets(net, Rows);
        Assert.True(float.IsNaN(net.ComputeLoss(inputs, targets)));
    }

    [Fact]
    public void Vector_and_scalar_relu_and_step_keep_nan()
    {
        Assert.True(float.IsNaN(Activations.ReLU(float.NaN)));
        Assert.True(float.IsNaN(Activations.Step(float.NaN)));
        Assert.True(float.IsNaN(Activations.ReLU(Vector256.Create(float.NaN)).GetElement(3)));
        float[] z = [1f, -1f, float.NaN, 0f, -0f, 3f, -2f, float.NaN, float.NaN], a = new float[z.Length];
        Activations.ReLU(z, a);
        Assert.Equal([1f, 0f, float.NaN, 0f, 0f, 3f, 0f, float.NaN, float.NaN], a);
    }

    internal static float[] Inputs(int inputSize, int rows)
    {
        var random = new SeededRandom(5);
        float[] inputs = new float[rows * inputSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = 2f * random.NextSingle() - 1f;
        return inputs;
    }

    /// <summary>Valid targets for the network's loss: one-hot rows for the cross-entropies, values in [0, 1] otherwise.</summary>
    internal static float[] Targets(ITrainableNetwork net, int rows)
    {
        float[] targets = new float[rows * net.TargetSize];
        for (int n = 0; n < rows; n++)
        {
            if (net.Loss == Loss.CategoricalCrossEntropy) targets[n * net.TargetSize + n % net.TargetSize] = 1f;
            else if (net.Loss == Loss.SparseCategoricalCrossEntropy) targets[n] = n % net.OutputSize;
            else
                for (int j = 0; j < net.TargetSize; j++) targets[n * net.TargetSize + j] = (n + j) % 2;
        }
        return targets;
    }
}

/// <summary>The vectorised finiteness check finds a bad value at every position of every length (vector pairs, a single vector, the overlapping tail, scalar).</summary>
public class FiniteCheckTests
{
    [Fact]
    public void Every_position_of_every_length_is_checked()
    {
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            for (int length = 1; length <= 41; length++)
            {
                float[] values = new float[length];
                for (int i = 0; i < length; i++) values[i] = i - 20.5f;
                NetworkGuard.Finite(values, 1, "input", "inputs");
                for (int position = 0; position < length; position++)
                {
                    float[] copy = (float[])values.Clone();
                    copy[position] = bad;
                    var error = Assert.Throws<ArgumentException>(() => NetworkGuard.Finite(copy, 1, "input", "inputs"));
                    Assert.Contains($"Sample {position}, input column 0", error.Message);
                }
            }
        }
    }
}
