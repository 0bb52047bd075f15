using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NeuralDsl.Tests.Training;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Reports;

public class TrainingTablesTests
{
    [Fact]
    public void History_prints_one_aligned_row_per_epoch_with_every_series_the_rate_and_the_stop_reason()
    {
        var net = new BinarySigmoidNet(seed: 3);
        History history = net.Fit(TrainingData.Separable(120, 1), TrainingData.Separable(40, 2), new TrainingOptions
        {
            Epochs = 4, BatchSize = 16, Metrics = [Metric.Accuracy], LearningRate = 0.25f,
        });
        string text = history.ToString();
        string[] lines = text.Split('\n');
        string[] header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["epoch", "loss", "val_loss", "accuracy", "val_accuracy", "lr"], header);
        Assert.Matches("^-+$", lines[1]);
        for (int e = 0; e < 4; e++)
        {
            string line = lines[2 + e];
            Assert.Equal(lines[0].Length, line.Length); // every column right-aligned under its header
            string[] cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(e + 1, int.Parse(cells[0], CultureInfo.InvariantCulture)); // numbered from 1, as Keras prints epochs
            for (int s = 0; s < history.SeriesNames.Count; s++)
                Assert.Equal(history.Value(history.SeriesNames[s], e), double.Parse(cells[s + 1], CultureInfo.InvariantCulture), 0.00005);
            Assert.Equal(0.25f, float.Parse(cells[^1], CultureInfo.InvariantCulture));
        }
        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.Equal(history.StopMessage, lines[6]);
        Assert.Equal("", lines[7]);

        var writer = new StringWriter();
        history.Write(writer);
        Assert.Equal(text, writer.ToString());
    }

    [Fact]
    public void Evaluation_prints_the_loss_and_each_metric_on_aligned_lines()
    {
        var net = new BinarySigmoidNet(seed: 3);
        var data = TrainingData.Separable(60, 4);
        Evaluation evaluation = net.Evaluate(data, [Metric.Accuracy, Metric.MeanSquaredError]);
        string[] lines = evaluation.ToString().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[3]);
        Assert.StartsWith("loss      ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("accuracy  ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("mse       ", lines[2], StringComparison.Ordinal);
        Assert.Equal(evaluation.Loss, double.Parse(lines[0][10..], CultureInfo.InvariantCulture), 0.00005);
        Assert.Equal(evaluation.Metrics["accuracy"], double.Parse(lines[1][10..], CultureInfo.InvariantCulture), 0.00005);
        Assert.Equal(evaluation.Metrics["mse"], double.Parse(lines[2][10..], CultureInfo.InvariantCulture), 0.00005);
    }

    [Theory]
    [InlineData(0.0, "0.0000")]
    [InlineData(0.69314718, "0.6931")]
    [InlineData(0.00012345, "1.235e-04")]
    [InlineData(double.NaN, "nan")]
    [InlineData(2.5e7, "2.500e+07")]
    public void Values_print_with_four_decimals_or_in_scientific_notation(double value, string expected) =>
        Assert.Equal(expected, NeuralDsl.Reports.ReportNumber.Format(value));
}
