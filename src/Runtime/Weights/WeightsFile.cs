using System;
using System.Globalization;
using System.IO;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Weights;

/// <summary>
/// Saves and loads a network's weights in NeuralDsl's own binary format, <c>.ndw</c> (Keras'
/// <c>save_weights</c> and <c>load_weights</c>): parameters, state (batch normalisation's running
/// statistics) and, on request, the optimiser's state for exact resumption, behind an architecture
/// fingerprint and a CRC-32. The layout is in docs/weights.md.
/// </summary>
/// <remarks>
/// Loading checks everything before it writes anything: a file of another architecture, a truncated
/// or corrupted file, an unknown version or an optimiser state of another type throws
/// <see cref="WeightsFormatException"/> and leaves the network and its optimiser exactly as they were.
/// Saving to a path writes a temporary file beside it, flushes it to the disk and renames it over the
/// target, so a failed save never destroys the last good file.
/// </remarks>
/// <example>
/// <code>
/// net.Fit(train, validation);
/// net.SaveWeights("digits.ndw");
/// var again = new DigitsNet();
/// again.LoadWeights("digits.ndw");                      // WeightsFormatException if it does not fit
/// if (!again.TryLoadWeights("other.ndw", out string? error)) Console.WriteLine(error);
/// </code>
/// </example>
public static class WeightsFile
{
    /// <summary>Writes the network's weights to <paramref name="path"/>, replacing the file only once the new one is complete on disk.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file to create or replace (by convention <c>.ndw</c>).</param>
    /// <param name="includeOptimizerState">
    /// Whether to include the training optimiser's state (moments, step count), so that training resumes
    /// exactly; needs an <see cref="ITrainableNetwork"/> whose <see cref="ITrainableNetwork.TrainingOptimizer"/> implements <see cref="IOptimizerState"/>.
    /// </param>
    /// <exception cref="ArgumentException">The network cannot have optimiser state saved (see <paramref name="includeOptimizerState"/>).</exception>
    /// <exception cref="IOException">The file cannot be written; the previous file, if any, is unchanged.</exception>
    public static void SaveWeights(this INetwork network, string path, bool includeOptimizerState = false)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        byte[] file = Serialize(network, includeOptimizerState);
        AtomicFile.Write(path, stream => stream.Write(file));
    }

    /// <summary>Writes the network's weights to <paramref name="stream"/>, from its current position.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <param name="includeOptimizerState">Whether to include the training optimiser's state (see the path overload).</param>
    /// <exception cref="ArgumentException">The network cannot have optimiser state saved.</exception>
    public static void SaveWeights(this INetwork network, Stream stream, bool includeOptimizerState = false)
    {
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        stream.Write(Serialize(network, includeOptimizerState));
    }

    /// <summary>
    /// Loads weights saved by <see cref="SaveWeights(INetwork, string, bool)"/> into the network; when the
    /// file holds optimiser state and <paramref name="restoreOptimizerState"/> is true, the training
    /// optimiser's state too. A file without optimiser state leaves the optimiser as it is.
    /// </summary>
    /// <param name="network">The network; it must have the architecture the file was saved from.</param>
    /// <param name="path">The <c>.ndw</c> file.</param>
    /// <param name="restoreOptimizerState">Whether to restore optimiser state the file holds (false loads only what inference needs).</param>
    /// <exception cref="WeightsFormatException">The file does not fit the network or is damaged; nothing was changed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static void LoadWeights(this INetwork network, string path, bool restoreOptimizerState = true)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (path is null) throw new ArgumentNullException(nameof(path));
        Apply(network, File.ReadAllBytes(path), restoreOptimizerState);
    }

    /// <summary>Loads weights from <paramref name="stream"/>, read from its position to its end; otherwise as the path overload.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">A readable stream holding one <c>.ndw</c> file to its end; it is not closed.</param>
    /// <param name="restoreOptimizerState">Whether to restore optimiser state the file holds.</param>
    /// <exception cref="WeightsFormatException">The data does not fit the network or is damaged; nothing was changed.</exception>
    public static void LoadWeights(this INetwork network, Stream stream, bool restoreOptimizerState = true)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        Apply(network, ReadToEnd(stream), restoreOptimizerState);
    }

    /// <summary>Like <see cref="LoadWeights(INetwork, string, bool)"/>, but reports a damaged or unfitting file (and an unreadable one) by returning false.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The <c>.ndw</c> file.</param>
    /// <param name="error">Why loading failed, or null.</param>
    /// <param name="restoreOptimizerState">Whether to restore optimiser state the file holds.</param>
    /// <returns>Whether the weights were loaded; when false, nothing was changed.</returns>
    public static bool TryLoadWeights(this INetwork network, string path, out string? error, bool restoreOptimizerState = true)
    {
        try
        {
            LoadWeights(network, path, restoreOptimizerState);
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Like <see cref="LoadWeights(INetwork, Stream, bool)"/>, but reports a damaged or unfitting file by returning false.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">A readable stream holding one <c>.ndw</c> file to its end.</param>
    /// <param name="error">Why loading failed, or null.</param>
    /// <param name="restoreOptimizerState">Whether to restore optimiser state the file holds.</param>
    /// <returns>Whether the weights were loaded; when false, nothing was changed.</returns>
    public static bool TryLoadWeights(this INetwork network, Stream stream, out string? error, bool restoreOptimizerState = true)
    {
        try
        {
            LoadWeights(network, stream, restoreOptimizerState);
            error = null;
            return true;
        }
        catch (IOException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Saves atomically with the state of <paramref name="optimizer"/> (the one training uses, which may not be the network's own), or none.</summary>
    internal static void Save(INetwork network, string path, IOptimizerState? optimizer)
    {
        byte[] file = NdwWriter.Write(network, optimizer);
        AtomicFile.Write(path, stream => stream.Write(file));
    }

    private static byte[] Serialize(INetwork network, bool includeOptimizerState)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        IOptimizerState? optimizer = null;
        if (includeOptimizerState)
        {
            if (network is not ITrainableNetwork trainable)
                throw new ArgumentException($"{NdwWriter.NetworkName(network)} declares no loss, so it has no optimiser state to save.", nameof(includeOptimizerState));
            optimizer = trainable.TrainingOptimizer as IOptimizerState ?? throw new ArgumentException(
                $"The training optimiser {trainable.TrainingOptimizer.GetType().Name} does not implement IOptimizerState, so its state cannot be saved.",
                nameof(includeOptimizerState));
        }
        return NdwWriter.Write(network, optimizer);
    }

    private static void Apply(INetwork network, ReadOnlySpan<byte> file, bool restoreOptimizerState)
    {
        NdwContent content = NdwReader.Read(file);
        string expected = ArchitectureFingerprint.Describe(network);
        if (content.Fingerprint != ArchitectureFingerprint.Compute(network) || content.InputSize != network.InputSize
            || content.LayerCount != network.Layers.Count || content.Parameters.Length != network.ParameterCount
            || content.State.Length != network.State.Length)
            throw new WeightsFormatException(WeightsError.ArchitectureMismatch, string.Create(CultureInfo.InvariantCulture,
                $"The weights file was saved from {content.TypeName} ({content.Description}; {content.Parameters.Length} parameters), which does not fit {NdwWriter.NetworkName(network)} ({expected}; {network.ParameterCount} parameters)."));

        IOptimizerState? optimizer = null;
        if (content.OptimizerTag is not null && restoreOptimizerState && network is ITrainableNetwork trainable)
        {
            IOptimizer target = trainable.TrainingOptimizer;
            optimizer = target as IOptimizerState;
            if (optimizer is null || optimizer.StateTag != content.OptimizerTag || optimizer.StateLength != content.OptimizerState.Length)
                throw new WeightsFormatException(WeightsError.OptimizerMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"The weights file holds the state of a {content.OptimizerTag} optimiser ({content.OptimizerState.Length} values), but the network trains with {Describe(target)}. Set TrainingOptimizer to the optimiser it was saved with, or load with restoreOptimizerState: false."));
        }

        content.Parameters.CopyTo(network.Parameters);
        content.State.CopyTo(network.State);
        optimizer?.ImportState(content.OptimizerState, content.OptimizerSteps);
    }

    private static string Describe(IOptimizer optimizer) => optimizer is IOptimizerState state
        ? string.Create(CultureInfo.InvariantCulture, $"a {state.StateTag} optimiser ({state.StateLength} values)")
        : $"{optimizer.GetType().Name}, which does not implement IOptimizerState";

    private static byte[] ReadToEnd(Stream stream)
    {
        using var buffer = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
