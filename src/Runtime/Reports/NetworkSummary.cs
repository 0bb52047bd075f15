using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace NeuralDsl.Reports;

/// <summary>One layer's line of a <see cref="NetworkSummary"/>.</summary>
/// <param name="Index">The layer's position, from 0.</param>
/// <param name="Name">Keras-style name: the kind in snake case, numbered from the second of a kind (<c>dense</c>, <c>dense_1</c>).</param>
/// <param name="Kind">The layer kind.</param>
/// <param name="Units">Values the layer writes per sample: the output shape is <c>(None, Units)</c>.</param>
/// <param name="Activation">The activation applied to the layer's output.</param>
/// <param name="TrainableParameters">Parameters the optimiser updates (weights, biases, PReLU slopes, batch normalisation's gamma and beta).</param>
/// <param name="NonTrainableParameters">State the layer keeps but the optimiser does not update (batch normalisation's running mean and variance).</param>
public sealed record SummaryRow(int Index, string Name, LayerKind Kind, int Units, Activation Activation, int TrainableParameters, int NonTrainableParameters)
{
    /// <summary>The shape of one output sample; a vector of <see cref="Units"/> values unless set.</summary>
    public TensorShape Shape
    {
        get => _shape.Rank == 0 ? TensorShape.Vector(Units) : _shape;
        init => _shape = value == TensorShape.Vector(Units) ? default : value;
    }

    // Default (rank 0) stands for the vector, so that equal rows compare equal however they were built.
    private readonly TensorShape _shape;

    /// <summary>The output shape as Keras prints it, the batch dimension as <c>None</c>: <c>(None, 64)</c>, <c>(None, 26, 26, 32)</c>.</summary>
    public string OutputShape => "(None, " + string.Join(", ", Shape.ToArray()) + ")";

    /// <summary>Trainable and non-trainable parameters together, Keras' <c>Param #</c>.</summary>
    public int Parameters => TrainableParameters + NonTrainableParameters;

    /// <summary>Whether the layer is a recurrent layer run both ways (Keras' <c>Bidirectional</c> wrapper).</summary>
    public bool Bidirectional { get; init; }

    /// <summary>The type as Keras' summary prints it: the kind, or <c>Bidirectional(LSTM)</c>.</summary>
    public string TypeName => Bidirectional ? $"Bidirectional({Kind})" : Kind.ToString();
}

/// <summary>
/// A Keras-style summary of a network: one line per layer (name, kind, output shape, activation,
/// parameter count) and the totals. Counts follow Keras: batch normalisation's running mean and
/// variance (<see cref="INetwork.State"/>) count as non-trainable parameters, so a batch-normalisation
/// layer of <c>n</c> units shows <c>4n</c> parameters, <c>2n</c> of them non-trainable.
/// </summary>
/// <example>
/// <code>
/// Console.WriteLine(net.Summary());
/// </code>
/// </example>
public sealed class NetworkSummary
{
    private NetworkSummary(string name, int inputSize, TensorShape inputShape, SummaryRow[] rows)
    {
        Name = name;
        InputSize = inputSize;
        InputShape = inputShape;
        Rows = rows;
        foreach (SummaryRow row in rows)
        {
            TrainableParameters += row.TrainableParameters;
            NonTrainableParameters += row.NonTrainableParameters;
        }
    }

    /// <summary>The network's name (its class name unless another was given).</summary>
    public string Name { get; }

    /// <summary>Features of one input sample.</summary>
    public int InputSize { get; }

    /// <summary>The shape of one input sample: a vector of <see cref="InputSize"/> values, an image or a sequence.</summary>
    public TensorShape InputShape { get; }

    /// <summary>One line per layer, in order.</summary>
    public IReadOnlyList<SummaryRow> Rows { get; }

    /// <summary>Parameters the optimiser updates: <see cref="INetwork.ParameterCount"/>.</summary>
    public long TrainableParameters { get; }

    /// <summary>Non-trainable state counted as parameters, as Keras does: the length of <see cref="INetwork.State"/>.</summary>
    public long NonTrainableParameters { get; }

    /// <summary>Trainable and non-trainable parameters together.</summary>
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>Summarises <paramref name="network"/>; <paramref name="name"/> defaults to its class name.</summary>
    public static NetworkSummary Create(INetwork network, string? name = null)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        IReadOnlyList<LayerInfo> layers = network.Layers;
        var rows = new SummaryRow[layers.Count];
        var seen = new Dictionary<string, int>();
        for (int i = 0; i < rows.Length; i++)
        {
            LayerInfo layer = layers[i];
            string snake = layer.Bidirectional ? "bidirectional" : SnakeName(layer.Kind);
            seen.TryGetValue(snake, out int earlier);
            seen[snake] = earlier + 1;
            string layerName = earlier == 0 ? snake : snake + "_" + earlier.ToString(CultureInfo.InvariantCulture);
            rows[i] = new SummaryRow(i, layerName, layer.Kind, layer.Units, layer.Activation, layer.ParameterCount, layer.StateCount)
            {
                Shape = layer.OutputShape,
                Bidirectional = layer.Bidirectional,
            };
        }
        TensorShape input = layers.Count > 0 ? layers[0].InputShape : TensorShape.Vector(network.InputSize);
        return new NetworkSummary(name ?? network.GetType().Name, network.InputSize, input, rows);
    }

    /// <summary>Writes the table (<see cref="ToString"/>) to <paramref name="writer"/>.</summary>
    public void Write(TextWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        writer.Write(ToString());
    }

    /// <summary>The table: a header, one line per layer, and the total, trainable and non-trainable counts.</summary>
    public override string ToString()
    {
        var table = new TextTable(["#", "Layer (type)", "Output Shape", "Activation", "Param #"], [true, false, false, false, true]);
        foreach (SummaryRow row in Rows)
            table.Add(Number(row.Index), $"{row.Name} ({row.TypeName})", row.OutputShape,
                row.Kind is LayerKind.Dense or LayerKind.Activation or LayerKind.Conv2D or LayerKind.Conv1D ? row.Activation.ToString() : "", Number(row.Parameters));
        var text = new StringBuilder();
        string input = InputShape.Rank == 1 ? Number(InputSize) : string.Join(", ", InputShape.ToArray());
        text.Append("Model: \"").Append(Name).Append("\" (input: (None, ").Append(input).Append("))\n");
        table.AppendTo(text);
        text.Append('=', table.Width).Append('\n');
        text.Append("Total params: ").Append(Number(TotalParameters)).Append('\n');
        text.Append("Trainable params: ").Append(Number(TrainableParameters)).Append('\n');
        text.Append("Non-trainable params: ").Append(Number(NonTrainableParameters)).Append('\n');
        return text.ToString();
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string SnakeName(LayerKind kind) => kind switch
    {
        LayerKind.Dense => "dense",
        LayerKind.Dropout => "dropout",
        LayerKind.BatchNormalization => "batch_normalization",
        LayerKind.Activation => "activation",
        LayerKind.Conv2D => "conv2d",
        LayerKind.Conv1D => "conv1d",
        LayerKind.MaxPool2D => "max_pooling2d",
        LayerKind.MaxPool1D => "max_pooling1d",
        LayerKind.AveragePool2D => "average_pooling2d",
        LayerKind.AveragePool1D => "average_pooling1d",
        LayerKind.GlobalAveragePooling2D => "global_average_pooling2d",
        LayerKind.GlobalAveragePooling1D => "global_average_pooling1d",
        LayerKind.SimpleRNN => "simple_rnn",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
