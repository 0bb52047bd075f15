using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The generated code of representative networks, compared with checked-in baselines in
/// <c>Snapshots/</c>. Each also compiles with zero warnings, XML documentation included.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public void Xor_unrolled() => Verify("""
        using NeuralDsl;

        namespace Samples;

        /// <summary>Two inputs, a tanh hidden layer, one sigmoid output.</summary>
        [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
        [Dense(4, Activation.Tanh)]
        [Dense(1, Activation.Sigmoid)]
        public partial class XorNet;
        """);

    [Fact]
    public void Normalised_regularised_with_adam() => Verify("""
        using NeuralDsl;

        namespace Samples;

        /// <summary>Keras' Dense, BatchNormalization, Activation pattern, dropout, a penalty and Adam.</summary>
        [Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
        [Dense(4, UseBias = false, KernelL2 = 1e-4f)]
        [BatchNormalization]
        [Activation(Activation.ReLU)]
        [Dropout(0.25f)]
        [Dense(3, Activation.Softmax)]
        public partial class ClassifierNet;
        """);

    [Fact]
    public void Small_cnn() => Verify("""
        using NeuralDsl;

        namespace Samples.Fashion;

        /// <summary>Two convolution blocks then a dense softmax: a Fashion-MNIST classifier at toy size.</summary>
        [Network(InputShape = [8, 8, 1], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
        [Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same)]
        [MaxPool2D(2)]
        [Conv2D(8, 3, Activation.ReLU)]
        [Flatten]
        [Dropout(0.25f)]
        [Dense(3, Activation.Softmax)]
        public partial class SmallCnn;
        """);

    [Fact]
    public void Stacked_recurrent_streaming() => Verify("""
        using NeuralDsl;

        namespace Samples.Sequences;

        /// <summary>Token ids through an embedding, a sequence-returning LSTM and a GRU, then a dense softmax: it trains and streams.</summary>
        [Network(Inputs = 6, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f, ClipNorm = 1f)]
        [Embedding(12, 3)]
        [LSTM(4, ReturnSequences = true)]
        [GRU(2)]
        [Dense(3, Activation.Softmax)]
        public partial class TokenTagger;
        """);

    [Fact]
    public void Bidirectional_gru() => Verify("""
        using NeuralDsl;

        namespace Samples.Sequences;

        /// <summary>A bidirectional reset-before GRU over a short sequence: no streaming.</summary>
        [Network(InputShape = [5, 2], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
        [GRU(3, Bidirectional = true, ResetAfter = false, KernelL2 = 0.01f)]
        [Dense(1)]
        public partial class BothWays;
        """);

    [Fact]
    public void Cnn_with_batch_normalisation() => Verify("""
        using NeuralDsl;

        namespace Samples.Fashion;

        /// <summary>Keras' Conv2D, BatchNormalization, Activation block: statistics per channel over the batch and every position.</summary>
        [Network(InputShape = [6, 6, 2], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
        [Conv2D(4, 3, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.ReLU)]
        [MaxPool2D(2)]
        [Flatten]
        [Dense(3, Activation.Softmax)]
        public partial class NormalisedCnn;
        """);

    [Fact]
    public void Mnist_looped() => Verify("""
        using NeuralDsl;

        namespace Samples.Digits;

        /// <summary>A classic MNIST multilayer perceptron.</summary>
        [Network(Inputs = 784, Loss = Loss.CategoricalCrossEntropy, LearningRate = 0.1f)]
        [Dense(128, Activation.ReLU)]
        [Dense(64, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class MnistNet;
        """);

    [Fact]
    public void Deep_tanh_regressor() => Verify("""
        using NeuralDsl;

        namespace Samples;

        /// <summary>Ten narrow tanh layers and a linear output.</summary>
        [Network(Inputs = 8, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(1)]
        public partial class DeepNet;
        """);

    [Fact]
    public void PReLU_with_Huber() => Verify("""
        using NeuralDsl;

        namespace Samples;

        /// <summary>Learned slopes and a robust loss.</summary>
        [Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f, Seed = 7)]
        [Dense(5, Activation.PReLU, Alpha = 0.1f)]
        [Dense(2)]
        public partial class RobustNet;
        """);

    [Fact]
    public void Step_perceptron_inference_only() => Verify("""
        using NeuralDsl;

        namespace Samples;

        /// <summary>A hand-set perceptron: no loss, so no training members.</summary>
        [Network(Inputs = 2)]
        [Dense(1, Activation.Step, WeightInit = Init.Constant, WeightValue = 1f, BiasInit = Init.Constant, BiasValue = -1.5f)]
        public partial class AndGate;
        """);

    [Fact]
    public void Global_namespace() => Verify("""
        using NeuralDsl;

        /// <summary>Declared outside any namespace.</summary>
        [Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy)]
        [Dense(6, Activation.LeakyReLU, Alpha = 0.2f, WeightInit = Init.RandomNormal, WeightStdDev = 0.1f)]
        [Dense(3, Activation.Softmax)]
        public partial class GlobalNet;
        """);

    [Fact]
    public void Wide_hidden_layer_rents_its_buffer() => Verify("""
        using NeuralDsl;

        namespace Samples;

        /// <summary>Hidden activations too large for the stack.</summary>
        [Network(Inputs = 4, Loss = Loss.MeanAbsoluteError)]
        [Dense(20000, Activation.ELU)]
        [Dense(2, Activation.Softplus)]
        public partial class WideNet;
        """);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorHarness.RunAndAssertClean(source);
        Snapshot.Match(run.SingleSource, testName: testName);
    }
}
