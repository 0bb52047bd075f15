namespace NeuralDsl.Generator.Parsing;

/// <summary>Metadata names of the runtime types the parser recognises.</summary>
internal static class KnownNames
{
    public const string NetworkAttribute = "NeuralDsl.NetworkAttribute";
    public const string LayerAttribute = "NeuralDsl.LayerAttribute";
    public const string DenseAttribute = "NeuralDsl.DenseAttribute";
    public const string DropoutAttribute = "NeuralDsl.DropoutAttribute";
    public const string BatchNormalizationAttribute = "NeuralDsl.BatchNormalizationAttribute";
    public const string ActivationAttribute = "NeuralDsl.ActivationAttribute";
}
