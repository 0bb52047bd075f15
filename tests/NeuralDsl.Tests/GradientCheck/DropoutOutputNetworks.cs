// Output layers followed by dropout (ND403, a warning, so these are generated): the loss reads the
// dropped-out outputs, so softmax or sigmoid must not be fused with the cross-entropy here; the
// gradient flows back through the mask and then through the activation.
using NeuralDsl;

namespace NeuralDsl.Tests.GradientCheck;

#pragma warning disable ND403 // deliberately dropout after the output layer, to check its gradient
[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy)]
[Dense(5, Activation.Tanh)]
[Dense(5, Activation.Softmax)]
[Dropout(0.3f)]
public partial class GradSoftmaxDropoutCce;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy)]
[Dense(5, Activation.ELU)]
[Dense(5, Activation.Softmax)]
[Dropout(0.3f)]
public partial class GradSoftmaxDropoutSparseCce;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(5, Activation.Softmax)]
[Dropout(0.3f)]
public partial class GradSoftmaxDropoutMse;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
[Dropout(0.2f)]
public partial class GradSigmoidDropoutBce;
#pragma warning restore ND403
