using System;
using System.Linq;
using NeuralDsl.Tests.Numbers;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// Categorical cross-entropy with targets that are not one-hot: soft labels and label smoothing, on
/// every categorical path (softmax fused, sigmoid unfused, FromLogits). Targets must be distributions
/// (summing to 1 within <see cref="NetworkGuard.DistributionTolerance"/>), so the fused gradient's
/// target-sum term, <c>a sum(y) - y</c>, is pinned by rows summing to 1 + 9e-4, inside the tolerance,
/// checked tightly enough (1e-4) that dropping the term (an error of about 9e-4 of a) fails.
/// </summary>
public class SoftLabelGradientTests(ITestOutputHelper output)
{
    private const int Batch = 3;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in GradientCheckCatalog.Networks.Where(n => n.Value.Create(1).Loss == Loss.CategoricalCrossEntropy).Select(n => n.Key))
        {
            data.Add(name, "soft");
            data.Add(name, "smoothed");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Soft_and_smoothed_labels_match_finite_differences(string name, string kind)
    {
        GradientCheckCase check = GradientCheckCatalog.Networks[name];
        double worst = 0;
        foreach (int seed in new[] { 1, 2 })
        {
            ITrainableNetwork net = check.Create(seed);
            var random = new SeededRandom(seed + 200);
            Jitter(net, ref random);
            float[] inputs = GradientCheckTests.RandomInputs(ref random, Batch * net.InputSize);
            float[] targets = kind == "soft" ? Soft(net.OutputSize, ref random, 1.0) : Smoothed(net.OutputSize, ref random, 0.1);
            worst = Math.Max(worst, GradientCheckTests.Check($"{name} {kind} seed {seed}", net, check, inputs, targets, 1e-3).Gradient);
        }
        output.WriteLine($"{name} {kind} labels: max relative gradient error {worst:E2}");
    }

    [Fact]
    public void The_target_sum_term_of_the_fused_gradient_is_pinned()
    {
        foreach ((string name, ITrainableNetwork net) in new (string, ITrainableNetwork)[] { ("softmax fused", new LogitSoftmaxCce(seed: 3)), ("from logits", new LogitCceFromLogits(seed: 3)) })
        {
            var random = new SeededRandom(7);
            Jitter(net, ref random);
            float[] inputs = GradientCheckTests.RandomInputs(ref random, Batch * net.InputSize);
            float[] targets = Soft(net.OutputSize, ref random, 1.0009);
            double worst = GradientCheckTests.Check($"{name}, rows summing to 1.0009", net, new GradientCheckCase(_ => net), inputs, targets, 1e-4).Gradient;
            output.WriteLine($"{name}, rows summing to 1.0009: max relative gradient error {worst:E2}");
        }
    }

    private static void Jitter(ITrainableNetwork net, ref SeededRandom random)
    {
        Span<float> parameters = net.Parameters;
        for (int i = 0; i < parameters.Length; i++) parameters[i] += 0.2f * (float)random.NextNormal();
    }

    // Random positive weights normalised to sum to `sum` (in double, then rounded to float).
    private static float[] Soft(int classes, ref SeededRandom random, double sum)
    {
        float[] targets = new float[Batch * classes];
        for (int n = 0; n < Batch; n++)
        {
            double[] w = new double[classes];
            for (int k = 0; k < classes; k++) w[k] = 0.05 + random.NextDouble();
            double total = w.Sum();
            for (int k = 0; k < classes; k++) targets[n * classes + k] = (float)(w[k] / total * sum);
        }
        return targets;
    }

    // Keras' label smoothing: (1 - epsilon) one-hot + epsilon / classes.
    private static float[] Smoothed(int classes, ref SeededRandom random, double epsilon)
    {
        float[] targets = new float[Batch * classes];
        for (int n = 0; n < Batch; n++)
        {
            int hot = random.NextInt(classes);
            for (int k = 0; k < classes; k++) targets[n * classes + k] = (float)((k == hot ? 1 - epsilon : 0) + epsilon / classes);
        }
        return targets;
    }
}
