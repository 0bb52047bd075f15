using System;
using NeuralDsl.Data;
using NeuralDsl.Tests.GradientCheck;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Convolution;

/// <summary>
/// Batch normalisation after a convolution takes its statistics over the batch and every position, so one
/// sample of several positions is a batch it can normalise, as in Keras; one value per channel and sample
/// (a vector) still needs two samples.
/// </summary>
public class BatchOfOneTests
{
    [Fact]
    public void One_image_trains_and_its_gradient_matches_finite_differences()
    {
        var net = new Conv2DBatchNormRelu(seed: 4);
        var random = new SeededRandom(11);
        float[] inputs = GradientCheckTests.RandomInputs(ref random, Conv2DBatchNormRelu.InputSize);
        float[] targets = [0.5f, -1f];
        (double gradientError, _) = GradientCheckTests.Check("Conv2DBatchNormRelu, batch of 1", net, new GradientCheckCase(seed => new Conv2DBatchNormRelu(seed)), inputs, targets, 1e-3);
        Assert.True(gradientError <= 1e-3);

        // Fit too: one sample per batch, every sample used.
        var data = new Dataset(RepeatRows(inputs, 3), Conv2DBatchNormRelu.InputSize, RepeatRows(targets, 3), 2);
        History history = net.Fit(data, validation: null, new TrainingOptions { Epochs = 2, BatchSize = 1 });
        Assert.Equal(2, history.EpochCount);
        Assert.True(double.IsFinite(history.Value("loss", 1)));
    }

    [Fact]
    public void A_vector_batch_normalisation_still_needs_two_samples_and_a_refused_step_changes_nothing()
    {
        var net = new GradBatchNormFirstAndLast();
        float[] inputs = new float[GradBatchNormFirstAndLast.InputSize], targets = new float[GradBatchNormFirstAndLast.TargetSize];
        float[] parameters = net.Parameters.ToArray(), state = net.State.ToArray();
        var e = Assert.Throws<ArgumentException>(() => net.TrainStep(inputs, targets));
        Assert.Contains("BatchNormalization", e.Message);
        Assert.Equal(parameters, net.Parameters.ToArray());
        Assert.Equal(state, net.State.ToArray());
    }

    private static float[] RepeatRows(float[] row, int times)
    {
        float[] rows = new float[row.Length * times];
        for (int i = 0; i < times; i++) row.CopyTo(rows, i * row.Length);
        return rows;
    }
}
