namespace NeuralDsl.Interop.Onnx;

// Field numbers and enum values of onnx.proto (the ONNX IR's normative syntax) for the messages the
// exporter writes. They are the wire contract: a wrong number is a different field to every reader.

/// <summary>ModelProto fields.</summary>
internal static class ModelField
{
    public const int IrVersion = 1;
    public const int ProducerName = 2;
    public const int ProducerVersion = 3;
    public const int DocString = 6;
    public const int Graph = 7;
    public const int OpsetImport = 8;
    public const int MetadataProps = 14;
}

/// <summary>OperatorSetIdProto fields.</summary>
internal static class OpsetField
{
    public const int Domain = 1;
    public const int Version = 2;
}

/// <summary>StringStringEntryProto fields.</summary>
internal static class EntryField
{
    public const int Key = 1;
    public const int Value = 2;
}

/// <summary>GraphProto fields.</summary>
internal static class GraphField
{
    public const int Node = 1;
    public const int Name = 2;
    public const int Initializer = 5;
    public const int Input = 11;
    public const int Output = 12;
}

/// <summary>NodeProto fields.</summary>
internal static class NodeField
{
    public const int Input = 1;
    public const int Output = 2;
    public const int Name = 3;
    public const int OpType = 4;
    public const int Attribute = 5;
}

/// <summary>AttributeProto fields, and the values of its AttributeType discriminator.</summary>
internal static class AttributeField
{
    public const int Name = 1;
    public const int Float = 2;
    public const int Int = 3;
    public const int String = 4;
    public const int Ints = 8;
    public const int Type = 20;

    public const int TypeFloat = 1;
    public const int TypeInt = 2;
    public const int TypeString = 3;
    public const int TypeInts = 7;
}

/// <summary>TensorProto fields, and the TensorProto.DataType values used.</summary>
internal static class TensorField
{
    public const int Dims = 1;
    public const int DataType = 2;
    public const int FloatData = 4;
    public const int Int64Data = 7;
    public const int Name = 8;

    public const int DataTypeFloat = 1;
    public const int DataTypeInt64 = 7;
}

/// <summary>ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto and its Dimension fields.</summary>
internal static class ValueInfoField
{
    public const int Name = 1;
    public const int Type = 2;

    public const int TypeTensor = 1;

    public const int TensorElementType = 1;
    public const int TensorShape = 2;

    public const int ShapeDimension = 1;

    public const int DimensionValue = 1;
    public const int DimensionParameter = 2;
}
