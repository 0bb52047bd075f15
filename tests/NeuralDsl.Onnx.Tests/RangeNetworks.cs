using NeuralDsl;

namespace NeuralDsl.Onnx.Tests;

// One activation each on an identity Dense layer (the test sets kernel = I, bias = 0), so that the
// activation sees exactly the test's inputs: the whole float range, from -1e4 to 1e4.

[Network(Inputs = 15)]
[Dense(15)]
public partial class RangeLinear;

[Network(Inputs = 15)]
[Dense(15, Activation.Sigmoid)]
public partial class RangeSigmoid;

[Network(Inputs = 15)]
[Dense(15, Activation.Tanh)]
public partial class RangeTanh;

[Network(Inputs = 15)]
[Dense(15, Activation.ReLU)]
public partial class RangeRelu;

[Network(Inputs = 15)]
[Dense(15, Activation.LeakyReLU, Alpha = 0.2f)]
public partial class RangeLeakyRelu;

[Network(Inputs = 15)]
[Dense(15, Activation.ELU, Alpha = 0.7f)]
public partial class RangeElu;

[Network(Inputs = 15)]
[Dense(15, Activation.SELU)]
public partial class RangeSelu;

[Network(Inputs = 15)]
[Dense(15, Activation.Softplus)]
public partial class RangeSoftplus;

[Network(Inputs = 15)]
[Dense(15, Activation.PReLU, Alpha = 0.3f)]
public partial class RangePRelu;

[Network(Inputs = 15)]
[Dense(15, Activation.Step)]
public partial class RangeStep;

/// <summary>Softmax over the row: the test shifts the row by large amounts, where a naive exponential overflows.</summary>
[Network(Inputs = 15)]
[Dense(15, Activation.Softmax)]
public partial class RangeSoftmax;
