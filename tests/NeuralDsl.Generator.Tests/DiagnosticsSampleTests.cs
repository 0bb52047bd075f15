using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// samples/Diagnostics is not in Dsl.sln (it shows warnings on purpose), so it is checked here: each
/// network raises exactly the diagnostics that the comment lines above it name (<c>// NDxxx: ...</c>),
/// and a network without such a comment raises none.
/// </summary>
public partial class DiagnosticsSampleTests
{
    [Fact]
    public void Each_network_raises_the_diagnostics_its_comment_names()
    {
        string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "samples", "Diagnostics", "Networks.cs"));
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(File.ReadAllText(path)));
        Diagnostic[] diagnostics = GeneratorHarness.Analyze(run.Output).ToArray();
        SyntaxTree tree = run.Input.SyntaxTrees.Single();

        var classes = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().ToList();
        Assert.True(classes.Count >= 10, "The sample should declare its networks in Networks.cs.");
        foreach (ClassDeclarationSyntax declaration in classes)
        {
            string[] expected = declaration.GetLeadingTrivia()
                .Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SingleLineCommentTrivia))
                .Select(t => ExpectedId().Match(t.ToString()))
                .Where(m => m.Success)
                .Select(m => m.Groups[1].Value)
                .Order()
                .ToArray();
            string[] actual = diagnostics
                .Where(d => declaration.FullSpan.Contains(d.Location.SourceSpan))
                .Select(d => d.Id)
                .Distinct()
                .Order()
                .ToArray();
            Assert.True(expected.SequenceEqual(actual),
                $"{declaration.Identifier.Text}: the comment names [{string.Join(", ", expected)}] but it raises [{string.Join(", ", actual)}]");
        }
        Assert.NotEmpty(run.Sources);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    [GeneratedRegex(@"^// (ND[0-9]{3})\b")]
    private static partial Regex ExpectedId();
}
