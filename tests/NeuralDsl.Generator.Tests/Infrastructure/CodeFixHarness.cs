using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Applies code fixes the way the IDE does: the user's file in an <see cref="AdhocWorkspace"/>, the
/// analyzer's diagnostics, the provider's code action, and its changed solution after simplification
/// and formatting.
/// </summary>
internal static class CodeFixHarness
{
    /// <summary>The fix titles offered for the first <paramref name="id"/> diagnostic.</summary>
    public static IReadOnlyList<string> Offered(string source, CodeFixProvider provider, string id)
    {
        Document document = CreateDocument(source);
        Diagnostic diagnostic = Diagnostics(document, id).First();
        return Actions(document, provider, diagnostic).Select(a => a.Title).ToList();
    }

    /// <summary>The source after the first fix offered for the first <paramref name="id"/> diagnostic.</summary>
    public static string Fix(string source, CodeFixProvider provider, string id)
    {
        Document document = CreateDocument(source);
        Diagnostic diagnostic = Diagnostics(document, id).First();
        CodeAction action = Assert.Single(Actions(document, provider, diagnostic));
        return Apply(document, action);
    }

    /// <summary>The source after fixing every <paramref name="id"/> diagnostic in the document at once (the IDE's "Fix all").</summary>
    public static string FixAll(string source, CodeFixProvider provider, string id)
    {
        Document document = CreateDocument(source);
        ImmutableArray<Diagnostic> diagnostics = Diagnostics(document, id);
        Assert.True(diagnostics.Length > 1, $"Fix-all needs several {id} diagnostics, found {diagnostics.Length}.");
        string? key = Actions(document, provider, diagnostics[0]).First().EquivalenceKey;
        var context = new FixAllContext(document, provider, FixAllScope.Document, key, [id], new Provider(diagnostics), CancellationToken.None);
        CodeAction action = Run(() => provider.GetFixAllProvider()!.GetFixAsync(context))!;
        return Apply(document, action);
    }

    /// <summary>The <paramref name="id"/> diagnostics the analyzer reports on <paramref name="source"/>.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(string source, string id) => Diagnostics(CreateDocument(source), id);

    private static ImmutableArray<Diagnostic> Diagnostics(Document document, string id)
    {
        Compilation compilation = Run(() => document.Project.GetCompilationAsync())!;
        return GeneratorHarness.Analyze(compilation).Where(d => d.Id == id).ToImmutableArray();
    }

    private static List<CodeAction> Actions(Document document, CodeFixProvider provider, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        Run(async () => { await provider.RegisterCodeFixesAsync(context); return 0; });
        return actions;
    }

    private static string Apply(Document document, CodeAction action)
    {
        ImmutableArray<CodeActionOperation> operations = Run(() => action.GetOperationsAsync(CancellationToken.None));
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return Run(() => changed.GetDocument(document.Id)!.GetTextAsync())!.ToString();
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        ProjectInfo project = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "UserCode", "UserCode", LanguageNames.CSharp,
            compilationOptions: TestCompilation.CompilationOptions, parseOptions: TestCompilation.ParseOptions,
            metadataReferences: TestCompilation.References);
        Solution solution = workspace.CurrentSolution.AddProject(project);
        DocumentId id = DocumentId.CreateNewId(project.Id);
        solution = solution.AddDocument(id, "Source0.cs", SourceText.From(source), filePath: "Source0.cs");
        return solution.GetDocument(id)!;
    }

    // Off the test's synchronisation context, so that blocking on the result cannot deadlock.
    private static T Run<T>(System.Func<Task<T>> action) => Task.Run(action).GetAwaiter().GetResult();

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
