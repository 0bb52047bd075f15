using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace NeuralDsl.Reports;

/// <summary>Precision, recall, F1 and support of one class, or an average of them.</summary>
/// <param name="Precision">Correct predictions of the class over all predictions of it; 0 when it is never predicted.</param>
/// <param name="Recall">Correct predictions of the class over its samples; 0 when it has none.</param>
/// <param name="F1">The harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Support">Samples whose actual class this is (for an average: all samples).</param>
public readonly record struct ClassScores(double Precision, double Recall, double F1, long Support);

/// <summary>
/// Per-class precision, recall, F1 and support with accuracy and the macro and weighted averages:
/// the numbers and the text of scikit-learn's <c>classification_report</c> with <c>zero_division=0</c>
/// (a ratio whose denominator is 0 counts as 0, and takes part in the averages as 0).
/// </summary>
/// <example>
/// <code>
/// int[] predicted = net.PredictClasses(test.Features);
/// Console.WriteLine(ClassificationReport.Create(ClassLabels.Of(test), predicted, 10));
/// </code>
/// </example>
public sealed class ClassificationReport
{
    private readonly ClassScores[] _classes;

    private ClassificationReport(ConfusionMatrix matrix)
    {
        Matrix = matrix;
        int k = matrix.Classes;
        _classes = new ClassScores[k];
        double p = 0, r = 0, f = 0, wp = 0, wr = 0, wf = 0;
        for (int c = 0; c < k; c++)
        {
            long tp = matrix[c, c], support = matrix.Support(c), predicted = matrix.PredictedCount(c);
            double precision = predicted == 0 ? 0 : (double)tp / predicted;
            double recall = support == 0 ? 0 : (double)tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            _classes[c] = new ClassScores(precision, recall, f1, support);
            p += precision; r += recall; f += f1;
            wp += precision * support; wr += recall * support; wf += f1 * support;
        }
        long total = matrix.Total;
        Accuracy = (double)matrix.Correct / total;
        MacroAverage = new ClassScores(p / k, r / k, f / k, total);
        WeightedAverage = new ClassScores(wp / total, wr / total, wf / total, total);
    }

    /// <summary>The confusion matrix the report is computed from.</summary>
    public ConfusionMatrix Matrix { get; }

    /// <summary>The class names (their indices as text unless names were given).</summary>
    public IReadOnlyList<string> Names => Matrix.Names;

    /// <summary>The scores of each class, by class index.</summary>
    public IReadOnlyList<ClassScores> Classes => _classes;

    /// <summary>Fraction of samples whose predicted class is the actual one.</summary>
    public double Accuracy { get; }

    /// <summary>Unweighted mean over the classes, every class counting once (classes without samples included).</summary>
    public ClassScores MacroAverage { get; }

    /// <summary>Mean over the classes weighted by their support.</summary>
    public ClassScores WeightedAverage { get; }

    /// <summary>
    /// Builds the report from one actual and one predicted class index per sample, each in
    /// [0, <paramref name="classes"/>); <paramref name="names"/>, if given, names each class.
    /// </summary>
    public static ClassificationReport Create(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classes, string[]? names = null)
        => new(ConfusionMatrix.Create(actual, predicted, classes, names));

    /// <summary>The report with two decimals, scikit-learn's layout.</summary>
    public override string ToString() => ToString(2);

    /// <summary>
    /// The report with <paramref name="digits"/> decimals, character for character what scikit-learn's
    /// <c>classification_report(..., labels=range(classes), digits=digits, zero_division=0)</c> prints.
    /// Like scikit-learn, the overall line reads <c>accuracy</c> when every class occurs among the actual
    /// or predicted classes, and <c>micro avg</c> (the same number three times) when one occurs in neither.
    /// </summary>
    public string ToString(int digits)
    {
        if (digits < 0 || digits > 15) throw new ArgumentOutOfRangeException(nameof(digits), digits, "Digits must be in [0, 15].");
        int width = Math.Max("weighted avg".Length, digits);
        foreach (string name in Matrix.Names) width = Math.Max(width, name.Length);
        var text = new StringBuilder();
        text.Append(' ', width + 1);
        foreach (string header in new[] { "precision", "recall", "f1-score", "support" }) Cell(text, header);
        text.Append("\n\n");
        for (int c = 0; c < _classes.Length; c++) Line(text, Matrix.Names[c], _classes[c], width, digits);
        text.Append('\n');
        bool everyClassSeen = true;
        for (int c = 0; c < _classes.Length; c++)
            if (_classes[c].Support == 0 && Matrix.PredictedCount(c) == 0) everyClassSeen = false;
        if (everyClassSeen)
        {
            text.Append(' ', width - "accuracy".Length).Append("accuracy ");
            Cell(text, "");
            Cell(text, "");
            Cell(text, FixedPoint.Format(Accuracy, digits));
            Cell(text, Matrix.Total.ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        else Line(text, "micro avg", new ClassScores(Accuracy, Accuracy, Accuracy, Matrix.Total), width, digits);
        Line(text, "macro avg", MacroAverage, width, digits);
        Line(text, "weighted avg", WeightedAverage, width, digits);
        return text.ToString();
    }

    /// <summary>Writes <see cref="ToString()"/> to <paramref name="writer"/>.</summary>
    public void Write(TextWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        writer.Write(ToString());
    }

    private static void Line(StringBuilder text, string heading, ClassScores scores, int width, int digits)
    {
        text.Append(' ', width - heading.Length).Append(heading).Append(' ');
        Cell(text, FixedPoint.Format(scores.Precision, digits));
        Cell(text, FixedPoint.Format(scores.Recall, digits));
        Cell(text, FixedPoint.Format(scores.F1, digits));
        Cell(text, scores.Support.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
    }

    // A space, then the value right-aligned in 9 characters (Python's " {:>9}").
    private static void Cell(StringBuilder text, string value) => text.Append(' ', 1 + Math.Max(0, 9 - value.Length)).Append(value);
}
