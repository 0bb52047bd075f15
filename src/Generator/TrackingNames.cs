namespace NeuralDsl.Generator;

/// <summary>Names of the incremental pipeline's steps, so that caching tests can find them.</summary>
internal static class TrackingNames
{
    public const string Model = nameof(Model);
    public const string ValidModel = nameof(ValidModel);
    public const string WeightsFile = nameof(WeightsFile);
    public const string BakedNetwork = nameof(BakedNetwork);
}
