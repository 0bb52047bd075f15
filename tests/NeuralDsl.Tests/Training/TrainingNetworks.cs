using NeuralDsl;

namespace NeuralDsl.Tests.Training;

[Network(Inputs = 2, Loss = Loss.MeanSquaredError, LearningRate = 0.05f)]
[Dense(8, Activation.Tanh)]
[Dense(1)]
public partial class Regressor;

[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
[Dense(1, Activation.Sigmoid)]
public partial class LogisticRegression;

[Network(Inputs = 2, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(16, UseBias = false)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dropout(0.1f)]
[Dense(3, Activation.Softmax)]
public partial class BlobClassifier;

[Network(Inputs = 2)]
[Dense(1, Activation.Step)]
public partial class AndPerceptron;
