using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NeuralDsl.Interop.Onnx;

/// <summary>
/// Writes a network as an ONNX model (opset <see cref="Opset"/>) that ONNX Runtime, Triton or any ONNX
/// tool can run: one float input <c>[batch, InputSize]</c> (an image network's <c>[batch, H, W, C]</c>, a
/// sequence network's <c>[batch, steps, features]</c>, an embedding's <c>[batch, steps]</c> token ids: the rows
/// <c>Predict</c> reads), one float output
/// <c>[batch, OutputSize]</c>,
/// the current parameters and batch-normalisation statistics as initializers, and the inference pass
/// of <c>Predict</c> (dropout is the identity, batch normalisation uses its running statistics). The
/// outputs are what <c>Predict</c> returns: a <c>FromLogits</c> network exports its logits, and says so
/// in the model's metadata (<c>from_logits</c>). Written by a small protobuf encoder of its own: no
/// package dependency. See docs/onnx.md for the operator of each layer and activation.
/// </summary>
/// <example>
/// <code>
/// var net = new DigitsNet(seed: 1);
/// net.Fit(train, validation);
/// net.ExportOnnx("digits.onnx");
/// </code>
/// </example>
public static class OnnxExporter
{
    /// <summary>The ONNX operator set the exported models import (default domain).</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version the exported models declare (the one released with opset 17).</summary>
    public const int IrVersion = 8;

    /// <summary>
    /// Exports <paramref name="network"/> to the file <paramref name="path"/>. The model is built and checked
    /// before the file is touched, and written beside it then moved over it, so a failure leaves an
    /// existing file as it was.
    /// </summary>
    /// <exception cref="NotSupportedException">A layer or activation has no ONNX form.</exception>
    /// <exception cref="InvalidOperationException">The network's layer table does not match its parameters.</exception>
    public static void ExportOnnx(this INetwork network, string path, OnnxExportOptions? options = null)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path is empty.", nameof(path));
        ProtoWriter model = BuildModel(network, options ?? new OnnxExportOptions());
        string temporary = path + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(model.Written);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Exports <paramref name="network"/> to <paramref name="stream"/>, at its current position; the stream stays open.</summary>
    /// <exception cref="NotSupportedException">A layer or activation has no ONNX form.</exception>
    /// <exception cref="InvalidOperationException">The network's layer table does not match its parameters.</exception>
    public static void ExportOnnx(this INetwork network, Stream stream, OnnxExportOptions? options = null)
    {
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        if (!stream.CanWrite) throw new ArgumentException("The stream is not writable.", nameof(stream));
        ProtoWriter model = BuildModel(network, options ?? new OnnxExportOptions());
        stream.Write(model.Written);
    }

    private static ProtoWriter BuildModel(INetwork network, OnnxExportOptions options)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        CheckNames(options);
        IReadOnlyList<LayerInfo> layers = network.Layers;
        CheckLayout(network, layers);

        var graph = new OnnxGraph();
        TensorShape inputShape = layers.Count > 0 ? layers[0].InputShape : TensorShape.Vector(network.InputSize);
        string value = options.InputName;
        if (inputShape.Rank > 1) value = OnnxWindowLayers.ToChannelsFirst(graph, inputShape, value);
        for (int i = 0; i < layers.Count; i++)
            value = OnnxLayers.Add(graph, i, layers[i], value, network.Parameters, network.State);
        if (layers.Count > 0 && layers[^1].OutputShape.Rank > 1)
            value = OnnxWindowLayers.ToChannelsLastVector(graph, OnnxLayers.Prefix + "output.", value);
        graph.ConnectOutput(options.InputName, value, options.OutputName);

        var model = new ProtoWriter();
        model.WriteInt64(ModelField.IrVersion, IrVersion);
        model.WriteString(ModelField.ProducerName, "NeuralDsl");
        model.WriteString(ModelField.ProducerVersion, typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "");
        model.WriteMessage(ModelField.Graph, graph.ToProto(network.GetType().Name,
            options.InputName, inputShape.ToArray(), options.OutputName, new[] { network.OutputSize }, options.BatchDimension));
        var opset = new ProtoWriter();
        opset.WriteString(OpsetField.Domain, "");
        opset.WriteInt64(OpsetField.Version, Opset);
        model.WriteMessage(ModelField.OpsetImport, opset);
        var fromLogits = new ProtoWriter();
        fromLogits.WriteString(EntryField.Key, "from_logits");
        fromLogits.WriteString(EntryField.Value, network is ITrainableNetwork { FromLogits: true } ? "true" : "false");
        model.WriteMessage(ModelField.MetadataProps, fromLogits);
        return model;
    }

    private static void CheckNames(OnnxExportOptions options)
    {
        foreach ((string name, string property) in new[]
        {
            (options.InputName, nameof(options.InputName)),
            (options.OutputName, nameof(options.OutputName)),
            (options.BatchDimension, nameof(options.BatchDimension)),
        })
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException($"OnnxExportOptions.{property} is empty.", nameof(options));
            if (name.StartsWith(OnnxLayers.Prefix, StringComparison.Ordinal))
                throw new ArgumentException($"OnnxExportOptions.{property} '{name}' starts with '{OnnxLayers.Prefix}', which the exporter reserves for the layers' values.", nameof(options));
        }
        if (options.InputName == options.OutputName)
            throw new ArgumentException($"OnnxExportOptions.InputName and OutputName are both '{options.InputName}'.", nameof(options));
    }

    // Generated networks always agree with their layer table; a hand-written INetwork might not, and
    // an export that read the wrong slice of the parameters would run and silently compute nonsense.
    private static void CheckLayout(INetwork network, IReadOnlyList<LayerInfo> layers)
    {
        int width = network.InputSize;
        TensorShape shape = layers.Count > 0 ? layers[0].InputShape : TensorShape.Vector(width);
        for (int i = 0; i < layers.Count; i++)
        {
            LayerInfo layer = layers[i];
            if (!Enum.IsDefined(layer.Kind) || !Enum.IsDefined(layer.Activation))
                throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                    $"Layer {i} ({layer.Kind}, {layer.Activation}) is a layer kind or activation this version's ONNX export does not know."));
            if (!IsExported(layer.Kind))
                throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                    $"Layer {i} is a {layer.Kind} layer, which the ONNX export does not support yet: only Dense, BatchNormalization, Dropout, Activation, convolution, pooling, Flatten, recurrent and Embedding layers are exported."));
            CheckShapedForm(i, layer);
            if (layer.Inputs != width)
                throw Mismatch(i, $"reads {layer.Inputs} values but receives {width}");
            if (layer.InputShape != shape)
                throw Mismatch(i, $"reads the shape {layer.InputShape} but receives {shape}");
            if (layer.InputShape.Size != layer.Inputs || layer.OutputShape.Size != layer.Units)
                throw Mismatch(i, $"reads {layer.Inputs} and writes {layer.Units} values, but its shapes are {layer.InputShape} and {layer.OutputShape}");
            CheckWindow(i, layer);
            if (layer.Kind == LayerKind.BatchNormalization && layer.OutputShape != layer.InputShape)
                throw Mismatch(i, $"maps {layer.InputShape} to {layer.OutputShape}, but a batch normalisation keeps its input's shape");
            CheckSequence(i, layer);
            int expected = ExpectedParameters(layer);
            if (layer.ParameterCount != expected)
                throw Mismatch(i, $"declares {layer.ParameterCount} parameters but a {layer.Kind} layer of this shape has {expected}");
            if (layer.ParameterOffset < 0 || layer.ParameterOffset > network.Parameters.Length - layer.ParameterCount)
                throw Mismatch(i, $"has parameters at [{layer.ParameterOffset}, {layer.ParameterOffset + layer.ParameterCount}) beyond the network's {network.Parameters.Length}");
            if (layer.Kind == LayerKind.BatchNormalization
                && (layer.StateCount != 2 * layer.OutputShape.Channels || layer.StateOffset < 0 || layer.StateOffset > network.State.Length - layer.StateCount))
                throw Mismatch(i, $"has running statistics at [{layer.StateOffset}, {layer.StateOffset + layer.StateCount}), but needs {2 * layer.OutputShape.Channels} values within the network's {network.State.Length}");
            width = layer.Units;
            shape = layer.OutputShape;
        }
        if (width != network.OutputSize)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The last layer writes {width} values but the network's OutputSize is {network.OutputSize}."));
    }

    private static bool IsExported(LayerKind kind) => kind is LayerKind.Dense or LayerKind.BatchNormalization or LayerKind.Dropout
        or LayerKind.Activation or LayerKind.Conv2D or LayerKind.Conv1D or LayerKind.MaxPool2D or LayerKind.MaxPool1D
        or LayerKind.AveragePool2D or LayerKind.AveragePool1D or LayerKind.GlobalAveragePooling2D or LayerKind.GlobalAveragePooling1D
        or LayerKind.Flatten or LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU or LayerKind.Embedding;

    // Each kind reads the rank it computes on; a softmax over an image or a sequence has no defined
    // order here (the generator refuses it), so it is not guessed at. Batch normalisation takes any
    // rank: per channel, which is ONNX's axis 1 in the channels-first section as on a vector.
    private static void CheckShapedForm(int index, LayerInfo layer)
    {
        int rank = layer.InputShape.Rank;
        int expected = layer.Kind switch
        {
            LayerKind.Dense => 1,
            LayerKind.Conv2D or LayerKind.MaxPool2D or LayerKind.AveragePool2D or LayerKind.GlobalAveragePooling2D => 3,
            LayerKind.Conv1D or LayerKind.MaxPool1D or LayerKind.AveragePool1D or LayerKind.GlobalAveragePooling1D => 2,
            LayerKind.Flatten => rank > 1 ? rank : 2,
            LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => 2,
            LayerKind.Embedding => 1,
            _ => rank,
        };
        if (rank != expected)
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"Layer {index} is a {layer.Kind} layer reading the shape {layer.InputShape}, which the ONNX export does not support."));
        // Recurrent layers have Keras' fixed activations inside the operator, an embedding none.
        if ((layer.IsRecurrent || layer.Kind == LayerKind.Embedding) && layer.Activation != Activation.Linear)
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"Layer {index} is a {layer.Kind} layer with the activation {layer.Activation}, which that kind does not have."));
        if (layer.Activation == Activation.Softmax && layer.OutputShape.Rank > 1)
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"Layer {index} ({layer.Kind}) applies a softmax to the shape {layer.OutputShape}, which the ONNX export does not support."));
    }

    // The output extent a window gives must be the one the table declares, or the pads would be wrong.
    private static void CheckWindow(int index, LayerInfo layer)
    {
        if (layer.Kind is not (LayerKind.Conv2D or LayerKind.Conv1D or LayerKind.MaxPool2D or LayerKind.MaxPool1D
            or LayerKind.AveragePool2D or LayerKind.AveragePool1D))
            return;
        TensorShape input = layer.InputShape, output = layer.OutputShape;
        int kh = OnnxWindowLayers.KernelHeight(layer), sh = OnnxWindowLayers.StrideHeight(layer);
        bool pooling = layer.Kind is not (LayerKind.Conv2D or LayerKind.Conv1D);
        if (layer.KernelSize < 1 || layer.Strides < 1
            || output.Height != Extent(input.Height, kh, sh, layer.Padding) || output.Width != Extent(input.Width, layer.KernelSize, layer.Strides, layer.Padding)
            || (pooling && output.Channels != input.Channels))
            throw Mismatch(index, $"maps {input} to {output}, which a window of {layer.KernelSize}, stride {layer.Strides} and {layer.Padding} padding does not");
    }

    // A recurrent layer writes dirs x units per step, every step or the last; an embedding a row per id.
    private static void CheckSequence(int index, LayerInfo layer)
    {
        TensorShape input = layer.InputShape, output = layer.OutputShape;
        if (layer.IsRecurrent)
        {
            int directions = layer.Bidirectional ? 2 : 1;
            bool fits = output.Channels > 0 && output.Channels % directions == 0
                && (layer.ReturnSequences ? output.Rank == 2 && output.Steps == input.Steps : output.Rank == 1);
            if (!fits)
                throw Mismatch(index, $"maps {input} to {output}, which a {(layer.Bidirectional ? "bidirectional " : "")}{layer.Kind} layer{(layer.ReturnSequences ? " returning every step" : "")} does not");
        }
        else if (layer.Kind == LayerKind.Embedding && (output.Rank != 2 || output.Steps != input.Size))
            throw Mismatch(index, $"maps {input} token ids to {output}, which an embedding does not");
    }

    private static int Extent(int input, int kernel, int stride, Padding padding) =>
        padding == Padding.Same ? (input + stride - 1) / stride : input < kernel ? 0 : (input - kernel) / stride + 1;

    private static int ExpectedParameters(LayerInfo layer)
    {
        int slopes = layer.Activation == Activation.PReLU ? layer.Units : 0;
        int filters = layer.OutputShape.Channels;
        return layer.Kind switch
        {
            LayerKind.Dense => layer.Inputs * layer.Units + (layer.UseBias ? layer.Units : 0) + slopes,
            LayerKind.BatchNormalization => 2 * layer.OutputShape.Channels + slopes,
            LayerKind.Conv2D or LayerKind.Conv1D =>
                OnnxWindowLayers.KernelHeight(layer) * layer.KernelSize * layer.InputShape.Channels * filters + (layer.UseBias ? filters : 0) + slopes,
            LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => (layer.Bidirectional ? 2 : 1) * layer.Gates * layer.RecurrentUnits
                * (layer.InputShape.Features + layer.RecurrentUnits + (layer.Kind == LayerKind.GRU && layer.ResetAfter ? 2 : 1)),
            // The vocabulary is the table's rows: any whole number of rows of the declared width.
            LayerKind.Embedding => layer.ParameterCount > 0 && layer.ParameterCount % filters == 0 ? layer.ParameterCount : filters,
            _ => slopes,
        };
    }

    private static InvalidOperationException Mismatch(int index, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Layer {index} {what}: the network's layer table does not match its parameters, so it cannot be exported."));
}
