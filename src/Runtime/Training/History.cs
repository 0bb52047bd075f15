using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using NeuralDsl.Reports;

namespace NeuralDsl.Training;

/// <summary>Why <c>Fit</c> returned.</summary>
public enum StopReason
{
    /// <summary>Every requested epoch ran.</summary>
    Completed = 0,

    /// <summary>Early stopping saw no improvement for its patience.</summary>
    EarlyStopping = 1,

    /// <summary>The loss became NaN or infinite; the best weights seen were restored.</summary>
    Diverged = 2,

    /// <summary>The cancellation token fired; the epoch in progress is not recorded.</summary>
    Cancelled = 3,
}

/// <summary>
/// The record of a training run: one value per epoch for each series (<c>loss</c>, <c>val_loss</c>, and
/// each metric with and without the <c>val_</c> prefix, Keras' names). Storage is sized when training
/// starts, so recording an epoch allocates nothing.
/// </summary>
public sealed class History
{
    private readonly string[] _names;
    private readonly double[] _values; // [epoch, series]
    private readonly float[] _learningRates;

    /// <summary>Creates storage for up to <paramref name="capacity"/> epochs of the named series.</summary>
    public History(IReadOnlyList<string> seriesNames, int capacity)
    {
        _names = new string[seriesNames.Count];
        for (int i = 0; i < _names.Length; i++) _names[i] = seriesNames[i];
        _values = new double[Math.Max(capacity, 0) * _names.Length];
        _learningRates = new float[Math.Max(capacity, 0)];
    }

    /// <summary>The names of the recorded series, in column order.</summary>
    public IReadOnlyList<string> SeriesNames => _names;

    /// <summary>Number of epochs recorded.</summary>
    public int EpochCount { get; private set; }

    /// <summary>Why training stopped.</summary>
    public StopReason StopReason { get; internal set; }

    /// <summary>A human-readable account of why training stopped.</summary>
    public string StopMessage { get; internal set; } = "";

    /// <summary>The epoch (0-based) whose weights the network holds after early stopping or divergence restored them, or -1.</summary>
    public int RestoredEpoch { get; internal set; } = -1;

    /// <summary>The values of one series, one per epoch.</summary>
    public double[] this[string name]
    {
        get
        {
            int column = Array.IndexOf(_names, name);
            if (column < 0) throw new KeyNotFoundException($"No series named '{name}'. Recorded: {string.Join(", ", _names)}.");
            double[] series = new double[EpochCount];
            for (int e = 0; e < EpochCount; e++) series[e] = _values[e * _names.Length + column];
            return series;
        }
    }

    /// <summary>Whether a series was recorded.</summary>
    public bool Contains(string name) => Array.IndexOf(_names, name) >= 0;

    /// <summary>The value of series <paramref name="name"/> at <paramref name="epoch"/>.</summary>
    public double Value(string name, int epoch)
    {
        int column = Array.IndexOf(_names, name);
        if (column < 0) throw new KeyNotFoundException($"No series named '{name}'.");
        if ((uint)epoch >= (uint)EpochCount) throw new ArgumentOutOfRangeException(nameof(epoch));
        return _values[epoch * _names.Length + column];
    }

    /// <summary>The learning rate used in each epoch.</summary>
    public ReadOnlySpan<float> LearningRates => _learningRates.AsSpan(0, EpochCount);

    /// <summary>Records one epoch; <paramref name="values"/> follows <see cref="SeriesNames"/>.</summary>
    internal void Record(ReadOnlySpan<double> values, float learningRate)
    {
        values.CopyTo(_values.AsSpan(EpochCount * _names.Length, _names.Length));
        _learningRates[EpochCount] = learningRate;
        EpochCount++;
    }

    /// <summary>
    /// The history as a table: one row per recorded epoch (numbered from 1 in recording order, as Keras
    /// prints epochs; a run resumed with <c>InitialEpoch</c> numbers its first epoch 1) with every series and the
    /// learning rate, then why training stopped (<see cref="StopMessage"/>).
    /// </summary>
    public override string ToString()
    {
        string[] headers = new string[_names.Length + 2];
        bool[] right = new bool[headers.Length];
        headers[0] = "epoch";
        for (int s = 0; s < _names.Length; s++) headers[s + 1] = _names[s];
        headers[^1] = "lr";
        Array.Fill(right, true);
        var table = new TextTable(headers, right);
        for (int e = 0; e < EpochCount; e++)
        {
            string[] cells = new string[headers.Length];
            cells[0] = (e + 1).ToString(CultureInfo.InvariantCulture);
            for (int s = 0; s < _names.Length; s++) cells[s + 1] = ReportNumber.Format(_values[e * _names.Length + s]);
            cells[^1] = ReportNumber.Rate(_learningRates[e]);
            table.Add(cells);
        }
        var text = new StringBuilder();
        table.AppendTo(text);
        text.Append(StopMessage.Length > 0 ? StopMessage : StopReason.ToString()).Append('\n');
        return text.ToString();
    }

    /// <summary>Writes <see cref="ToString"/> to <paramref name="writer"/>.</summary>
    public void Write(TextWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        writer.Write(ToString());
    }
}
