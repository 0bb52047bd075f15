using System;
using System.IO;
using System.Linq;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Data;
using Samples.BreastCancer;
using Samples.Diabetes;
using Samples.Tabular;

namespace NeuralDsl.Samples.Tests;

/// <summary>The BreastCancer and Diabetes samples' cores on the committed CSV files.</summary>
public class TabularSampleTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    // The file's lines split on commas: a reader independent of CsvLoader for cross-checks.
    private static string[][] RawRows(string name) =>
        File.ReadAllLines(Data(name)).Skip(1).Select(line => line.Split(',')).ToArray();

    [Fact]
    public void Breast_cancer_loads_30_named_features_and_malignant_as_class_1()
    {
        CsvData data = CancerTraining.Load(Data("breast_cancer.csv"));
        string[][] raw = RawRows("breast_cancer.csv");

        Assert.Equal(569, data.Dataset.Count);
        Assert.Equal(30, data.Dataset.FeatureSize);
        Assert.Equal("mean radius", data.FeatureNames[0]);
        Assert.Equal("worst fractal dimension", data.FeatureNames[29]);
        Assert.Equal(raw.Select(r => r[^1] == "malignant" ? 1f : 0f), data.Dataset.Targets.ToArray());
        Assert.Equal(212, ClassLabels.Of(data.Dataset).Count(c => c == 1));
        Assert.Equal(float.Parse(raw[568][29], System.Globalization.CultureInfo.InvariantCulture), data.Dataset.Sample(568).Features[29]);
    }

    [Fact]
    public void Breast_cancer_models_on_300_samples_score_well_above_chance()
    {
        Dataset slice = CancerTraining.Load(Data("breast_cancer.csv")).Dataset.Take(0, 300);
        CancerResult result = CancerTraining.Run(slice, epochs: 100);

        Assert.Equal(60, result.Test.Count);
        foreach (ModelResult model in new[] { result.Logistic, result.Mlp })
        {
            Assert.True(model.Scores.Accuracy >= 0.9, $"accuracy {model.Scores.Accuracy:P1}");
            Assert.True(model.Scores.RocAuc >= 0.95, $"ROC AUC {model.Scores.RocAuc:F3}");
            Assert.Equal(ClassificationReport.Create(ClassLabels.Of(result.Test),
                model.Probabilities.Select(p => p >= 0.5f ? 1 : 0).ToArray(), classes: 2).Accuracy, model.Scores.Accuracy, 12);
        }
    }

    [Fact]
    public void Diabetes_loads_sex_as_two_one_hot_features_in_its_place()
    {
        CsvData data = DiabetesTraining.Load(Data("diabetes.csv"));
        string[][] raw = RawRows("diabetes.csv");

        Assert.Equal(["age", "sex=1", "sex=2", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], data.FeatureNames);
        Assert.Equal(442, data.Dataset.Count);
        for (int i = 0; i < raw.Length; i++)
        {
            ReadOnlySpan<float> row = data.Dataset.Sample(i).Features;
            Assert.Equal(raw[i][1] == "1" ? 1f : 0f, row[1]);
            Assert.Equal(raw[i][1] == "2" ? 1f : 0f, row[2]);
            Assert.Equal(float.Parse(raw[i][10], System.Globalization.CultureInfo.InvariantCulture), data.Dataset.Sample(i).Targets[0]);
        }
    }

    [Fact]
    public void Diabetes_models_explain_a_good_part_of_the_variance_in_the_files_units()
    {
        Dataset data = DiabetesTraining.Load(Data("diabetes.csv")).Dataset;
        DiabetesResult result = DiabetesTraining.Run(data, epochs: 300);

        Assert.Equal(3, result.Models.Length);
        foreach (RegressionResult model in result.Models)
        {
            Assert.True(model.Metrics.R2 >= 0.3, $"{model.Name}: R² {model.Metrics.R2:F3}");
            // Predictions are in the file's units (progression 25 to 346), not standardised.
            Assert.InRange(model.Predicted.Average(), 100, 200);
            Assert.Equal(RegressionMetrics.Compute(result.Test.Targets, model.Predicted).MeanAbsoluteError, model.Metrics.MeanAbsoluteError, 12);
        }
    }

    [Fact]
    public void Split_rows_reproduce_the_split()
    {
        Dataset data = DiabetesTraining.Load(Data("diabetes.csv")).Dataset;
        var (train, test) = SplitRows.Of(data, DiabetesTraining.TestFraction, DiabetesTraining.SplitSeed, stratify: false);
        Assert.Equal(Enumerable.Range(0, data.Count), train.Concat(test).Order());

        var (_, realTest) = DataSplit.TrainTest(data, DiabetesTraining.TestFraction, DiabetesTraining.SplitSeed);
        for (int i = 0; i < test.Length; i++)
            Assert.Equal(data.Sample(test[i]).Targets.ToArray(), realTest.Sample(i).Targets.ToArray());
    }
}
