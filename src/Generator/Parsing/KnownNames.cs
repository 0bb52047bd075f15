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
    public const string Conv2DAttribute = "NeuralDsl.Conv2DAttribute";
    public const string Conv1DAttribute = "NeuralDsl.Conv1DAttribute";
    public const string MaxPool2DAttribute = "NeuralDsl.MaxPool2DAttribute";
    public const string MaxPool1DAttribute = "NeuralDsl.MaxPool1DAttribute";
    public const string AveragePool2DAttribute = "NeuralDsl.AveragePool2DAttribute";
    public const string AveragePool1DAttribute = "NeuralDsl.AveragePool1DAttribute";
    public const string GlobalAveragePooling2DAttribute = "NeuralDsl.GlobalAveragePooling2DAttribute";
    public const string GlobalAveragePooling1DAttribute = "NeuralDsl.GlobalAveragePooling1DAttribute";
    public const string FlattenAttribute = "NeuralDsl.FlattenAttribute";
    public const string SimpleRNNAttribute = "NeuralDsl.SimpleRNNAttribute";
    public const string LSTMAttribute = "NeuralDsl.LSTMAttribute";
    public const string GRUAttribute = "NeuralDsl.GRUAttribute";
    public const string EmbeddingAttribute = "NeuralDsl.EmbeddingAttribute";
}
