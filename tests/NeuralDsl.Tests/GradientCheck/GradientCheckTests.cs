using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// The generated (float) gradient against central finite differences of <see cref="ReferenceNetwork"/>'s
/// loss in double precision, for every activation, every valid (output activation, loss) pair and
/// every layer kind, on several random networks and batches. ComputeGradients advances batch
/// normalisation's running statistics, but the training-mode loss does not read them.
/// </summary>
public class GradientCheckTests(ITestOutputHelper output)
{
    private const int Batch = 3;
    private const double Step = 1e-6;

    // Per entry: |g - fd| <= Tolerance * max(|fd|, floor), floor = 1e-2 * min(1, max_i |fd_i|).
    // Relative above the floor; below it an absolute bound, so that entries near zero, where float
    // cancellation leaves noise of about 1e-7 of the gradient's scale, are not flagged. The floor
    // follows the gradient's scale but never exceeds 1e-2 (an absolute error of 1e-5): a network with
    // large gradients cannot hide a fault in its small entries behind its largest one.
    private const double Tolerance = 1e-3;
    private const double AbsoluteFloor = 1e-2;

    public static IEnumerable<object[]> Networks => GradientCheckCatalog.Networks.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Networks))]
    public void Gradient_matches_finite_differences(string name)
    {
        GradientCheckCase check = GradientCheckCatalog.Networks[name];
        double worst = 0, worstLoss = 0;
        foreach (int seed in new[] { 1, 2, 3 })
        {
            ITrainableNetwork net = check.Create(seed);
            var random = new SeededRandom(seed + 100);
            // Random biases (and jittered weights) too: zero biases behind a dead ReLU layer put
            // pre-activations exactly on a kink, where a central difference averages two slopes.
            Span<float> parameters = net.Parameters;
            for (int i = 0; i < parameters.Length; i++) parameters[i] += 0.2f * (float)random.NextNormal();
            float[] inputs = RandomInputs(ref random, Batch * net.InputSize);
            float[] targets = TargetsFor(net, ref random);

            (double gradientError, double lossError) = Check($"{name} seed {seed}", net, check, inputs, targets, Tolerance);
            worst = Math.Max(worst, gradientError);
            worstLoss = Math.Max(worstLoss, lossError);
        }
        output.WriteLine($"{name}: max relative gradient error {worst:E2}, loss error {worstLoss:E2}");
    }

    /// <summary>
    /// Compares the network's gradient on one batch with central differences of the double-precision
    /// reference; every entry's error (see <see cref="Errors"/>) at most <paramref name="tolerance"/>.
    /// Returns the worst gradient and loss errors. <paramref name="dropoutMasks"/>, if given, are the masks
    /// the network's dropout layers draw in this call (see <see cref="ReferenceNetwork.Forward"/>).
    /// </summary>
    internal static (double Gradient, double Loss) Check(string label, ITrainableNetwork net, GradientCheckCase check, float[] inputs, float[] targets, double tolerance,
        IReadOnlyList<double[]>? dropoutMasks = null)
    {
        float loss = net.ComputeGradients(inputs, targets);
        float[] gradient = net.Gradients.ToArray();

        double[] p = net.Parameters.ToArray().Select(v => (double)v).ToArray();
        double referenceLoss = ReferenceNetwork.Loss(net.Layers, net.Loss, check.HuberDelta, check.Penalties, p, inputs, targets, net.FromLogits, dropoutMasks);
        double lossError = Math.Abs(loss - referenceLoss) / Math.Max(Math.Abs(referenceLoss), 1e-6);
        Assert.True(Math.Abs(loss - referenceLoss) <= 1e-5 * Math.Max(Math.Abs(referenceLoss), 1e-2),
            $"{label}: loss {loss} but reference {referenceLoss}");

        double[] fd = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double saved = p[i];
            p[i] = saved + Step;
            double plus = ReferenceNetwork.Loss(net.Layers, net.Loss, check.HuberDelta, check.Penalties, p, inputs, targets, net.FromLogits, dropoutMasks);
            p[i] = saved - Step;
            double minus = ReferenceNetwork.Loss(net.Layers, net.Loss, check.HuberDelta, check.Penalties, p, inputs, targets, net.FromLogits, dropoutMasks);
            p[i] = saved;
            fd[i] = (plus - minus) / (2 * Step);
        }

        double[] errors = Errors(gradient, fd);
        double worst = 0;
        for (int i = 0; i < p.Length; i++)
        {
            worst = Math.Max(worst, errors[i]);
            Assert.True(errors[i] <= tolerance,
                $"{label}: parameter {i} ({Describe(net.Layers, i)}) gradient {gradient[i]} but finite difference {fd[i]} (relative error {errors[i]:E2})");
        }
        return (worst, lossError);
    }

    /// <summary>Each entry's error relative to max(|fd|, floor), the floor as stated at <see cref="Tolerance"/>; an entry passes at most <see cref="Tolerance"/>.</summary>
    internal static double[] Errors(ReadOnlySpan<float> gradient, double[] fd)
    {
        double floor = Math.Max(AbsoluteFloor * Math.Min(1, fd.Max(Math.Abs)), 1e-12);
        double[] errors = new double[fd.Length];
        for (int i = 0; i < fd.Length; i++) errors[i] = Math.Abs(gradient[i] - fd[i]) / Math.Max(Math.Abs(fd[i]), floor);
        return errors;
    }

    [Fact]
    public void A_fault_in_a_small_entry_is_not_hidden_by_a_large_one()
    {
        double[] fd = [100, 0.005, 1e-9];
        // Float noise near zero passes: 5e-6 on an entry of 1e-9.
        Assert.All(Errors([100f, 0.005f, 5e-6f], fd), e => Assert.True(e <= Tolerance, $"noise flagged: {e}"));
        // A 1% fault in the small entry (5e-5) is flagged, though it is 5e-7 of the largest entry.
        Assert.True(Errors([100f, 0.00505f, 0f], fd)[1] > Tolerance);
    }

    internal static float[] RandomInputs(ref SeededRandom random, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)random.NextNormal();
        return values;
    }

    /// <summary>Targets valid for the network's loss: class indices, one-hot rows, -1/+1, probabilities or reals.</summary>
    internal static float[] TargetsFor(ITrainableNetwork net, ref SeededRandom random)
    {
        float[] targets = new float[Batch * net.TargetSize];
        for (int n = 0; n < Batch; n++)
        {
            Span<float> row = targets.AsSpan(n * net.TargetSize, net.TargetSize);
            switch (net.Loss)
            {
                case Loss.SparseCategoricalCrossEntropy:
                    row[0] = random.NextInt(net.OutputSize);
                    break;
                case Loss.CategoricalCrossEntropy:
                    row[random.NextInt(net.OutputSize)] = 1f;
                    break;
                case Loss.Hinge:
                    for (int k = 0; k < row.Length; k++) row[k] = random.NextInt(2) == 0 ? -1f : 1f;
                    break;
                case Loss.BinaryCrossEntropy:
                    for (int k = 0; k < row.Length; k++) row[k] = random.NextSingle();
                    break;
                default:
                    for (int k = 0; k < row.Length; k++) row[k] = (float)random.NextNormal();
                    break;
            }
        }
        return targets;
    }

    private static string Describe(IReadOnlyList<LayerInfo> layers, int index)
    {
        int l = layers.ToList().FindIndex(layer => index >= layer.ParameterOffset && index < layer.ParameterOffset + layer.ParameterCount);
        LayerInfo layer = layers[l];
        string part = layer.Kind == LayerKind.BatchNormalization ? (index < layer.BiasOffset ? "gamma" : "beta")
            : layer.Activation == Activation.PReLU && index >= layer.SlopeOffset ? "slope"
            : index < layer.BiasOffset ? "weight" : "bias";
        return $"layer {l} {part}";
    }
}
