using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>One run of <see cref="NetworkGenerator"/> over a compilation.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(Compilation input, Compilation output, GeneratorDriver driver)
    {
        Input = input;
        Output = output;
        Driver = driver;
    }

    public Compilation Input { get; }

    /// <summary>The input plus the generated trees.</summary>
    public Compilation Output { get; }

    /// <summary>The driver after the run; run it again for incremental tests.</summary>
    public GeneratorDriver Driver { get; }

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

    /// <summary>The text of the only generated file.</summary>
    public string SingleSource
    {
        get
        {
            Assert.True(Sources.Length == 1, $"Expected one generated file, got {Sources.Length}: {string.Join(", ", Sources.Select(s => s.HintName))}");
            return Sources[0].SourceText.ToString();
        }
    }
}

/// <summary>Runs the generator and the analyzer in memory, the way the compiler and the IDE do.</summary>
internal static class GeneratorHarness
{
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on <paramref name="compilation"/>, continuing from <paramref name="driver"/> when given.</summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null) =>
        Run(compilation, driver, ImmutableArray<AdditionalText>.Empty);

    /// <summary>Runs the generator with <paramref name="additionalFiles"/> as the project's AdditionalFiles (added to a new driver).</summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver, ImmutableArray<AdditionalText> additionalFiles)
    {
        driver ??= CreateDriver().AddAdditionalTexts(additionalFiles);
        GeneratorDriver next = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(compilation, output, next);
    }

    /// <summary>Fails if the generator threw (the compiler would report it as warning CS8785).</summary>
    public static void AssertGeneratorDidNotThrow(GeneratorRun run)
    {
        Assert.True(run.Result.Exception is null, $"The generator threw: {run.Result.Exception}");
        Diagnostic[] failures = run.Driver.GetRunResult().Diagnostics.Where(d => d.Id == "CS8785").ToArray();
        Assert.True(failures.Length == 0, "The generator failed: " + string.Join("; ", failures.Select(d => d.GetMessage())));
    }

    /// <summary>Whether <paramref name="diagnostic"/> comes from a design rule, which reports without changing what is generated.</summary>
    public static bool IsDesignRule(Diagnostic diagnostic) => Analysis.DesignAnalysis.Descriptors.Contains(diagnostic.Descriptor);

    /// <summary>
    /// Runs <see cref="NetworkAnalyzer"/>, with <paramref name="editorConfig"/> (<c>key = value</c> lines) as
    /// the <c>.editorconfig</c> options of every file; fails if it threw (reported as AD0001).
    /// </summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, params string[] editorConfig) =>
        Analyze(compilation, ImmutableArray<AdditionalText>.Empty, editorConfig);

    /// <summary>Runs <see cref="NetworkAnalyzer"/> with <paramref name="additionalFiles"/> as the project's AdditionalFiles.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, params string[] editorConfig)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles, new EditorConfigOptions(editorConfig)),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetworkAnalyzer()), options);
        // Off the test's synchronisation context, so that blocking on the result cannot deadlock.
        ImmutableArray<Diagnostic> diagnostics = Task.Run(() => analysis.GetAnalyzerDiagnosticsAsync()).GetAwaiter().GetResult();
        Assert.True(exceptions.Count == 0, "The analyzer threw: " + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>
    /// Compiles <paramref name="sources"/>, runs the generator and the analyzer, and asserts that the
    /// declaration is clean: no NeuralDsl diagnostic from the parser, and the whole output (user code
    /// plus generated code) emits with zero errors and zero warnings. Design-rule findings are allowed:
    /// they never change what is generated, and their own tests cover them.
    /// </summary>
    public static GeneratorRun RunAndAssertClean(params string[] sources)
    {
        GeneratorRun run = Run(TestCompilation.Create(sources));
        AssertGeneratorDidNotThrow(run);
        ImmutableArray<Diagnostic> analyzerDiagnostics = Analyze(run.Output)
            .Where(d => !IsDesignRule(d))
            .ToImmutableArray();
        Assert.True(analyzerDiagnostics.IsEmpty, "Unexpected analyzer diagnostics:\n" + Describe(analyzerDiagnostics));
        AssertEmitsCleanly(run.Output);
        return run;
    }

    /// <summary>Emits <paramref name="compilation"/> and fails on any warning or error.</summary>
    public static void AssertEmitsCleanly(Compilation compilation)
    {
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        Diagnostic[] problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(result.Success && problems.Length == 0, "Compilation is not clean:\n" + Describe(problems));
    }

    /// <summary>Diagnostics as readable lines: id, location, message and the offending source line.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d =>
        {
            string line = "";
            if (d.Location.IsInSource)
            {
                int number = d.Location.GetLineSpan().StartLinePosition.Line;
                line = "\n      | " + d.Location.SourceTree!.GetText().Lines[number].ToString().Trim();
            }
            return $"  {d.Id} {d.Severity} at {d.Location.GetLineSpan()}: {d.GetMessage()}{line}";
        }));
}
