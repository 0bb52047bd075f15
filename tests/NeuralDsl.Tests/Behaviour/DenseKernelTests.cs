using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>The input-major dense kernels against a plain double-precision triple loop, on awkward sizes.</summary>
public class DenseKernelTests
{
    public static TheoryData<int, int, int, bool> Shapes => new()
    {
        { 1, 1, 1, true }, { 3, 7, 1, false }, { 8, 16, 5, true }, { 16, 33, 4, true }, { 20, 70, 9, false },
        { 5, 128, 13, true }, { 64, 10, 8, true }, { 2, 17, 3, false },
    };

    private static float[] Random(ref SeededRandom random, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)random.NextNormal();
        return values;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_and_batch_forward_match_the_definition(int inputs, int units, int batch, bool withBias)
    {
        var random = new SeededRandom(inputs * 1000 + units);
        float[] w = Random(ref random, inputs * units), b = withBias ? Random(ref random, units) : [], x = Random(ref random, batch * inputs);
        float[] single = new float[batch * units], batched = new float[batch * units];
        for (int n = 0; n < batch; n++) DenseKernels.Forward(w, b, x.AsSpan(n * inputs, inputs), single.AsSpan(n * units, units));
        DenseKernels.ForwardBatch(w, b, x, batched, inputs, units);
        for (int n = 0; n < batch; n++)
        for (int j = 0; j < units; j++)
        {
            double exact = withBias ? b[j] : 0, magnitude = Math.Abs(exact);
            for (int i = 0; i < inputs; i++)
            {
                exact += (double)x[n * inputs + i] * w[i * units + j];
                magnitude += Math.Abs((double)x[n * inputs + i] * w[i * units + j]);
            }
            // Rounding error of a float sum is bounded by its terms' magnitudes, not by its result.
            double bound = 1e-6 * (magnitude + 1e-30);
            Assert.True(Math.Abs(single[n * units + j] - exact) <= bound, $"forward [{n},{j}] {single[n * units + j]} vs {exact}");
            Assert.True(Math.Abs(batched[n * units + j] - exact) <= bound, $"batch [{n},{j}] {batched[n * units + j]} vs {exact}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradients_match_the_definition(int inputs, int units, int batch, bool withBias)
    {
        _ = batch;
        var random = new SeededRandom(inputs * 7 + units);
        float[] w = Random(ref random, inputs * units), x = Random(ref random, inputs), d = Random(ref random, units);
        float[] gw = Random(ref random, inputs * units), gb = withBias ? Random(ref random, units) : [];
        float[] gw0 = (float[])gw.Clone(), gb0 = (float[])gb.Clone(), dx = new float[inputs];
        DenseKernels.AccumulateGradients(x, d, gw, gb);
        DenseKernels.InputGradient(w, d, dx);
        for (int i = 0; i < inputs; i++)
        {
            double exact = 0, magnitude = 0;
            for (int j = 0; j < units; j++)
            {
                double expected = gw0[i * units + j] + (double)x[i] * d[j];
                Assert.True(Math.Abs(gw[i * units + j] - expected) <= 1e-6 * (Math.Abs(gw0[i * units + j]) + Math.Abs((double)x[i] * d[j])));
                exact += (double)w[i * units + j] * d[j];
                magnitude += Math.Abs((double)w[i * units + j] * d[j]);
            }
            Assert.True(Math.Abs(dx[i] - exact) <= 1e-6 * magnitude, $"dx[{i}] {dx[i]} vs {exact}");
        }
        for (int j = 0; j < gb.Length; j++) Assert.True(Math.Abs(gb[j] - (gb0[j] + (double)d[j])) <= 1e-6 * (Math.Abs(gb0[j]) + Math.Abs(d[j])));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Batch_gradient_accumulation_matches_one_sample_at_a_time(int inputs, int units, int batch, bool withBias)
    {
        var random = new SeededRandom(inputs * 31 + units + batch);
        float[] x = Random(ref random, batch * inputs), d = Random(ref random, batch * units);
        for (int i = 0; i < x.Length; i += 3) x[i] = 0f; // ReLU-like zeros exercise the skip
        float[] gw = Random(ref random, inputs * units), gb = withBias ? Random(ref random, units) : [];
        float[] expectedW = (float[])gw.Clone(), expectedB = (float[])gb.Clone();
        for (int n = 0; n < batch; n++)
            DenseKernels.AccumulateGradients(x.AsSpan(n * inputs, inputs), d.AsSpan(n * units, units), expectedW, expectedB);
        DenseKernels.AccumulateGradientsBatch(x, d, gw, gb, inputs, units);
        for (int k = 0; k < gw.Length; k++) Assert.True(Math.Abs(gw[k] - expectedW[k]) <= 1e-5 * (1 + Math.Abs(expectedW[k])), $"gW[{k}] {gw[k]} vs {expectedW[k]}");
        for (int k = 0; k < gb.Length; k++) Assert.True(Math.Abs(gb[k] - expectedB[k]) <= 1e-5 * (1 + Math.Abs(expectedB[k])), $"gb[{k}] {gb[k]} vs {expectedB[k]}");
    }
}
