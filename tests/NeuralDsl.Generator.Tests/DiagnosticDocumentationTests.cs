using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Each diagnostic's page exists, is listed, is tracked for release, and its example does what the
/// page says: the "Triggers" code raises the diagnostic and every fixed version does not.
/// </summary>
public partial class DiagnosticDocumentationTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", ".."));

    private static readonly string[] Ids = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
        .Distinct()
        .Order()
        .ToArray();

    public static IEnumerable<object[]> Pages => Ids.Select(id => new object[] { id });

    [Fact]
    public void Every_id_has_a_page_a_row_in_the_index_and_a_release_entry()
    {
        string index = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics", "README.md"));
        string releases = File.ReadAllText(Path.Combine(Root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.All(Ids, id =>
        {
            Assert.True(File.Exists(Path.Combine(Root, "docs", "diagnostics", id + ".md")), $"No page for {id}");
            Assert.Contains($"| {id} |", index, StringComparison.Ordinal);
            Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
            Assert.Contains($"\n{id} |", releases, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Example_triggers_the_diagnostic_and_the_fix_does_not(string id)
    {
        string page = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics", id + ".md"));
        int example = page.IndexOf("## Example", StringComparison.Ordinal);
        Assert.True(example >= 0, $"{id}.md has no example");
        int end = page.IndexOf("\n## ", example + 1, StringComparison.Ordinal);
        string section = page.Substring(example, (end < 0 ? page.Length : end) - example);
        Match[] blocks = CodeBlock().Matches(section).ToArray();
        Assert.True(blocks.Length >= 2, $"{id}.md's example needs the code that triggers it and a fix");

        Assert.Contains(Diagnose(blocks[0].Groups[1].Value, WeightsFilesAfter(section, blocks[0])), d => d.Id == id);
        foreach (Match fixedCode in blocks.Skip(1))
            Assert.DoesNotContain(Diagnose(fixedCode.Groups[1].Value, WeightsFilesAfter(section, fixedCode)), d => d.Id == id);
    }

    private static Diagnostic[] Diagnose(string source, ImmutableArray<AdditionalText> additionalFiles)
    {
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(source), null, additionalFiles);
        Diagnostic[] compiler = run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        // An example may be meant not to compile (a non-partial class, say): then only ND diagnostics count.
        return GeneratorHarness.Analyze(run.Output, additionalFiles).Concat(compiler).ToArray();
    }

    /// <summary>
    /// The ```json blocks after a code block (up to the next code block) are the weights files that
    /// code's <c>Weights = "..."</c> names (the ND80x pages show both); a block preceded by a line
    /// <c>File `path`:</c> is placed at that path instead. They become the example's AdditionalFiles.
    /// </summary>
    private static ImmutableArray<AdditionalText> WeightsFilesAfter(string section, Match block)
    {
        string code = block.Groups[1].Value;
        int start = block.Index + block.Length;
        int next = section.IndexOf("```csharp", start, StringComparison.Ordinal);
        string tail = section.Substring(start, (next < 0 ? section.Length : next) - start);
        Match weights = WeightsArgument().Match(code);
        (string, string)[] files = JsonBlock().Matches(tail)
            .Where(m => m.Groups[1].Success || weights.Success)
            .Select(m => (m.Groups[1].Success ? m.Groups[1].Value : weights.Groups[1].Value, m.Groups[2].Value))
            .ToArray();
        return InMemoryAdditionalText.Files(files);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"(?:File `([^`]+)`:\s*\n)?```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"Weights = ""([^""]*)""")]
    private static partial Regex WeightsArgument();
}
