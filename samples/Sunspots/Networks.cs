using NeuralDsl;

namespace Samples.Sunspots;

/// <summary>
/// A GRU of 32 units (Keras' reset-after variant, PyTorch's) reading a window of
/// <see cref="SunspotsTraining.Window"/> standardised yearly values, one per step, and a linear unit
/// forecasting the next year from its last hidden state. The sample's forecaster: its settings scored
/// best on the validation years (README.md).
/// </summary>
[Network(InputShape = [SunspotsTraining.Window, 1], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f,
    Epochs = SunspotsTraining.Epochs, BatchSize = 32, ClipNorm = 1f)]
[GRU(32)]
[Dense(1)]
public partial class SunspotsGru;

/// <summary>The same forecaster with an LSTM of 32 units, at the learning rate that suited it best on the validation years.</summary>
[Network(InputShape = [SunspotsTraining.Window, 1], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.003f,
    Epochs = SunspotsTraining.Epochs, BatchSize = 32, ClipNorm = 1f)]
[LSTM(32)]
[Dense(1)]
public partial class SunspotsLstm;
