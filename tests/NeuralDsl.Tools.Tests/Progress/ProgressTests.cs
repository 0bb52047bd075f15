using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using NeuralDsl.Optimizers;
using NeuralDsl.Schedules;
using NeuralDsl.Tools.Progress;
using NeuralDsl.Training;
using Spectre.Console;

namespace NeuralDsl.Tools.Tests.Progress;

public class ProgressTests
{
    private const int Epochs = 4;
    private const double Rounding = 0.5e-4 + 1e-9;
    private const string Duration = @"(\d+(\.\d)?(ms|s)|\d+m\d\ds)";

    [Fact]
    public void RedirectedOutputGetsOnePlainLinePerEpochWithTheReportedValues()
    {
        var writer = new StringWriter();
        var reports = new List<EpochReport>();
        History history = Train(writer, ansi: false, ProgressMode.Auto, reports);

        string output = writer.ToString();
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain('━', output);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Epochs, lines.Length);
        Assert.Equal(Epochs, reports.Count);
        for (int e = 0; e < Epochs; e++) CheckEpochLine(lines[e], reports[e], history, e);
    }

    [Fact]
    public void ATerminalGetsARedrawnBatchBarEndingInTheEpochLine()
    {
        var writer = new StringWriter();
        var reports = new List<EpochReport>();
        History history = Train(writer, ansi: true, ProgressMode.Bar, reports);

        string output = writer.ToString();
        Assert.Contains("\u001b[1A\r\u001b[2K", output); // moves back up to redraw the bar
        Assert.Contains('━', output);
        string[] lines = Regex.Replace(output, "\u001b\\[[0-9;]*[A-Za-z]|\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Mid-epoch bars: batches done, ETA and the running loss (RefreshInterval 0 draws each batch).
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Epoch 2/4 ━+ 3/12 - ETA \S+ - loss: \d\.\d{4}$"));
        string[] epochLines = lines.Where(l => l.Contains("val_loss:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Epochs, epochLines.Length);
        for (int e = 0; e < Epochs; e++)
        {
            Assert.Contains(new string('━', 20) + " 12/12", epochLines[e]);
            CheckEpochLine(epochLines[e], reports[e], history, e);
        }
    }

    [Fact]
    public void ANarrowTerminalGetsBarsCutToItsWidthButWholeEpochLines()
    {
        var writer = new StringWriter();
        Train(writer, ansi: true, ProgressMode.Bar, [], width: 50);

        string[] lines = Regex.Replace(writer.ToString(), "\u001b\\[[0-9;]*[A-Za-z]|\r", "").Split('\n');
        string[] bars = lines.Where(l => l.Contains(" - ETA ", StringComparison.Ordinal) && l.StartsWith("Epoch", StringComparison.Ordinal) && !l.Contains(" 12/12 ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(bars);
        Assert.All(bars, bar => Assert.True(bar.Length <= 49, $"bar of {bar.Length} characters: {bar}"));
        Assert.Equal(Epochs, Regex.Count(writer.ToString(), "val_accuracy: "));
    }

    [Fact]
    public void AutoDrawsTheBarOnlyOnATerminalThatTakesControlSequences()
    {
        // The test host's own output is a pipe: the process console gets plain lines.
        Assert.True(Console.IsOutputRedirected, "the test host's output is expected to be redirected");
        Assert.False(ConsoleProgress.Create(new ProgressOptions(), Epochs)!.DrawsBar);
        Assert.True(ConsoleProgress.Create(new ProgressOptions { Console = ConsoleOn(new StringWriter(), ansi: true, terminal: true) }, Epochs)!.DrawsBar);
        Assert.False(ConsoleProgress.Create(new ProgressOptions { Console = ConsoleOn(new StringWriter(), ansi: false, terminal: true) }, Epochs)!.DrawsBar);
        Assert.False(ConsoleProgress.Create(new ProgressOptions { Console = ConsoleOn(new StringWriter(), ansi: true, terminal: false) }, Epochs)!.DrawsBar);
    }

    [Fact]
    public void OffPrintsNothingAndKeepsTheOptions()
    {
        var writer = new StringWriter();
        var options = new TrainingOptions { Epochs = 2 };
        Assert.Same(options, options.WithProgress(new ProgressOptions { Mode = ProgressMode.Off, Console = ConsoleOn(writer, ansi: true) }));
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void EveryOptionIsCarriedOverAndTheUserCallbacksStillRun()
    {
        int batches = 0, epochs = 0;
        using var cancellation = new CancellationTokenSource();
        var original = new TrainingOptions
        {
            Epochs = 7,
            BatchSize = 5,
            Shuffle = false,
            Seed = 11,
            ValidationSplit = 0.3,
            Metrics = [Metric.Accuracy],
            EarlyStopping = new EarlyStopping("loss", patience: 2),
            Checkpoint = new ModelCheckpoint(Path.Combine(Path.GetTempPath(), "never-written.ndw")),
            InitialEpoch = 1,
            Schedule = new CosineAnnealing(tMax: 7),
            Optimizer = new Sgd(ProgressNet.ParameterCount, 0.1f),
            LearningRate = 0.05f,
            ClipNorm = 1,
            ClipValue = 2,
            L1 = 0.001f,
            L2 = 0.002f,
            Progress = new Progress<EpochReport>(),
            CancellationToken = cancellation.Token,
            OnBatchEnd = _ => batches++,
            OnEpochEnd = _ => epochs++,
        };
        var defaults = new TrainingOptions();
        TrainingOptions copy = original.WithProgress(new ProgressOptions { Mode = ProgressMode.Lines, Console = ConsoleOn(new StringWriter(), ansi: false) });
        foreach (var property in typeof(TrainingOptions).GetProperties())
        {
            object? value = property.GetValue(original);
            // The sample above must set every option, so that one added later cannot be forgotten here.
            Assert.False(Equals(value, property.GetValue(defaults)), $"The test leaves {property.Name} at its default.");
            if (property.Name is nameof(TrainingOptions.OnBatchEnd) or nameof(TrainingOptions.OnEpochEnd)) continue;
            Assert.Equal(value, property.GetValue(copy));
        }
        copy.OnBatchEnd!(new BatchReport(1, 0, 3, 0.5f));
        Assert.Equal(1, batches);
        var history = new History(["loss"], 1);
        copy.OnEpochEnd!(new EpochReport(1, 7, double.NaN, double.NaN, 0.05f, history));
        Assert.Equal(1, epochs);
    }

    [Theory]
    [InlineData(0.0042, "4.2ms")]
    [InlineData(0.25, "250ms")]
    [InlineData(1.44, "1.4s")]
    [InlineData(125.2, "2m05s")]
    [InlineData(double.NaN, "?")]
    public void DurationsReadAsAPersonWritesThem(double seconds, string expected) =>
        Assert.Equal(expected, ProgressText.Duration(seconds));

    private static History Train(StringWriter writer, bool ansi, ProgressMode mode, List<EpochReport> reports, int width = 200)
    {
        var net = new ProgressNet(seed: 5);
        var options = new TrainingOptions
        {
            Epochs = Epochs,
            BatchSize = 8,
            ValidationSplit = 0.25,
            Metrics = [Metric.Accuracy],
            OnEpochEnd = reports.Add,
        }.WithProgress(new ProgressOptions { Mode = mode, Console = ConsoleOn(writer, ansi, width), RefreshInterval = TimeSpan.Zero });
        return net.Fit(ProgressNet.Diagonal(128), validation: null, options);
    }

    private static IAnsiConsole ConsoleOn(StringWriter writer, bool ansi, int width = 200, bool terminal = false) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = ansi ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
        Out = new FixedWidthOutput(writer, width, terminal),
    });

    // Each value in the line is the report's (loss, validation loss) or the history's (metrics), rounded to four decimals.
    private static void CheckEpochLine(string line, EpochReport report, History history, int e)
    {
        Assert.StartsWith($"Epoch {e + 1}/{Epochs} ", line);
        Assert.Equal(e, report.Epoch);
        Assert.Equal(Number(line, "loss"), report.Loss, Rounding);
        Assert.Equal(Number(line, "val_loss"), report.ValidationLoss, Rounding);
        Assert.Equal(Number(line, "accuracy"), history.Value("accuracy", e), Rounding);
        Assert.Equal(Number(line, "val_accuracy"), history.Value("val_accuracy", e), Rounding);
        Assert.Matches($" 12/12 - {Duration} - loss: ", line);
        if (e + 1 < Epochs) Assert.Matches($" - ETA {Duration}$", line);
        else Assert.DoesNotContain("ETA", line);
    }

    private static double Number(string line, string name)
    {
        Match match = Regex.Match(line, $@"(?<![a-z_]){name}: (\d+\.\d{{4}})");
        Assert.True(match.Success, $"no {name} in: {line}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A console output of a given width, as a terminal window has, that says whether it is a terminal.</summary>
    private sealed class FixedWidthOutput(TextWriter writer, int width, bool terminal) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;
        public bool IsTerminal => terminal;
        public int Width => width;
        public int Height => 50;
        public void SetEncoding(System.Text.Encoding encoding) { }
    }
}
