namespace NeuralDsl.Generator.Model;

/// <summary>
/// A recurrent layer's settings: units per direction, what it outputs, whether it runs both ways, the GRU's
/// form, the LSTM's forget bias and the recurrent kernel's initialiser. Default for other kinds.
/// </summary>
internal readonly record struct Recurrence(int Units, bool ReturnSequences, bool Bidirectional, bool ResetAfter, bool UnitForgetBias, InitSpec RecurrentInit)
{
    public int Directions => Bidirectional ? 2 : 1;
}
