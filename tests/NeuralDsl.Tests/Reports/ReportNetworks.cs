using NeuralDsl;

namespace NeuralDsl.Tests.Reports;

/// <summary>Every layer kind, for the summary's counts.</summary>
[Network(Inputs = 5, Loss = Loss.SparseCategoricalCrossEntropy)]
[Dense(8, Activation.ReLU)]
[BatchNormalization]
[Dropout(0.2f)]
[Dense(6, Activation.Tanh, UseBias = false)]
[Activation(Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class SummaryNet;

/// <summary>A PReLU layer: its slopes are trainable parameters.</summary>
[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.PReLU)]
[Dense(2)]
public partial class PReluSummaryNet;

/// <summary>Three classes from two features, softmax outputs.</summary>
[Network(Inputs = 2, Loss = Loss.SparseCategoricalCrossEntropy, LearningRate = 0.1f)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class ThreeClassNet;

/// <summary>One sigmoid output.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.3f)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class BinarySigmoidNet;

/// <summary>One logit output.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, FromLogits = true)]
[Dense(4, Activation.Tanh)]
[Dense(1)]
public partial class BinaryLogitNet;

/// <summary>Ten classes, class-index targets: top-5 accuracy is not trivially 1.</summary>
[Network(Inputs = 4, Loss = Loss.SparseCategoricalCrossEntropy, LearningRate = 0.05f)]
[Dense(10, Activation.Softmax)]
public partial class TenClassNet;

/// <summary>Ten classes, one-hot targets.</summary>
[Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy, LearningRate = 0.05f)]
[Dense(10, Activation.Softmax)]
public partial class TenClassOneHotNet;
