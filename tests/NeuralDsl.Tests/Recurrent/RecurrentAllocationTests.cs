using NeuralDsl.Recurrent;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>The recurrent kernels allocate nothing: every buffer is the caller's.</summary>
public class RecurrentAllocationTests
{
    [Fact]
    public void Step_allocates_nothing()
    {
        var lstm = new LstmGeometry(1, 1, 16);
        var gru = new GruGeometry(1, 8, 32, resetAfter: true);
        var gruBefore = new GruGeometry(1, 8, 32, resetAfter: false);
        var rnn = new SimpleRnnGeometry(1, 3, 10);
        float[] lp = new float[lstm.ParameterCount], ls = new float[lstm.StateSize], lx = new float[1], lh = new float[16], lscratch = new float[lstm.StepScratchSize];
        float[] gp = new float[gru.ParameterCount], gbp = new float[gruBefore.ParameterCount], gs = new float[32], gx = new float[8], gh = new float[32], gscratch = new float[gru.StepScratchSize], gbscratch = new float[gruBefore.StepScratchSize];
        float[] rp = new float[rnn.ParameterCount], rs = new float[10], rx = new float[3], rh = new float[10], rscratch = new float[10];
        Assert.Equal(0, Allocations.PerRound(() => LstmKernels.Step(lstm, lx, ls, lp, lh, lscratch)));
        Assert.Equal(0, Allocations.PerRound(() => GruKernels.Step(gru, gx, gs, gp, gh, gscratch)));
        Assert.Equal(0, Allocations.PerRound(() => GruKernels.Step(gruBefore, gx, gs, gbp, gh, gbscratch)));
        Assert.Equal(0, Allocations.PerRound(() => SimpleRnnKernels.Step(rnn, rx, rs, rp, rh, rscratch)));
        Assert.Equal(0, Allocations.PerRound(() => LstmKernels.Reset(lstm, ls)));
    }

    [Theory]
    [InlineData("SimpleRnn", false, false)]
    [InlineData("Lstm", false, false)]
    [InlineData("Gru", true, false)]
    [InlineData("Gru", false, false)]
    [InlineData("SimpleRnn", false, true)]
    [InlineData("Lstm", false, true)]
    [InlineData("Gru", true, true)]
    [InlineData("Gru", false, true)]
    public void Forward_and_backward_allocate_nothing(string kind, bool resetAfter, bool bidirectional)
    {
        var c = new RecurrentCase(System.Enum.Parse<RecurrentKind>(kind), 6, 3, 9, resetAfter, bidirectional);
        (float[] x, float[] p) = RecurrentGradientTests.Sample(c, 1);
        float[] cache = new float[c.CacheSize], y = new float[c.OutputSize(true)], last = new float[c.OutputSize(false)];
        float[] gradients = new float[c.ParameterCount], dx = new float[c.InputSize], scratch = new float[c.BackwardScratchSize];
        Assert.Equal(0, Allocations.PerRound(() => c.Forward(x, p, cache, y, true), calls: 200, warmUp: 100));
        Assert.Equal(0, Allocations.PerRound(() => c.Backward(x, p, cache, y, true, gradients, dx, scratch), calls: 200, warmUp: 100));
        Assert.Equal(0, Allocations.PerRound(() => c.Forward(x, p, cache, last, false), calls: 200, warmUp: 100));
        Assert.Equal(0, Allocations.PerRound(() => c.Backward(x, p, cache, last, false, gradients, [], scratch), calls: 200, warmUp: 100));
    }
}
