using System;
using System.Collections.Generic;
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
        string[] blocks = CodeBlock().Matches(section).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(blocks.Length >= 2, $"{id}.md's example needs the code that triggers it and a fix");

        Assert.Contains(Diagnose(blocks[0]), d => d.Id == id);
        foreach (string fixedCode in blocks.Skip(1))
            Assert.DoesNotContain(Diagnose(fixedCode), d => d.Id == id);
    }

    private static Diagnostic[] Diagnose(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(source));
        Diagnostic[] compiler = run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        // An example may be meant not to compile (a non-partial class, say): then only ND diagnostics count.
        return GeneratorHarness.Analyze(run.Output).Concat(compiler).ToArray();
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
