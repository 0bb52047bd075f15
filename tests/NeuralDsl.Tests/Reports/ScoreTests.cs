using System;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Reports;

namespace NeuralDsl.Tests.Reports;

public class ScoreTests
{
    [Fact]
    public void Top_k_accuracy_matches_scikit_learn_with_tied_scores()
    {
        JsonElement c = MetricsReference.Root.GetProperty("top_k");
        int classes = c.GetProperty("classes").GetInt32();
        int[] actual = c.GetProperty("actual").Ints();
        float[] scores = c.GetProperty("scores").Floats();
        foreach (JsonElement result in c.GetProperty("results").EnumerateArray())
        {
            int k = result.GetProperty("k").GetInt32();
            MetricsReference.Close(result.GetProperty("value").GetDouble(), TopKAccuracy.Compute(actual, scores, classes, k), $"top-{k}");
        }
        Assert.Equal(1.0, TopKAccuracy.Compute(actual, scores, classes, classes));
    }

    [Fact]
    public void Top_k_rejects_bad_input()
    {
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => TopKAccuracy.Compute([0, 1], [0.1f, 0.9f, 0.3f], 2, 1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => TopKAccuracy.Compute([0], [0.1f, 0.9f], 2, 0)).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => TopKAccuracy.Compute([2], [0.1f, 0.9f], 2, 1)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => TopKAccuracy.Compute([0], [0.1f, float.NaN], 2, 1)).ParamName);
    }

    [Fact]
    public void ROC_AUC_matches_scikit_learn_with_tied_scores()
    {
        foreach (JsonElement c in MetricsReference.Root.GetProperty("roc_auc").EnumerateArray())
        {
            int[] actual = c.GetProperty("actual").Ints();
            float[] scores = c.GetProperty("scores").Floats();
            Assert.True(scores.Distinct().Count() < scores.Length, "the reference must contain ties");
            MetricsReference.Close(c.GetProperty("value").GetDouble(), RocAuc.Compute(actual, scores), "ROC AUC");
        }
    }

    [Fact]
    public void ROC_AUC_counts_a_tied_pair_as_one_half_and_rejects_one_class()
    {
        Assert.Equal(0.5, RocAuc.Compute([0, 1], [0.3f, 0.3f]));
        Assert.Equal(1.0, RocAuc.Compute([0, 1], [0.2f, 0.3f]));
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => RocAuc.Compute([1, 1], [0.2f, 0.3f])).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => RocAuc.Compute([0, 2], [0.2f, 0.3f])).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => RocAuc.Compute([0, 1], [0.2f])).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => RocAuc.Compute([0, 1], [0.2f, float.NaN])).ParamName);
    }

    [Fact]
    public void Regression_metrics_match_scikit_learn()
    {
        foreach (JsonElement c in MetricsReference.Root.GetProperty("regression").EnumerateArray())
        {
            int outputs = c.GetProperty("outputs").GetInt32();
            var metrics = RegressionMetrics.Compute(c.GetProperty("actual").Floats(), c.GetProperty("predicted").Floats(), outputs);
            MetricsReference.Close(c.GetProperty("r2").GetDouble(), metrics.R2, "R2");
            MetricsReference.Close(c.GetProperty("mae").GetDouble(), metrics.MeanAbsoluteError, "MAE");
            MetricsReference.Close(c.GetProperty("mse").GetDouble(), metrics.MeanSquaredError, "MSE");
            double[] perOutput = c.GetProperty("r2_per_output").Doubles();
            Assert.Equal(outputs, metrics.R2PerOutput.Count);
            for (int o = 0; o < outputs; o++) MetricsReference.Close(perOutput[o], metrics.R2PerOutput[o], $"R2 of output {o}");
        }
    }

    [Fact]
    public void Regression_metrics_reject_bad_input()
    {
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1f, 2f], [1f])).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1f, 2f, 3f], [1f, 2f, 3f], outputs: 2)).ParamName);
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1f, 2f], [1f, float.NaN])).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => RegressionMetrics.Compute([1f], [1f], outputs: 0)).ParamName);
    }

    [Theory]
    // Python's format(x, ".2f") (and so scikit-learn's reports): exact binary value, ties to even.
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(0.625, 2, "0.62")]
    [InlineData(0.875, 2, "0.88")]
    [InlineData(0.005, 2, "0.01")]
    [InlineData(1.005, 2, "1.00")]
    [InlineData(0.285, 2, "0.28")]
    [InlineData(2.5, 0, "2")]
    [InlineData(3.5, 0, "4")]
    [InlineData(-0.125, 2, "-0.12")]
    [InlineData(1e-320, 3, "0.000")]
    [InlineData(123456.0, 1, "123456.0")]
    public void Fixed_point_formatting_is_Pythons(double value, int digits, string expected) =>
        Assert.Equal(expected, FixedPoint.Format(value, digits));
}
