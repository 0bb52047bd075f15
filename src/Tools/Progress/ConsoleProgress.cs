using System;
using System.Diagnostics;
using NeuralDsl.Training;
using Spectre.Console;

namespace NeuralDsl.Tools.Progress;

/// <summary>
/// Turns <c>Fit</c>'s batch and epoch reports into console output: a batch bar redrawn in place on a
/// live terminal, or one plain line per epoch. It keeps the timing of the run it is watching: the epoch
/// time is the interval between two epoch ends, and the first epoch of a run, which has no previous end,
/// is timed from its first batch's end and scaled by the number of batches (unknown with one batch).
/// </summary>
internal sealed class ConsoleProgress
{
    private readonly IAnsiConsole _console;
    private readonly bool _bar;
    private readonly long _refreshTicks;
    private readonly int _epochs;

    private int _lastEpoch = int.MinValue;
    private long _lastEpochEnd;
    private double _epochSecondsSum;
    private int _epochsTimed;

    private int _epoch = int.MinValue;
    private long _firstBatchEnd;
    private long _lastDraw;
    private bool _barShown;
    private double _lossSum;
    private int _batchesSeen;

    private ConsoleProgress(IAnsiConsole console, bool bar, TimeSpan refresh, int epochs)
    {
        _console = console;
        _epochs = epochs;
        _bar = bar;
        _refreshTicks = (long)(refresh.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Whether this printer redraws a batch bar (else it prints plain lines).</summary>
    internal bool DrawsBar => _bar;

    /// <summary>The printer <paramref name="options"/> asks for (for a run of <paramref name="epochs"/>), or null for <see cref="ProgressMode.Off"/>.</summary>
    public static ConsoleProgress? Create(ProgressOptions options, int epochs)
    {
        IAnsiConsole console = options.Console ?? AnsiConsole.Console;
        bool? bar = options.Mode switch
        {
            ProgressMode.Off => null,
            ProgressMode.Bar => true,
            ProgressMode.Lines => false,
            ProgressMode.Auto => IsLiveTerminal(console, processConsole: options.Console is null),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown ProgressMode."),
        };
        return bar is bool b ? new ConsoleProgress(console, b, options.RefreshInterval, epochs) : null;
    }

    // Spectre.Console already answers "can this output take control sequences"; the process's own
    // console is also checked directly, because a pipe or file must never receive a redraw.
    private static bool IsLiveTerminal(IAnsiConsole console, bool processConsole) =>
        !(processConsole && Console.IsOutputRedirected)
        && console.Profile.Out.IsTerminal
        && console.Profile.Capabilities.Ansi;

    public void BatchEnded(BatchReport report)
    {
        long now = Stopwatch.GetTimestamp();
        if (report.Epoch != _epoch || report.Batch == 0) BeginEpoch(report.Epoch, now);
        _lossSum += report.Loss;
        _batchesSeen++;
        if (!_bar || report.Batch + 1 >= report.Batches || now - _lastDraw < _refreshTicks) return;
        _lastDraw = now;
        double perBatch = _batchesSeen > 1 ? Seconds(now - _firstBatchEnd) / (_batchesSeen - 1) : double.NaN;
        double eta = perBatch * (report.Batches - report.Batch - 1);
        DrawBar(report.Epoch, report.Batch + 1, report.Batches,
            ProgressText.BatchTail(report.Batch + 1, report.Batches, eta, _lossSum / _batchesSeen), final: false);
    }

    public void EpochEnded(EpochReport report)
    {
        long now = Stopwatch.GetTimestamp();
        int batches = Math.Max(_batchesSeen, 1);
        double seconds;
        if (report.Epoch == _lastEpoch + 1 && _lastEpoch != int.MinValue)
            seconds = Seconds(now - _lastEpochEnd);
        else
        {
            _epochSecondsSum = 0;
            _epochsTimed = 0;
            // A single batch leaves nothing to scale from: that epoch's time is unknown ("?").
            seconds = batches > 1 ? Seconds(now - _firstBatchEnd) * batches / (batches - 1) : double.NaN;
        }
        _lastEpoch = report.Epoch;
        _lastEpochEnd = now;
        if (!double.IsNaN(seconds))
        {
            _epochSecondsSum += seconds;
            _epochsTimed++;
        }
        double eta = _epochsTimed == 0 ? double.NaN : (report.Epochs - report.Epoch - 1) * (_epochSecondsSum / _epochsTimed);
        string tail = ProgressText.EpochTail(batches, seconds, report, eta);
        if (_bar) DrawBar(report.Epoch, batches, batches, tail, final: true);
        else
        {
            var writer = _console.Profile.Out.Writer;
            writer.Write(ProgressText.EpochHead(report.Epoch, report.Epochs));
            writer.Write(" - ");
            writer.Write(tail);
            writer.Write('\n');
            writer.Flush();
        }
        _epoch = int.MinValue;
        _barShown = false;
    }

    private void BeginEpoch(int epoch, long now)
    {
        if (epoch != _lastEpoch + 1) _lastEpoch = int.MinValue;
        _epoch = epoch;
        _firstBatchEnd = now;
        _lastDraw = now;
        _lossSum = 0;
        _batchesSeen = 0;
        _barShown = false;
    }

    // The bar's line always ends with a newline and a redraw first moves back up to it, so whatever is
    // printed after a run that stopped mid-epoch (cancelled, diverged) starts on a line of its own.
    // A bar still to be redrawn is cut to the console's width, since a wrapped line would leave its first
    // part behind; the epoch's final line is not redrawn, so it keeps all its values and may wrap.
    private void DrawBar(int epoch, int done, int total, string tail, bool final)
    {
        if (_barShown) _console.WriteAnsi("\u001b[1A\r\u001b[2K");
        _barShown = true;
        bool unicode = _console.Profile.Capabilities.Unicode;
        string head = ProgressText.EpochHead(epoch, _epochs) + " ";
        (string filled, string empty) = ProgressText.Bar(done, total, unicode);
        string rest = " " + tail;
        int room = final ? int.MaxValue : Math.Max(_console.Profile.Width - 1, 0);
        _console.Write(Cut(head, ref room), Style.Plain);
        _console.Write(Cut(filled, ref room), new Style(Color.Green));
        _console.Write(Cut(empty, ref room), new Style(Color.Grey));
        _console.Write(Cut(rest, ref room), Style.Plain);
        _console.WriteLine();
    }

    private static string Cut(string text, ref int room)
    {
        if (text.Length > room) text = text.Substring(0, room);
        room -= text.Length;
        return text;
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
