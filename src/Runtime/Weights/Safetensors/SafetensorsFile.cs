using System;
using System.Collections.Generic;
using System.IO;

namespace NeuralDsl.Weights;

/// <summary>
/// Reads and writes safetensors files with PyTorch <c>nn.Sequential</c> names and layouts, so that
/// weights move between this library and PyTorch (or anything that reads a PyTorch state dict).
/// </summary>
/// <remarks>
/// <para>
/// Names: each layer, and each non-linear activation after a Dense or BatchNormalization layer, is one
/// <c>nn.Sequential</c> module with the next index. Dense is <c>nn.Linear</c> (<c>N.weight</c> <c>[out, in]</c>,
/// transposed from this library's input-major kernel, and <c>N.bias</c>); PReLU is <c>nn.PReLU(units)</c>
/// (<c>N.weight</c>); BatchNormalization is <c>nn.BatchNorm1d</c> (<c>weight</c>, <c>bias</c>, <c>running_mean</c>,
/// <c>running_var</c>, <c>num_batches_tracked</c>); Dropout, the other activations and a linear Activation layer
/// (<c>nn.Identity</c>) take an index and have no tensors. Conv2D and Conv1D are <c>nn.Conv2d</c> and
/// <c>nn.Conv1d</c> (channels-first kernels; a Dense after a Flatten of a channels-first value has its
/// columns in PyTorch's channels-first order), SimpleRNN, LSTM and GRU are <c>nn.RNN</c>, <c>nn.LSTM</c> and
/// <c>nn.GRU</c> (<c>weight_ih_l0</c>, <c>weight_hh_l0</c>, <c>bias_ih_l0</c>, <c>bias_hh_l0</c>, <c>_reverse</c> for
/// the backward direction; GRU gates reordered), Embedding is <c>nn.Embedding</c>; pooling and Flatten have
/// no tensors. docs/weights.md has the table and an example.
/// A name map renames tensors from these default names to a model's own (<c>{"0.weight": "fc1.weight"}</c>).
/// </para>
/// <para>
/// Writing: F32 tensors, <c>num_batches_tracked</c> as an I64 zero. Reading: F32, and F16, BF16 and F64
/// converted to float32. Every rule of the format is checked (header size before allocating, strict UTF-8,
/// one JSON object, no duplicate keys, exact dtype names, shapes, offsets covering the data exactly), then
/// the network's: a missing or unexpected tensor, a wrong shape (a transposed weight included), a
/// non-float dtype or a NaN or infinite value throws <see cref="WeightsFormatException"/> naming the tensor,
/// and leaves the parameters and state unchanged.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// net.SaveSafetensors("model.safetensors");
/// // PyTorch: model.load_state_dict({k: torch.from_numpy(v) for k, v in load_file("model.safetensors").items()})
/// net.LoadSafetensors("trained_in_pytorch.safetensors");
/// net.LoadSafetensors("custom.safetensors", new Dictionary&lt;string, string&gt; { ["0.weight"] = "fc1.weight", ["0.bias"] = "fc1.bias" });
/// </code>
/// </example>
public static class SafetensorsFile
{
    /// <summary>Writes the network's parameters and state to <paramref name="path"/>, replacing the file only once the new one is complete on disk.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file to create or replace (by convention <c>.safetensors</c>).</param>
    /// <param name="names">Renames tensors from their default names; null keeps them.</param>
    /// <exception cref="ArgumentException">The name map renames a tensor the network does not have, or gives two tensors one name.</exception>
    /// <exception cref="NotSupportedException">The network has a layer PyTorch's modules cannot hold: a GRU with <c>ResetAfter = false</c>, or a PReLU with a slope per value of an image or sequence.</exception>
    public static void SaveSafetensors(this INetwork network, string path, IReadOnlyDictionary<string, string>? names = null)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (path is null) throw new ArgumentNullException(nameof(path));
        byte[] file = SafetensorsWriter.Write(network, names);
        AtomicFile.Write(path, stream => stream.Write(file));
    }

    /// <summary>Writes the network's parameters and state to <paramref name="stream"/>, from its position.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <param name="names">Renames tensors from their default names; null keeps them.</param>
    /// <exception cref="ArgumentException">The name map is invalid.</exception>
    /// <exception cref="NotSupportedException">The network has a layer PyTorch's modules cannot hold: a GRU with <c>ResetAfter = false</c>, or a PReLU with a slope per value of an image or sequence.</exception>
    public static void SaveSafetensors(this INetwork network, Stream stream, IReadOnlyDictionary<string, string>? names = null)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        stream.Write(SafetensorsWriter.Write(network, names));
    }

    /// <summary>Loads a safetensors file into the network's parameters and state.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The safetensors file.</param>
    /// <param name="names">Maps default tensor names to the file's names; null expects the defaults.</param>
    /// <exception cref="WeightsFormatException">The file breaks the format or does not fit the network; nothing was changed.</exception>
    /// <exception cref="ArgumentException">The name map is invalid.</exception>
    /// <exception cref="NotSupportedException">The network has a layer PyTorch's modules cannot hold: a GRU with <c>ResetAfter = false</c>, or a PReLU with a slope per value of an image or sequence.</exception>
    public static void LoadSafetensors(this INetwork network, string path, IReadOnlyDictionary<string, string>? names = null)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (path is null) throw new ArgumentNullException(nameof(path));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        SafetensorsReader.Load(network, stream, stream.Length, names);
    }

    /// <summary>Loads a safetensors file from <paramref name="stream"/>, read from its position to its end.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">A readable stream holding one safetensors file to its end; it is not closed.</param>
    /// <param name="names">Maps default tensor names to the file's names; null expects the defaults.</param>
    /// <exception cref="WeightsFormatException">The data breaks the format or does not fit the network; nothing was changed.</exception>
    /// <exception cref="ArgumentException">The name map is invalid.</exception>
    /// <exception cref="NotSupportedException">The network has a layer PyTorch's modules cannot hold: a GRU with <c>ResetAfter = false</c>, or a PReLU with a slope per value of an image or sequence.</exception>
    public static void LoadSafetensors(this INetwork network, Stream stream, IReadOnlyDictionary<string, string>? names = null)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        SafetensorsReader.Load(network, stream, stream.CanSeek ? stream.Length - stream.Position : null, names);
    }

    /// <summary>Like <see cref="LoadSafetensors(INetwork, string, IReadOnlyDictionary{string, string}?)"/>, but reports a file that cannot be read, breaks the format or does not fit by returning false.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The safetensors file.</param>
    /// <param name="error">Why loading failed, or null.</param>
    /// <param name="names">Maps default tensor names to the file's names; null expects the defaults.</param>
    /// <returns>Whether the file was loaded; when false, nothing was changed.</returns>
    public static bool TryLoadSafetensors(this INetwork network, string path, out string? error, IReadOnlyDictionary<string, string>? names = null)
    {
        try
        {
            LoadSafetensors(network, path, names);
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return false;
        }
    }
}
