using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>A diagnostic a test expects: its ID and the span it must point at.</summary>
internal readonly record struct ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>What <see cref="DiagnosticMarkup.Verify(string, string[])"/> saw: the generator run and the NeuralDsl diagnostics.</summary>
internal sealed record MarkupResult(GeneratorRun Run, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Source with <c>{|ND001:text|}</c> markup: each marked span must carry exactly that diagnostic, and
/// no other NeuralDsl diagnostic may appear. Spans may nest.
/// </summary>
internal static partial class DiagnosticMarkup
{
    public static (string Source, ImmutableArray<ExpectedDiagnostic> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = ImmutableArray.CreateBuilder<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        int i = 0;
        while (i < markup.Length)
        {
            if (string.CompareOrdinal(markup, i, "{|", 0, 2) == 0)
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"Markup '{{|' at {i} has no ':'.");
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon + 1;
            }
            else if (string.CompareOrdinal(markup, i, "|}", 0, 2) == 0)
            {
                if (open.Count == 0) throw new FormatException($"Markup '|}}' at {i} closes nothing.");
                (string id, int start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i++]);
            }
        }
        if (open.Count > 0) throw new FormatException($"Markup for {open.Peek().Id} is not closed.");
        return (source.ToString(), expected.ToImmutable());
    }

    /// <summary>
    /// Runs the generator and the analyzer on <paramref name="markup"/> and asserts the exact set of
    /// NeuralDsl diagnostics. When any of them is an error from the parser, the generator must have
    /// emitted nothing; otherwise (design-rule findings never stop generation, whatever their
    /// severity) what it emitted must compile. Compiler diagnostics of the user code are ignored.
    /// <paramref name="editorConfig"/> holds <c>.editorconfig</c> lines for the source file
    /// (<c>key = value</c>), such as rule thresholds.
    /// </summary>
    public static MarkupResult Verify(string markup, params string[] editorConfig) =>
        Verify(markup, ImmutableArray<AdditionalText>.Empty, editorConfig);

    /// <summary>
    /// As <see cref="Verify(string, string[])"/> for declarations in namespace <c>Samples</c> (the markup
    /// follows <c>using NeuralDsl;</c>), with one weights file, <paramref name="json"/> at <paramref name="path"/>.
    /// </summary>
    public static MarkupResult VerifyWithWeights(string markup, string path, string json) =>
        Verify("using NeuralDsl;\n\nnamespace Samples;\n\n" + markup, InMemoryAdditionalText.Files((path, json)));

    /// <summary>The message of the one diagnostic <paramref name="result"/> holds, in the invariant culture.</summary>
    public static string OnlyMessage(MarkupResult result) =>
        result.Diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Verify(string, string[])"/>, with <paramref name="additionalFiles"/> as the project's AdditionalFiles.</summary>
    public static MarkupResult Verify(string markup, ImmutableArray<AdditionalText> additionalFiles, params string[] editorConfig)
    {
        (string source, ImmutableArray<ExpectedDiagnostic> expected) = Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(source), null, additionalFiles);
        GeneratorHarness.AssertGeneratorDidNotThrow(run);
        ImmutableArray<Diagnostic> actual = GeneratorHarness.Analyze(run.Output, additionalFiles, editorConfig)
            .Where(d => d.Id.StartsWith("ND", StringComparison.Ordinal))
            .ToImmutableArray();

        foreach (Diagnostic diagnostic in actual)
        {
            Assert.True(diagnostic.Location.IsInSource && diagnostic.Location.SourceTree!.FilePath == "Source0.cs",
                $"{diagnostic.Id} has no location in the user's file: {diagnostic.Location}");
            Assert.False(Placeholder().IsMatch(diagnostic.GetMessage()), $"{diagnostic.Id} message is not fully formatted: {diagnostic.GetMessage()}");
        }

        var expectedKeys = expected.Select(e => (e.Id, e.Span)).OrderBy(k => k.Span.Start).ThenBy(k => k.Id).ToList();
        var actualKeys = actual.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(k => k.SourceSpan.Start).ThenBy(k => k.Id).ToList();
        if (!expectedKeys.SequenceEqual(actualKeys.Select(k => (k.Id, Span: k.SourceSpan))))
        {
            Assert.Fail("Diagnostics differ.\nExpected:\n" +
                string.Join("\n", expectedKeys.Select(k => $"  {k.Id} at {k.Span} '{source.Substring(k.Span.Start, k.Span.Length)}'")) +
                "\nActual:\n" +
                string.Join("\n", actual.Select(d => $"  {d.Id} at {d.Location.SourceSpan} '{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}': {d.GetMessage()}")));
        }

        if (actual.Any(d => d.Severity == DiagnosticSeverity.Error && !GeneratorHarness.IsDesignRule(d)))
        {
            Assert.True(run.Sources.IsEmpty,
                "The generator emitted code for an invalid declaration: " + string.Join(", ", run.Sources.Select(s => s.HintName)));
        }
        else
        {
            Diagnostic[] generatedErrors = run.Output.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !run.Input.SyntaxTrees.Contains(tree))
                .ToArray();
            Assert.True(generatedErrors.Length == 0, "Generated code does not compile:\n" + GeneratorHarness.Describe(generatedErrors));
        }
        return new MarkupResult(run, actual);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
