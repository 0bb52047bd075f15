using System.Linq;
using Microsoft.CodeAnalysis.Text;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>The test helpers themselves: markup parsing and snapshot diffs.</summary>
public class InfrastructureTests
{
    [Fact]
    public void Markup_spans_are_removed_and_located_in_the_clean_source()
    {
        (string source, var expected) = DiagnosticMarkup.Parse("class {|ND002:{|ND003:Inner|}|}<T> { int {|ND001:x|}; }");

        Assert.Equal("class Inner<T> { int x; }", source);
        Assert.Equal(
            [new ExpectedDiagnostic("ND003", new TextSpan(6, 5)), new ExpectedDiagnostic("ND002", new TextSpan(6, 5)), new ExpectedDiagnostic("ND001", new TextSpan(21, 1))],
            expected.ToArray());
    }

    [Theory]
    [InlineData("{|ND001:never closed")]
    [InlineData("closes nothing|}")]
    [InlineData("{|no colon")]
    public void Malformed_markup_is_rejected(string markup) =>
        Assert.Throws<System.FormatException>(() => DiagnosticMarkup.Parse(markup));

    [Fact]
    public void Diff_shows_only_the_changed_lines_with_their_numbers()
    {
        string diff = Snapshot.Diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");

        Assert.Contains("-     2 | b", diff);
        Assert.Contains("+     2 | B", diff);
        Assert.Contains("+     5 | e", diff);
        Assert.DoesNotContain("| a", diff);
        Assert.DoesNotContain("| d", diff);
    }
}
