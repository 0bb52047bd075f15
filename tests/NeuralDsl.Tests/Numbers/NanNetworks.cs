using NeuralDsl;

namespace NeuralDsl.Tests.Numbers;

// One pair of networks per activation for the NaN tests: a small hidden layer of 12 units (unrolled: a
// vector block of eight and four scalar units, tanh and ReLU applied in registers) and a looped one,
// 24 inputs by 20 units (above EmitPolicy.UnrollLimit: DenseKernels, two vector blocks and four scalar
// units, the blocked batch product in PredictBatch). Step cannot be trained, so its networks are
// inference-only.

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.Sigmoid)]
[Dense(2)]
public partial class NanSigmoidSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.Sigmoid)]
[Dense(2)]
public partial class NanSigmoidLooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.Tanh)]
[Dense(2)]
public partial class NanTanhSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.Tanh)]
[Dense(2)]
public partial class NanTanhLooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.ReLU)]
[Dense(2)]
public partial class NanReLUSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.ReLU)]
[Dense(2)]
public partial class NanReLULooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.LeakyReLU)]
[Dense(2)]
public partial class NanLeakyReLUSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.LeakyReLU)]
[Dense(2)]
public partial class NanLeakyReLULooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.ELU)]
[Dense(2)]
public partial class NanELUSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.ELU)]
[Dense(2)]
public partial class NanELULooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.SELU)]
[Dense(2)]
public partial class NanSELUSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.SELU)]
[Dense(2)]
public partial class NanSELULooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.Softplus)]
[Dense(2)]
public partial class NanSoftplusSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.Softplus)]
[Dense(2)]
public partial class NanSoftplusLooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.PReLU)]
[Dense(2)]
public partial class NanPReLUSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.PReLU)]
[Dense(2)]
public partial class NanPReLULooped;

[Network(Inputs = 3)]
[Dense(12, Activation.Step)]
[Dense(2)]
public partial class NanStepSmall;

[Network(Inputs = 24)]
[Dense(20, Activation.Step)]
[Dense(2)]
public partial class NanStepLooped;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.Linear)]
[Dense(2)]
public partial class NanLinearSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError)]
[Dense(20, Activation.Linear)]
[Dense(2)]
public partial class NanLinearLooped;

[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy)]
[Dense(12, Activation.ReLU)]
[Dense(4, Activation.Softmax)]
public partial class NanSoftmaxSmall;

[Network(Inputs = 24, Loss = Loss.CategoricalCrossEntropy)]
[Dense(20, Activation.ReLU)]
[Dense(16, Activation.Softmax)]
public partial class NanSoftmaxLooped;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(12, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public partial class NanSigmoidOutput;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(12)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dropout(0.2f)]
[Dense(2)]
public partial class NanNormalised;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError, ExactActivations = true)]
[Dense(12, Activation.Tanh)]
[Dense(2, Activation.Sigmoid)]
public partial class NanExactSmall;

[Network(Inputs = 24, Loss = Loss.MeanSquaredError, ExactActivations = true)]
[Dense(20, Activation.Tanh)]
[Dense(2, Activation.Sigmoid)]
public partial class NanExactLooped;
