using NeuralDsl;
using NeuralDsl.Data;

namespace NeuralDsl.Tools.Tests.Progress;

/// <summary>A small classifier whose training the progress tests watch.</summary>
[Network(Inputs = 2, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(8, Activation.ReLU)]
[Dense(2, Activation.Softmax)]
public partial class ProgressNet
{
    /// <summary>Points of the square, class 1 above the diagonal.</summary>
    public static Dataset Diagonal(int count)
    {
        var random = new System.Random(3);
        var features = new float[count, 2];
        var targets = new float[count];
        for (int i = 0; i < count; i++)
        {
            features[i, 0] = (float)random.NextDouble();
            features[i, 1] = (float)random.NextDouble();
            targets[i] = features[i, 1] > features[i, 0] ? 1 : 0;
        }
        return new Dataset(features, targets);
    }
}
