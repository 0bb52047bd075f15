using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>
/// A code-fix test on Microsoft.CodeAnalysis.Testing: <c>{|ND301:text|}</c> markup in the source marks
/// each diagnostic the fix must apply to; the library applies the fix as the IDE does, one diagnostic at
/// a time and as Fix All in document, project and solution scope, and compares each result with the fixed
/// source, in which no such diagnostic may remain. Only the rule under test is checked (the analyzer's
/// other rules are disabled). The references are the test's own platform and the NeuralDsl runtime, as in
/// <see cref="TestCompilation"/>, so no reference-assembly package is downloaded.
/// </summary>
internal sealed class NetworkCodeFixTest<TCodeFix> : CSharpCodeFixTest<NetworkAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public NetworkCodeFixTest(string id, string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestCompilation.References);
        DisabledDiagnostics.AddRange(new NetworkAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(other => other != id).Distinct());
    }

    protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => TestCompilation.CompilationOptions;
}
