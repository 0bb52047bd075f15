using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Networks designed by the book, with every optional declaration the rules read (task, classes,
/// scaling, training settings): the analyzer must raise nothing on any of them. A rule that fires here
/// is a false positive.
/// </summary>
public class WellDesignedNetworkTests
{
    [Fact]
    public void Mnist_mlp() => RuleTests.VerifyClean("""
        [Network(Inputs = 784, Task = LearningTask.Multiclass, Classes = 10, InputScaling = Scaling.MinMax01,
            Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f,
            Epochs = 20, BatchSize = 128, ValidationSplit = 0.1f, EarlyStoppingMonitor = "val_loss", EarlyStoppingPatience = 3)]
        [Dense(128, Activation.ReLU)]
        [Dropout(0.2f)]
        [Dense(64, Activation.ReLU)]
        [Dropout(0.2f)]
        [Dense(10, Activation.Softmax)]
        public partial class MnistMlp;
        """);

    [Fact]
    public void Regression_with_declared_scaling() => RuleTests.VerifyClean("""
        [Network(Inputs = 13, Task = LearningTask.Regression, InputScaling = Scaling.Standardized, TargetScaling = Scaling.Standardized,
            Loss = Loss.Huber, Optimizer = Optimizer.AdamW, LearningRate = 1e-3f, WeightDecay = 1e-4f, Epochs = 200, BatchSize = 32,
            ClipNorm = 1f)]
        [Dense(64, Activation.ReLU, KernelL2 = 1e-4f)]
        [Dense(32, Activation.ReLU, KernelL2 = 1e-4f)]
        [Dense(1)]
        public partial class HousePrices;
        """);

    [Fact]
    public void Logistic_regression() => RuleTests.VerifyClean("""
        [Network(Inputs = 30, Task = LearningTask.Binary, InputScaling = Scaling.Standardized,
            Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Sgd, LearningRate = 0.1f)]
        [Dense(1, Activation.Sigmoid)]
        public partial class LogisticRegression;
        """);

    [Fact]
    public void Logistic_regression_on_logits() => RuleTests.VerifyClean("""
        [Network(Inputs = 30, Task = LearningTask.Binary, InputScaling = Scaling.Standardized,
            Loss = Loss.BinaryCrossEntropy, FromLogits = true, Optimizer = Optimizer.Sgd, LearningRate = 0.1f)]
        [Dense(1)]
        public partial class LogisticRegressionOnLogits;
        """);

    [Fact]
    public void Selu_network_with_lecun_init_and_no_dropout() => RuleTests.VerifyClean("""
        [Network(Inputs = 20, Task = LearningTask.Multiclass, Classes = 5, InputScaling = Scaling.Standardized,
            Loss = Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd, LearningRate = 0.01f, Momentum = 0.9f, Nesterov = true)]
        [Dense(64, Activation.SELU, WeightInit = Init.LeCunNormal)]
        [Dense(64, Activation.SELU, WeightInit = Init.LeCunNormal)]
        [Dense(64, Activation.SELU, WeightInit = Init.LeCunNormal)]
        [Dense(64, Activation.SELU, WeightInit = Init.LeCunNormal)]
        [Dense(5, Activation.Softmax)]
        public partial class SelfNormalising;
        """);

    [Fact]
    public void Batch_normalised_deep_relu_network() => RuleTests.VerifyClean("""
        [Network(Inputs = 16, Task = LearningTask.Multiclass, Classes = 3, InputScaling = Scaling.Standardized,
            Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Sgd, LearningRate = 0.1f, Momentum = 0.9f)]
        [Dense(32, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.ReLU)]
        [Dense(32, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.ReLU)]
        [Dropout(0.5f)]
        [Dense(3, Activation.Softmax)]
        public partial class NormalisedClassifier;
        """);

    [Fact]
    public void Two_tanh_layers_for_a_bounded_regression() => RuleTests.VerifyClean("""
        [Network(Inputs = 2, Task = LearningTask.Regression, InputScaling = Scaling.MinMax11, TargetScaling = Scaling.MinMax11,
            Loss = Loss.MeanSquaredError, Optimizer = Optimizer.RMSprop, LearningRate = 0.001f)]
        [Dense(16, Activation.Tanh)]
        [Dense(16, Activation.Tanh)]
        [Dense(1, Activation.Tanh)]
        public partial class BoundedRegressor;
        """);

    // The convolutional networks of samples/FashionCnn, tests/NeuralDsl.Tests/Convolution and
    // tests/NeuralDsl.Onnx.Tests/ConvolutionNetworks.cs, as declared there.

    [Fact]
    public void Fashion_cnn_sample() => RuleTests.VerifyClean("""
        [Network(InputShape = [28, 28, 1], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
        [Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]
        [MaxPool2D(2)]
        [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
        [MaxPool2D(2)]
        [Flatten]
        [Dense(128, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class FashionCnnNet;
        """);

    [Fact]
    public void Fashion_sized_cnn_with_valid_padding_and_dropout() => RuleTests.VerifyClean("""
        [Network(InputShape = [28, 28, 1], Task = LearningTask.Multiclass, Classes = 10, InputScaling = Scaling.MinMax01,
            Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
        [Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]
        [MaxPool2D(2)]
        [Conv2D(32, 3, Activation.ReLU)]
        [MaxPool2D(2)]
        [Flatten]
        [Dropout(0.25f)]
        [Dense(64, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class FashionSizedCnn;
        """);

    [Fact]
    public void Strided_same_cnn() => RuleTests.VerifyClean("""
        [Network(InputShape = [10, 10, 2], Loss = Loss.CategoricalCrossEntropy)]
        [Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same)]
        [Conv2D(6, 3, Activation.Tanh, Strides = 2, Padding = Padding.Same)]
        [MaxPool2D(2, Padding = Padding.Same)]
        [Flatten]
        [Dropout(0.2f)]
        [Dense(5, Activation.Softmax)]
        public partial class SameCnn;
        """);

    [Fact]
    public void Average_pooled_cnn_with_global_pooling() => RuleTests.VerifyClean("""
        [Network(InputShape = [8, 7, 3], Loss = Loss.MeanSquaredError)]
        [Conv2D(5, 2, Activation.PReLU, Alpha = 0.1f)]
        [Dropout(0.3f)]
        [AveragePool2D(3, Strides = 2, Padding = Padding.Same)]
        [Conv2D(4, 1, Activation.ELU, UseBias = false)]
        [AveragePool2D(2, Strides = 1)]
        [GlobalAveragePooling2D]
        [Dense(3)]
        public partial class AverageCnn;
        """);

    [Fact]
    public void Sequence_cnn() => RuleTests.VerifyClean("""
        [Network(InputShape = [12, 3], Loss = Loss.BinaryCrossEntropy)]
        [Conv1D(4, 3, Activation.ReLU, Strides = 2, Padding = Padding.Same)]
        [MaxPool1D(2)]
        [Flatten]
        [Dense(2, Activation.Sigmoid)]
        public partial class SequenceCnn;
        """);

    [Fact]
    public void Image_out_cnn() => RuleTests.VerifyClean("""
        [Network(InputShape = [5, 6, 2], Loss = Loss.MeanSquaredError)]
        [Conv2D(3, 2, Activation.Tanh, Strides = 2, Padding = Padding.Same)]
        public partial class ImageOutCnn;
        """);
}
