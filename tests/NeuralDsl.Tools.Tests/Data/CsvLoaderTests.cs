using System;
using System.IO;
using System.Linq;
using NeuralDsl.Tools.Data;

namespace NeuralDsl.Tools.Tests.Data;

/// <summary>CsvLoader on committed and inline CSV text: selection, encoding, and every way a file can be wrong.</summary>
public class CsvLoaderTests
{
    private static CsvData Read(string text, CsvColumns columns) => CsvLoader.Load(new StringReader(text), "inline.csv", columns);

    private static DataFileException Fails(string text, CsvColumns columns, int line, string? column, params string[] phrases)
    {
        var e = Assert.Throws<DataFileException>(() => Read(text, columns));
        Assert.Equal("inline.csv", e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.StartsWith("inline.csv", e.Message);
        if (line > 0) Assert.Contains($"line {line}", e.Message);
        foreach (string phrase in phrases) Assert.Contains(phrase, e.Message);
        return e;
    }

    [Fact]
    public void Committed_file_with_a_categorical_feature_and_a_class_label_target()
    {
        CsvData data = CsvLoader.Load(TestFiles.Path("numbers.csv"), new CsvColumns
        {
            Features = ["size", "colour", "weight"],
            Targets = ["species"],
            TargetIsClassLabel = true,
            Categorical = ["colour"],
        });

        // colour's values sorted by code point: blue, red; each a 0/1 feature where the column was.
        Assert.Equal(["size", "colour=blue", "colour=red", "weight"], data.FeatureNames);
        Assert.Equal(["blue", "red"], data.Categories["colour"]);
        Assert.Equal(
            [1.5f, 0f, 1f, -0.2f,
             3f, 1f, 0f, 4f,
             0.25f, 0f, 1f, 1000f],
            data.Dataset.Features.ToArray());
        Assert.Equal([0f, 1f, 0f], data.Dataset.Targets.ToArray());
        Assert.Equal(["setosa", "virginica"], data.Labels!.Classes.ToArray());
        Assert.Equal(["species"], data.TargetNames);
    }

    [Fact]
    public void Without_a_feature_list_every_other_column_is_a_feature_in_file_order()
    {
        CsvData data = Read("a,y,b\n1,10,2\n3,30,4\n", new CsvColumns { Targets = ["y"] });
        Assert.Equal(["a", "b"], data.FeatureNames);
        Assert.Equal([1f, 2f, 3f, 4f], data.Dataset.Features.ToArray());
        Assert.Equal([10f, 30f], data.Dataset.Targets.ToArray());
        Assert.Null(data.Labels);
    }

    [Fact]
    public void Several_targets_make_a_target_row_in_the_order_named()
    {
        CsvData data = Read("x,t1,t2\n1,2,3\n4,5,6\n", new CsvColumns { Targets = ["t2", "t1"] });
        Assert.Equal(2, data.Dataset.TargetSize);
        Assert.Equal([3f, 2f, 6f, 5f], data.Dataset.Targets.ToArray());
    }

    [Fact]
    public void Numbers_are_read_in_the_invariant_culture_whatever_the_current_one()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            CsvData data = Read("x;y\n1.5;2\n", new CsvColumns { Targets = ["y"], Delimiter = ';' });
            Assert.Equal([1.5f], data.Dataset.Features.ToArray());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
        // A decimal comma is not a number in the invariant culture: it is refused, not misread as 15.
        Fails("x;y\n1,5;2\n", new CsvColumns { Targets = ["y"], Delimiter = ';' }, 2, "x", "\"1,5\" is not a number");
    }

    [Fact]
    public void Quoted_fields_may_hold_the_delimiter_and_line_breaks_and_lines_are_still_counted()
    {
        CsvData data = Read("name,x,y\n\"a, b\",1,2\n\"multi\nline\",3,4\n\"c\",5,6\n",
            new CsvColumns { Targets = ["y"], Categorical = ["name"] });
        Assert.Equal(["name=a, b", "name=c", "name=multi\nline", "x"], data.FeatureNames);
        Assert.Equal([1f, 0f, 0f, 1f, 0f, 0f, 1f, 3f, 0f, 1f, 0f, 5f], data.Dataset.Features.ToArray());
        Fails("name,x,y\n\"multi\nline\",3,4\n\"c\",5,oops\n", new CsvColumns { Targets = ["y"], Categorical = ["name"] }, 4, "y", "\"oops\" is not a number");
    }

    [Fact]
    public void A_missing_column_names_it_and_lists_the_header()
    {
        Fails("a,b\n1,2\n", new CsvColumns { Targets = ["label"] }, 1, "label", "no column named 'label'", "the columns are: a, b");
        Fails("a,b\n1,2\n", new CsvColumns { Targets = ["b"], Features = ["a", "c"] }, 1, "c", "no column named 'c'");
    }

    [Fact]
    public void A_value_that_is_not_a_number_names_line_and_column()
    {
        Fails("a,b\n1,2\n3,x4\n", new CsvColumns { Targets = ["b"] }, 3, "b", "line 3, column 'b'", "\"x4\" is not a number");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e39")]
    public void Values_that_are_not_finite_floats_are_refused(string value)
    {
        Fails($"a,b\n{value},2\n", new CsvColumns { Targets = ["b"] }, 2, "a", $"\"{value}\" is not a finite single-precision number");
    }

    [Fact]
    public void An_empty_field_is_refused()
    {
        Fails("a,b\n1,\n", new CsvColumns { Targets = ["b"] }, 2, "b", "the value is empty");
        Fails("a,b\n,1\n", new CsvColumns { Targets = ["b"], Categorical = ["a"] }, 2, "a", "the value is empty");
        Fails("a,b\n1,\n", new CsvColumns { Targets = ["b"], TargetIsClassLabel = true }, 2, "b", "the value is empty");
    }

    [Fact]
    public void A_ragged_row_gives_both_field_counts()
    {
        Fails("a,b,c\n1,2,3\n\n4,5\n", new CsvColumns { Targets = ["c"] }, 4, null, "2 fields, but the header has 3");
        Fails("a,b\n1,2,3\n", new CsvColumns { Targets = ["b"] }, 2, null, "3 fields, but the header has 2");
    }

    [Fact]
    public void An_empty_file_and_a_header_without_rows_are_refused()
    {
        Fails("", new CsvColumns { Targets = ["y"] }, 0, null, "is empty", "header line");
        Fails("\n\n", new CsvColumns { Targets = ["y"] }, 0, null, "is empty");
        Fails("x,y\n", new CsvColumns { Targets = ["y"] }, 1, null, "has a header but no data lines");
    }

    [Fact]
    public void A_header_with_a_repeated_or_empty_name_is_refused()
    {
        Fails("x,y,x\n1,2,3\n", new CsvColumns { Targets = ["y"] }, 1, "x", "'x' appears twice (columns 1 and 3)");
        Fails("x,,y\n1,2,3\n", new CsvColumns { Targets = ["y"] }, 1, null, "column 2 has no name");
    }

    [Fact]
    public void Malformed_quoting_is_refused_with_its_line()
    {
        // CsvHelper's own description of the problem follows the file and line.
        Fails("x,y\n1,2\n3,\"4\"x\n", new CsvColumns { Targets = ["y"] }, 3, null, "after the closing quote");
    }

    [Fact]
    public void When_every_column_is_a_target_there_are_no_features()
    {
        Fails("y\n1\n", new CsvColumns { Targets = ["y"] }, 1, null, "no column left for the features");
    }

    [Fact]
    public void Contradictory_selections_are_refused_before_reading()
    {
        var reader = new ThrowingReader();
        Assert.Throws<ArgumentException>(() => CsvLoader.Load(reader, "x.csv", new CsvColumns { Targets = [] }));
        Assert.Throws<ArgumentException>(() => CsvLoader.Load(reader, "x.csv", new CsvColumns { Targets = ["a", "b"], TargetIsClassLabel = true }));
        Assert.Contains("both as a feature and as a target",
            Assert.Throws<ArgumentException>(() => CsvLoader.Load(reader, "x.csv", new CsvColumns { Targets = ["a"], Features = ["a"] })).Message);
        Assert.Throws<ArgumentException>(() => CsvLoader.Load(reader, "x.csv", new CsvColumns { Targets = ["a"], Features = ["b", "b"] }));
        Assert.Throws<ArgumentException>(() => CsvLoader.Load(reader, "x.csv", new CsvColumns { Targets = ["a"], Features = ["b"], Categorical = ["c"] }));
        Assert.Throws<ArgumentException>(() => CsvLoader.Load(reader, "x.csv", new CsvColumns { Targets = ["a"], Categorical = ["a"] }));
        Assert.Throws<ArgumentException>(() => CsvLoader.Load(reader, "x.csv", new CsvColumns { Targets = ["a"], Features = [] }));
    }

    [Fact]
    public void A_missing_file_is_a_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => CsvLoader.Load(TestFiles.Path("absent.csv"), new CsvColumns { Targets = ["y"] }));
    }

    // Proves that a selection error is found before the reader is touched.
    private sealed class ThrowingReader : TextReader
    {
        public override int Read() => throw new InvalidOperationException("read");
        public override int Peek() => throw new InvalidOperationException("peek");
        public override int Read(char[] buffer, int index, int count) => throw new InvalidOperationException("read");
        public override int Read(Span<char> buffer) => throw new InvalidOperationException("read");
    }
}
