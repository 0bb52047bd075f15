using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;

namespace NeuralDsl.Generator.Tests;

/// <summary>The catalogue in <see cref="DiagnosticDescriptors"/>: complete, consistent, and every entry tested.</summary>
public partial class DiagnosticCatalogueTests
{
    private static DiagnosticDescriptor[] Descriptors { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Analyzer_supports_every_descriptor()
    {
        DiagnosticDescriptor[] supported = new NetworkAnalyzer().SupportedDiagnostics.ToArray();
        Assert.Equal(Descriptors.Length, supported.Length);
        Assert.All(Descriptors, descriptor => Assert.Contains(descriptor, supported));
    }

    [Fact]
    public void Ids_are_unique_and_link_to_their_page()
    {
        // One rule may have two descriptors of different severities (ND506: an invalid epsilon is an
        // error, a tiny one a warning); otherwise each ID has one descriptor.
        foreach (IGrouping<string, DiagnosticDescriptor> id in Descriptors.GroupBy(d => d.Id))
        {
            Assert.True(id.Count() == 1 || id.Select(d => d.DefaultSeverity).Distinct().Count() == id.Count(),
                $"{id.Key} has {id.Count()} descriptors of the same severity");
        }
        Assert.All(Descriptors, d =>
        {
            Assert.Matches("^ND[0-9]{3}$", d.Id);
            Assert.EndsWith($"/docs/diagnostics/{d.Id}.md", d.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(d.IsEnabledByDefault);
        });
    }

    [Fact]
    public void Every_descriptor_has_a_markup_test()
    {
        string directory = Path.GetDirectoryName(ThisFile())!;
        string tests = string.Concat(Directory.GetFiles(directory, "*DiagnosticTests.cs").Select(File.ReadAllText));
        var tested = MarkupId().Matches(tests).Select(m => m.Groups[1].Value).ToHashSet();
        string[] untested = Descriptors.Select(d => d.Id).Where(id => !tested.Contains(id)).ToArray();
        Assert.True(untested.Length == 0, "No markup test for " + string.Join(", ", untested));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    [GeneratedRegex(@"\{\|(ND[0-9]{3}):")]
    private static partial Regex MarkupId();
}
