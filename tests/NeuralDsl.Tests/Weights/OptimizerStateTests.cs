using System;
using System.Collections.Generic;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Tests.Weights;

public class OptimizerStateTests
{
    private const int Count = 37; // not a multiple of the vector width: the scalar tails run too

    public static IEnumerable<object[]> Optimizers() =>
    [
        [new Func<IOptimizer>(() => new Sgd(Count, 0.05f)), "SGD"],
        [new Func<IOptimizer>(() => new Sgd(Count, 0.05f, momentum: 0.9f, nesterov: true)), "SGD/momentum"],
        [new Func<IOptimizer>(() => new Adagrad(Count, 0.1f, learningRateDecay: 0.01f)), "Adagrad"],
        [new Func<IOptimizer>(() => new RMSprop(Count, 0.01f)), "RMSprop"],
        [new Func<IOptimizer>(() => new RMSprop(Count, 0.01f, momentum: 0.5f, centered: true)), "RMSprop/centered/momentum"],
        [new Func<IOptimizer>(() => new Adam(Count, 0.01f)), "Adam"],
        [new Func<IOptimizer>(() => new Adam(Count, 0.01f, amsgrad: true)), "Adam/AMSGrad"],
        [new Func<IOptimizer>(() => new AdamW(Count, 0.01f)), "AdamW"],
    ];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Imported_state_continues_exactly(Func<IOptimizer> create, string tag)
    {
        var random = new SeededRandom(4);
        float[] parameters = new float[Count];
        for (int i = 0; i < Count; i++) parameters[i] = (float)random.NextNormal();
        float[][] gradients = new float[6][];
        for (int s = 0; s < gradients.Length; s++)
        {
            gradients[s] = new float[Count];
            for (int i = 0; i < Count; i++) gradients[s][i] = (float)random.NextNormal();
        }

        IOptimizer first = create();
        for (int s = 0; s < 3; s++) first.Step(parameters, gradients[s]);
        var state = (IOptimizerState)first;
        Assert.Equal(tag, state.StateTag);
        Assert.Equal(3, state.StepCount);
        float[] exported = new float[state.StateLength];
        state.ExportState(exported);

        IOptimizer second = create();
        ((IOptimizerState)second).ImportState(exported, state.StepCount);
        float[] resumed = (float[])parameters.Clone();
        for (int s = 3; s < gradients.Length; s++)
        {
            first.Step(parameters, gradients[s]);
            second.Step(resumed, gradients[s]);
        }
        Assert.Equal(NetworkSnapshot.Bits(parameters), NetworkSnapshot.Bits(resumed));
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Import_checks_length_and_step_count(Func<IOptimizer> create, string tag)
    {
        var state = (IOptimizerState)create();
        Assert.NotNull(tag);
        Assert.Throws<ArgumentException>(() => state.ImportState(new float[state.StateLength + 1], 1));
        Assert.Throws<ArgumentException>(() => state.ExportState(new float[state.StateLength + 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.ImportState(new float[state.StateLength], -1));
    }
}
