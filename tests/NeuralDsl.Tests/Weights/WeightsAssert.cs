using System;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Tests.Weights;

/// <summary>Bit-level snapshots of a network (parameters, state, optimiser state) to prove that a failed load changed nothing.</summary>
internal sealed record NetworkSnapshot(int[] Parameters, int[] State, int[] Optimizer, long Steps)
{
    public static NetworkSnapshot Of(INetwork network)
    {
        int[] optimizer = [];
        long steps = -1;
        if (network is ITrainableNetwork { TrainingOptimizer: IOptimizerState state })
        {
            float[] buffers = new float[state.StateLength];
            state.ExportState(buffers);
            optimizer = Bits(buffers);
            steps = state.StepCount;
        }
        return new NetworkSnapshot(Bits(network.Parameters), Bits(network.State), optimizer, steps);
    }

    public static int[] Bits(ReadOnlySpan<float> values)
    {
        int[] bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++) bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }

    public void AssertSame(NetworkSnapshot other)
    {
        Assert.Equal(Parameters, other.Parameters);
        Assert.Equal(State, other.State);
        Assert.Equal(Optimizer, other.Optimizer);
        Assert.Equal(Steps, other.Steps);
    }
}
