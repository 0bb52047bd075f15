using System;
using NeuralDsl.Data;
using NeuralDsl.Optimizers;
using NeuralDsl.Tests.Behaviour;
using NeuralDsl.Tests.Training;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Numbers;

[Network(Inputs = 2, Loss = Loss.Hinge)]
[Dense(4, Activation.Tanh)]
[Dense(2)]
public partial class HingeNet;

[Network(Inputs = 2, Loss = Loss.CategoricalCrossEntropy)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class SoftmaxNet;

/// <summary>
/// The training entry points refuse what they cannot train on (non-finite values, targets the loss
/// cannot take) before anything changes, with a message naming the sample and column; every entry
/// point refuses the same targets.
/// </summary>
public class TrainingInputTests
{
    public static TheoryData<string, int, int, float> NonFinite => new()
    {
        { "inputs", 1, 0, float.NaN },
        { "inputs", 2, 1, float.PositiveInfinity },
        { "targets", 0, 0, float.NaN },
        { "targets", 3, 0, float.NegativeInfinity },
    };

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void Non_finite_data_is_refused_by_train_step_and_compute_gradients_and_changes_nothing(string which, int sample, int column, float value)
    {
        foreach (Func<int, ITrainableNetwork> create in new Func<int, ITrainableNetwork>[] { s => new NanNormalised(s), s => new NanReLULooped(s), s => new Regressor(s) })
        {
            ITrainableNetwork net = create(3), twin = create(3);
            const int Rows = 4;
            float[] inputs = NanPropagationTests.Inputs(net.InputSize, Rows), targets = NanPropagationTests.Targets(net, Rows);
            net.TrainStep(inputs, targets);
            twin.TrainStep(inputs, targets);
            float[] gradients = net.Gradients.ToArray();

            float[] badInputs = (float[])inputs.Clone(), badTargets = (float[])targets.Clone();
            (which == "inputs" ? badInputs : badTargets)[sample * (which == "inputs" ? net.InputSize : net.TargetSize) + column] = value;
            string expected = $"Sample {sample}, {(which == "inputs" ? "input" : "target")} column {column} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            foreach (Action call in new Action[] { () => net.TrainStep(badInputs, badTargets), () => net.ComputeGradients(badInputs, badTargets) })
            {
                var error = Assert.Throws<ArgumentException>(call);
                Assert.Equal(which, error.ParamName);
                Assert.Contains(expected, error.Message);
            }
            Assert.Equal(gradients, net.Gradients.ToArray());
            // Parameters, running statistics and the dropout generator as the twin's: the next steps agree bit for bit.
            Assert.Equal(twin.TrainStep(inputs, targets), net.TrainStep(inputs, targets));
            Assert.Equal(twin.Parameters.ToArray(), net.Parameters.ToArray());
            Assert.Equal(twin.State.ToArray(), net.State.ToArray());
        }
    }

    public static TheoryData<string, float[], string> BadTargets => new()
    {
        { "hinge", [1f, -1f, 0f, 1f], "Sample 1, target column 0 is 0; the hinge loss needs targets of -1 or +1" },
        { "hinge", [1f, -1f, -1f, 1f], "" },
        { "binary", [1f, 2f], "Sample 1, target column 0 is 2; binary cross-entropy needs targets in [0, 1]" },
        { "binary", [1f, -0.5f], "Sample 1, target column 0 is -0.5; binary cross-entropy" },
        { "binary", [1f, 0.25f], "" },
        { "categorical", [0f, 1f, 0f, 1.2f, -0.2f, 0f], "Sample 1, target column 0 is 1.2; categorical cross-entropy needs a distribution" },
        { "categorical", [0f, 1f, 0f, 0.5f, 0f, 0f], "Sample 1 has targets summing to 0.5; categorical cross-entropy needs a distribution" },
        { "categorical", [0f, 1f, 0f, 1f, 1f, 0f], "Sample 1 has targets summing to 2" },
        { "categorical", [0f, 1f, 0f, 0.7f, 0.2f, 0.1f], "" },
        { "categorical", [0f, 1f, 0f, 0.9f, 0.05f, 0.0505f], "" }, // sum 1.0005: within the tolerance of 1e-3
        { "sparse", [3f, 10f], "Sample 1 has target 10, which is not a class index in [0, 10)" },
        { "sparse", [3f, 9f], "" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public void Every_entry_point_refuses_the_same_targets_and_changes_nothing(string loss, float[] targets, string expected)
    {
        ITrainableNetwork net = loss switch
        {
            "hinge" => new HingeNet(),
            "binary" => new XorNet(),
            "categorical" => new SoftmaxNet(),
            _ => new MnistMlp(),
        };
        int rows = targets.Length / net.TargetSize;
        float[] inputs = NanPropagationTests.Inputs(net.InputSize, rows);
        float[] before = net.Parameters.ToArray();
        var data = new Dataset(inputs, net.InputSize, targets, net.TargetSize);
        var calls = new (string Name, Action Call)[]
        {
            ("ComputeLoss", () => net.ComputeLoss(inputs, targets)),
            ("ComputeGradients", () => net.ComputeGradients(inputs, targets)),
            ("TrainStep", () => net.TrainStep(inputs, targets)),
            ("Evaluate", () => net.Evaluate(data)),
            ("Fit", () => net.Fit(data, null, new TrainingOptions { Epochs = 1, BatchSize = rows })),
        };
        foreach ((string name, Action call) in calls)
        {
            if (expected.Length == 0)
            {
                call(); // accepted everywhere
                continue;
            }
            var error = Assert.Throws<ArgumentException>(call);
            Assert.True(error.Message.Contains(expected.Replace("Sample 1", name is "Fit" or "Evaluate" ? $"Sample 1 of the {(name == "Fit" ? "train" : "data")} data" : "Sample 1"), StringComparison.Ordinal),
                $"{name}: {error.Message}");
            Assert.Equal(before, net.Parameters.ToArray());
        }
    }

    [Fact]
    public void A_zero_learning_rate_option_is_named()
    {
        var net = new Regressor();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => net.Fit(TrainingData.Linear(10, 1), null, new TrainingOptions { LearningRate = 0 }));
        Assert.Equal("options", error.ParamName);
        Assert.Contains("TrainingOptions.LearningRate must be positive and finite", error.Message);
    }

    [Fact]
    public void Batch_normalisation_on_one_sample_blames_the_data_not_the_batch_size()
    {
        var net = new BlobClassifier();
        var error = Assert.Throws<ArgumentException>(() => net.Fit(new Dataset([0.5f, 1f], 2, [1f], 1), null, new TrainingOptions { BatchSize = 32 }));
        Assert.Equal("train", error.ParamName);
        Assert.Contains("the training data has 1 sample", error.Message);
        Assert.DoesNotContain("BatchSize", error.Message);

        error = Assert.Throws<ArgumentException>(() => net.Fit(new Dataset(new float[8], 2, new float[4], 1), null, new TrainingOptions { BatchSize = 1 }));
        Assert.Contains("use a BatchSize of at least 2", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_wrong_size_optimiser_is_refused_before_the_first_step(bool inOptions)
    {
        var net = new BlobClassifier();
        float[] parameters = net.Parameters.ToArray(), state = net.State.ToArray();
        var wrong = new Adam(BlobClassifier.ParameterCount + 1);
        if (!inOptions) net.TrainingOptimizer = wrong;
        int batches = 0;
        var error = Assert.Throws<ArgumentException>(() => net.Fit(TrainingData.Blobs(30, 1), null, new TrainingOptions
        {
            Optimizer = inOptions ? wrong : null,
            OnBatchEnd = _ => batches++,
        }));
        Assert.Equal(inOptions ? "options" : "network", error.ParamName);
        Assert.Contains($"built for {BlobClassifier.ParameterCount + 1} parameters, but the network has {BlobClassifier.ParameterCount}", error.Message);
        Assert.Equal(0, batches);
        Assert.Equal(parameters, net.Parameters.ToArray());
        Assert.Equal(state, net.State.ToArray());
    }
}
