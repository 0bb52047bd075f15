using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Reports;

namespace NeuralDsl.Tests.Reports;

public class ClassificationReportTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in MetricsReference.Root.GetProperty("classification").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static JsonElement Case(string name) =>
        MetricsReference.Root.GetProperty("classification").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static ClassificationReport Report(JsonElement c) =>
        ClassificationReport.Create(c.GetProperty("actual").Ints(), c.GetProperty("predicted").Ints(), c.GetProperty("classes").GetInt32(),
            c.GetProperty("names").ValueKind == JsonValueKind.Null ? null : c.GetProperty("names").EnumerateArray().Select(e => e.GetString()!).ToArray());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Numbers_match_scikit_learn(string name)
    {
        JsonElement c = Case(name);
        ClassificationReport report = Report(c);
        int classes = c.GetProperty("classes").GetInt32();
        int[][] confusion = c.GetProperty("confusion").EnumerateArray().Select(r => r.Ints()).ToArray();
        for (int a = 0; a < classes; a++)
            for (int p = 0; p < classes; p++)
                Assert.Equal(confusion[a][p], report.Matrix[a, p]);
        double[] precision = c.GetProperty("precision").Doubles(), recall = c.GetProperty("recall").Doubles(), f1 = c.GetProperty("f1").Doubles();
        int[] support = c.GetProperty("support").Ints();
        for (int k = 0; k < classes; k++)
        {
            MetricsReference.Close(precision[k], report.Classes[k].Precision, $"precision of {k}");
            MetricsReference.Close(recall[k], report.Classes[k].Recall, $"recall of {k}");
            MetricsReference.Close(f1[k], report.Classes[k].F1, $"F1 of {k}");
            Assert.Equal(support[k], report.Classes[k].Support);
        }
        double[] macro = c.GetProperty("macro").Doubles(), weighted = c.GetProperty("weighted").Doubles();
        MetricsReference.Close(macro[0], report.MacroAverage.Precision, "macro precision");
        MetricsReference.Close(macro[1], report.MacroAverage.Recall, "macro recall");
        MetricsReference.Close(macro[2], report.MacroAverage.F1, "macro F1");
        MetricsReference.Close(weighted[0], report.WeightedAverage.Precision, "weighted precision");
        MetricsReference.Close(weighted[1], report.WeightedAverage.Recall, "weighted recall");
        MetricsReference.Close(weighted[2], report.WeightedAverage.F1, "weighted F1");
        MetricsReference.Close(c.GetProperty("accuracy").GetDouble(), report.Accuracy, "accuracy");
        Assert.Equal(support.Sum(), report.Matrix.Total);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_is_scikit_learns(string name)
    {
        JsonElement c = Case(name);
        ClassificationReport report = Report(c);
        Assert.Equal(c.GetProperty("report").GetProperty("2").GetString(), report.ToString());
        Assert.Equal(c.GetProperty("report").GetProperty("4").GetString(), report.ToString(4));
        var writer = new StringWriter();
        report.Write(writer);
        Assert.Equal(report.ToString(), writer.ToString());
    }

    [Fact]
    public void The_never_predicted_class_scores_zero_not_NaN()
    {
        ClassificationReport report = Report(Case("never_predicted"));
        Assert.Equal(0, report.Matrix.PredictedCount(4));
        Assert.True(report.Classes[4].Support > 0);
        Assert.Equal(new ClassScores(0, 0, 0, report.Classes[4].Support), report.Classes[4]);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => ClassificationReport.Create([0, 1], [0], 2)).ParamName);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Create([0, 1], [0, 2], 2));
        Assert.Equal("predicted", range.ParamName);
        Assert.Contains("Sample 1 has class 2", range.Message, StringComparison.Ordinal);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Create([-1], [0], 2)).ParamName);
        Assert.Equal("names", Assert.Throws<ArgumentException>(() => ClassificationReport.Create([0], [0], 2, ["one"])).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Create([0], [0], 0)).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create([], [], 2)).ParamName);
        Assert.Equal("digits", Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Create([0], [0], 1).ToString(-1)).ParamName);
    }

    [Fact]
    public void Confusion_matrix_text_puts_actual_classes_in_rows()
    {
        var matrix = ConfusionMatrix.Create([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3, ["ant", "bee", "wasp"]);
        string[] lines = matrix.ToString().Split('\n');
        Assert.Equal("actual \\ predicted  ant  bee  wasp", lines[0]);
        Assert.Equal(["ant", "1", "1", "0"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["bee", "0", "1", "0"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["wasp", "1", "0", "2"], lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(lines[2..5], line => Assert.Equal(lines[0].Length, line.Length)); // counts right-aligned under their class
        Assert.Equal(6, matrix.Total);
        Assert.Equal(4, matrix.Correct);
    }
}
