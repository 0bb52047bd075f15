namespace NeuralDsl.Training;

/// <summary>
/// The training settings declared on <see cref="NetworkAttribute"/>; null where the declaration does
/// not write the property. <see cref="Trainer.Fit(ITrainableNetwork, Data.Dataset, Data.Dataset?, int?, int?)"/>
/// trains as they say when it is given no <see cref="TrainingOptions"/>.
/// </summary>
/// <param name="Epochs">Passes over the training data.</param>
/// <param name="BatchSize">Samples per gradient step.</param>
/// <param name="ValidationSplit">Fraction of the training data held out for validation.</param>
/// <param name="EarlyStoppingPatience">Epochs without improvement before early stopping.</param>
/// <param name="EarlyStoppingMonitor">The series early stopping watches (<c>"val_loss"</c> when only the patience is declared).</param>
/// <param name="ClipNorm">Global L2 norm the gradient is clipped to.</param>
/// <param name="ClipValue">Bound every gradient value is clamped to.</param>
public readonly record struct TrainingDeclaration(
    int? Epochs = null,
    int? BatchSize = null,
    float? ValidationSplit = null,
    int? EarlyStoppingPatience = null,
    string? EarlyStoppingMonitor = null,
    float? ClipNorm = null,
    float? ClipValue = null)
{
    /// <summary>
    /// The options these settings describe, the <see cref="TrainingOptions"/> defaults elsewhere;
    /// <paramref name="epochs"/> and <paramref name="batchSize"/>, when given, replace the declared ones.
    /// </summary>
    public TrainingOptions ToOptions(int? epochs = null, int? batchSize = null)
    {
        var defaults = new TrainingOptions();
        return new TrainingOptions
        {
            Epochs = epochs ?? Epochs ?? defaults.Epochs,
            BatchSize = batchSize ?? BatchSize ?? defaults.BatchSize,
            ValidationSplit = ValidationSplit ?? 0f,
            EarlyStopping = EarlyStoppingPatience is int patience
                ? new EarlyStopping(string.IsNullOrEmpty(EarlyStoppingMonitor) ? "val_loss" : EarlyStoppingMonitor!, patience)
                : null,
            ClipNorm = ClipNorm ?? 0f,
            ClipValue = ClipValue ?? 0f,
        };
    }
}
