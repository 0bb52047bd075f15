namespace NeuralDsl.Generator.Model;

// Mirrors of the runtime enums (the generator cannot reference the runtime assembly). Values must
// match NeuralDsl.Activation, NeuralDsl.Loss, NeuralDsl.Init, NeuralDsl.LayerKind, NeuralDsl.Optimizer,
// NeuralDsl.LearningTask, NeuralDsl.Scaling and NeuralDsl.Padding; a test checks it.

internal enum ActivationKind
{
    Linear = 0,
    Sigmoid = 1,
    Tanh = 2,
    ReLU = 3,
    LeakyReLU = 4,
    ELU = 5,
    SELU = 6,
    Softplus = 7,
    Softmax = 8,
    PReLU = 9,
    Step = 10,
}

internal enum LossKind
{
    None = 0,
    MeanSquaredError = 1,
    MeanAbsoluteError = 2,
    Huber = 3,
    BinaryCrossEntropy = 4,
    CategoricalCrossEntropy = 5,
    SparseCategoricalCrossEntropy = 6,
    Hinge = 7,
}

internal enum InitKind
{
    Default = 0,
    Zeros = 1,
    Ones = 2,
    Constant = 3,
    RandomNormal = 4,
    RandomUniform = 5,
    GlorotNormal = 6,
    GlorotUniform = 7,
    HeNormal = 8,
    HeUniform = 9,
    LeCunNormal = 10,
    LeCunUniform = 11,
    Orthogonal = 12,
}

internal enum LayerKind
{
    Dense = 0,
    Dropout = 1,
    BatchNormalization = 2,
    Activation = 3,
    Conv2D = 4,
    MaxPool2D = 5,
    AveragePool2D = 6,
    GlobalAveragePooling2D = 7,
    Flatten = 8,
    Conv1D = 9,
    MaxPool1D = 10,
    AveragePool1D = 11,
    GlobalAveragePooling1D = 12,
    SimpleRNN = 13,
    LSTM = 14,
    GRU = 15,
    Embedding = 16,
}

internal enum PaddingKind
{
    Valid = 0,
    Same = 1,
}

internal enum OptimizerKind
{
    Sgd = 0,
    Adagrad = 1,
    RMSprop = 2,
    Adam = 3,
    AdamW = 4,
}

internal enum LearningTaskKind
{
    Unspecified = 0,
    Binary = 1,
    Multiclass = 2,
    Regression = 3,
}

internal enum ScalingKind
{
    Unspecified = 0,
    None = 1,
    Standardized = 2,
    MinMax01 = 3,
    MinMax11 = 4,
    NonNegative = 5,
    Unit = 6,
}
