namespace NeuralDsl.Tests.Embedding;

// The Keras models of RTNeural's python/lstm_1d.py and python/gru_1d.py (RTNeural/README.md), declared
// for a 100-step signal of one value per step; RTNeural runs them one step at a time, as Step does.

/// <summary>Keras' LSTM(8) then Dense(1): RTNeural's lstm_1d.json, loaded at run time.</summary>
[Network(InputShape = [100, 1])]
[LSTM(8)]
[Dense(1)]
public partial class Lstm1dNet;

/// <summary><see cref="Lstm1dNet"/> with RTNeural's lstm_1d.json compiled in.</summary>
[Network(InputShape = [100, 1], Weights = "Embedding/RTNeural/lstm_1d.json")]
[LSTM(8)]
[Dense(1)]
public partial class BakedLstm1dNet;

/// <summary>Keras' GRU(8) (reset_after=True), Dense(8, sigmoid), Dense(1): RTNeural's gru_1d.json, loaded at run time.</summary>
[Network(InputShape = [100, 1])]
[GRU(8)]
[Dense(8, Activation.Sigmoid)]
[Dense(1)]
public partial class Gru1dNet;

/// <summary><see cref="Gru1dNet"/> with RTNeural's gru_1d.json compiled in, declared for 16-step samples (RTNeural's model has no fixed length).</summary>
[Network(InputShape = [16, 1], Weights = "Embedding/RTNeural/gru_1d.json")]
[GRU(8)]
[Dense(8, Activation.Sigmoid)]
[Dense(1)]
public partial class BakedGru1dNet;

/// <summary>
/// Stacked GRU and LSTM, batch normalisation, PReLU, ELU and softmax: written by ExportRTNeuralJson to
/// RTNeural/export.rtneural.json and streamed by RTNeural itself (tests/reference/make_rtneural_stream_reference.sh).
/// </summary>
[Network(InputShape = [40, 2], Seed = 12)]
[GRU(6, ReturnSequences = true)]
[Dropout(0.1f)]
[LSTM(4)]
[BatchNormalization(Epsilon = 1e-3f)]
[Dense(5, Activation.PReLU)]
[Dense(3, Activation.ELU)]
[Dense(2, Activation.Softmax)]
public partial class RTNeuralExportNet;

/// <summary><see cref="RTNeuralExportNet"/> with its RTNeural export compiled in.</summary>
[Network(InputShape = [40, 2], Weights = "Embedding/RTNeural/export.rtneural.json")]
[GRU(6, ReturnSequences = true)]
[Dropout(0.1f)]
[LSTM(4)]
[BatchNormalization(Epsilon = 1e-3f)]
[Dense(5, Activation.PReLU)]
[Dense(3, Activation.ELU)]
[Dense(2, Activation.Softmax)]
public partial class BakedRTNeuralExportNet;
