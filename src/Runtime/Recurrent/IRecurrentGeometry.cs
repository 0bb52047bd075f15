namespace NeuralDsl.Recurrent;

/// <summary>
/// The sizes every recurrent geometry gives, so that the span checks of Step, Reset, Forward and Backward
/// are written once (<see cref="RecurrentSizes"/>) for SimpleRNN, LSTM and GRU alike.
/// </summary>
internal interface IRecurrentGeometry
{
    int Inputs { get; }

    int Units { get; }

    int InputSize { get; }

    int ParameterCount { get; }

    int StateSize { get; }

    int StepScratchSize { get; }

    int CacheSize { get; }

    int BackwardScratchSize { get; }

    int OutputSize(bool returnSequences);
}
