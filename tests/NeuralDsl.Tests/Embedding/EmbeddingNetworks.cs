namespace NeuralDsl.Tests.Embedding;

/// <summary>Every layer kind and a parametrised activation; its weights are exported to mixed.weights.json.</summary>
[Network(Inputs = 5, Seed = 7)]
[Dense(8, Activation.Tanh)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dropout(0.2f)]
[Dense(6, Activation.PReLU)]
[Dense(48, Activation.ELU, UseBias = false)]
[Dense(3, Activation.Softmax)]
public partial class MixedNet;

/// <summary><see cref="MixedNet"/> with the exported weights compiled in.</summary>
[Network(Inputs = 5, Weights = "mixed.weights.json")]
[Dense(8, Activation.Tanh)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dropout(0.2f)]
[Dense(6, Activation.PReLU)]
[Dense(48, Activation.ELU, UseBias = false)]
[Dense(3, Activation.Softmax)]
public partial class BakedMixedNet;

/// <summary>The PyTorch network of tests/reference/make_rtneural_reference.py, to load its RTNeural model at run time.</summary>
[Network(Inputs = 4)]
[Dense(8, Activation.Tanh)]
[BatchNormalization(Epsilon = 1e-3f)]
[Dense(6, Activation.PReLU)]
[Dense(3, Activation.Softmax)]
public partial class TorchNet;

/// <summary>The same network with the RTNeural model compiled in.</summary>
[Network(Inputs = 4, Weights = "Embedding/rtneural.model.json")]
[Dense(8, Activation.Tanh)]
[BatchNormalization(Epsilon = 1e-3f)]
[Dense(6, Activation.PReLU)]
[Dense(3)]
[Activation(Activation.Softmax)]
public partial class BakedTorchNet;
