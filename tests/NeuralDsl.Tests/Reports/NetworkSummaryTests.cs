using System;
using System.IO;
using System.Linq;
using NeuralDsl.Reports;

namespace NeuralDsl.Tests.Reports;

public class NetworkSummaryTests
{
    [Fact]
    public void Counts_follow_Keras_formulas()
    {
        var net = new SummaryNet(seed: 1);
        NetworkSummary summary = net.Summary();

        // Keras: Dense inputs*units (+ units with bias); BatchNormalization 4*units, 2*units non-trainable.
        int dense0 = 5 * 8 + 8, batchNorm = 4 * 8, dense1 = 8 * 6, dense2 = 6 * 3 + 3;
        Assert.Equal([dense0, batchNorm, 0, dense1, 0, dense2], summary.Rows.Select(r => r.Parameters));
        Assert.Equal([0, 2 * 8, 0, 0, 0, 0], summary.Rows.Select(r => r.NonTrainableParameters));
        Assert.Equal(dense0 + batchNorm + dense1 + dense2, summary.TotalParameters);
        Assert.Equal(2 * 8, summary.NonTrainableParameters);
        Assert.Equal(dense0 + batchNorm - 2 * 8 + dense1 + dense2, summary.TrainableParameters);
        // And they agree with what the network holds.
        Assert.Equal(SummaryNet.ParameterCount, summary.TrainableParameters);
        Assert.Equal(net.State.Length, summary.NonTrainableParameters);

        Assert.Equal(["dense", "batch_normalization", "dropout", "dense_1", "activation", "dense_2"], summary.Rows.Select(r => r.Name));
        Assert.Equal(["(None, 8)", "(None, 8)", "(None, 8)", "(None, 6)", "(None, 6)", "(None, 3)"], summary.Rows.Select(r => r.OutputShape));
        Assert.Equal("SummaryNet", summary.Name);
    }

    [Fact]
    public void PReLU_slopes_are_trainable_parameters()
    {
        NetworkSummary summary = new PReluSummaryNet(seed: 1).Summary();
        // Dense 4*7+7 plus one slope per unit (PyTorch's PReLU(num_parameters=7)); Dense 7*2+2.
        Assert.Equal([4 * 7 + 7 + 7, 7 * 2 + 2], summary.Rows.Select(r => r.Parameters));
        Assert.Equal(0, summary.NonTrainableParameters);
    }

    [Fact]
    public void Text_has_aligned_columns_and_the_totals()
    {
        NetworkSummary summary = new SummaryNet(seed: 1).Summary();
        string text = summary.ToString();
        string[] lines = text.Split('\n');
        Assert.Equal("Model: \"SummaryNet\" (input: (None, 5))", lines[0]);
        string header = lines[1];
        Assert.Matches("^-+$", lines[2]);
        Assert.Equal(lines[2].Length, header.Length); // the last column is right-aligned, so the header fills the width
        int shape = header.IndexOf("Output Shape", StringComparison.Ordinal);
        int activation = header.IndexOf("Activation", StringComparison.Ordinal);
        string[] rows = lines[3..9];
        for (int i = 0; i < rows.Length; i++)
        {
            SummaryRow row = summary.Rows[i];
            Assert.Equal(row.OutputShape, rows[i].Substring(shape, row.OutputShape.Length));
            Assert.EndsWith(" " + row.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), rows[i], StringComparison.Ordinal);
            Assert.Equal(header.Length, rows[i].Length); // counts end under "Param #"
            Assert.StartsWith(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "  " + row.Name + " (" + row.Kind + ")", rows[i].TrimStart(), StringComparison.Ordinal);
        }
        Assert.Equal("ReLU", rows[0].Substring(activation, 4));
        Assert.Equal("Tanh", rows[3].Substring(activation, 4));
        Assert.Equal(' ', rows[1][activation]); // batch normalisation has no activation of its own
        Assert.Matches("^=+$", lines[9]);
        Assert.Equal("Total params: " + summary.TotalParameters, lines[10]);
        Assert.Equal("Trainable params: " + summary.TrainableParameters, lines[11]);
        Assert.Equal("Non-trainable params: 16", lines[12]);
        Assert.Equal("", lines[13]);

        var writer = new StringWriter();
        summary.Write(writer);
        Assert.Equal(text, writer.ToString());
    }

    [Fact]
    public void Large_counts_have_thousands_separators()
    {
        string text = new NeuralDsl.Tests.Behaviour.MnistMlp(seed: 1).Summary().ToString();
        Assert.Contains("Total params: 109,386", text, StringComparison.Ordinal); // 784*128+128 + 128*64+64 + 64*10+10
        Assert.Contains((784 * 128 + 128).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }
}
