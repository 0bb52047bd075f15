// Recurrent networks for the gradient checks: each kind, both outputs (last step, every step under a
// stacked layer), both GRU forms, bidirectional layers, an embedding in front, and dense layers after.
using NeuralDsl;

namespace NeuralDsl.Tests.GradientCheck;

[Network(InputShape = [5, 3], Loss = Loss.MeanSquaredError)]
[SimpleRNN(4)]                                              // (4)
[Dense(2)]
public partial class GradSimpleRnn;

[Network(InputShape = [4, 2], Loss = Loss.CategoricalCrossEntropy)]
[LSTM(5, ReturnSequences = true)]                           // (4, 5)
[LSTM(3)]                                                   // (3)
[Dense(3, Activation.Softmax)]
public partial class GradStackedLstm;

[Network(InputShape = [6, 3], Loss = Loss.BinaryCrossEntropy)]
[GRU(4)]                                                    // (4), reset after
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class GradGruResetAfter;

[Network(InputShape = [5, 2], Loss = Loss.MeanSquaredError)]
[GRU(3, ResetAfter = false, ReturnSequences = true)]        // (5, 3), reset before
[Flatten]
[Dense(2)]
public partial class GradGruResetBefore;

[Network(InputShape = [4, 3], Loss = Loss.SparseCategoricalCrossEntropy)]
[LSTM(3, Bidirectional = true, ReturnSequences = true)]     // (4, 6)
[GRU(2, Bidirectional = true)]                              // (4)
[Dense(3, Activation.Softmax)]
public partial class GradBidirectional;

[Network(Inputs = 6, Loss = Loss.MeanSquaredError)]
[Embedding(7, 3)]                                           // (6, 3)
[SimpleRNN(4, Bidirectional = true, KernelL2 = 0.01f)]      // (8)
[Dense(1)]
public partial class GradEmbeddingRnn;
