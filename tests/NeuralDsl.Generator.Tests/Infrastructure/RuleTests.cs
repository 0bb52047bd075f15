namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>Markup checks of network declarations for the design-rule tests: the body is wrapped in a file with a namespace.</summary>
internal static class RuleTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    /// <summary>Exactly the marked diagnostics; <paramref name="editorConfig"/> holds <c>.editorconfig</c> lines.</summary>
    public static MarkupResult Verify(string body, params string[] editorConfig) => DiagnosticMarkup.Verify(Header + body, editorConfig);

    /// <summary>No NeuralDsl diagnostic at all, and the network is generated.</summary>
    public static void VerifyClean(string body, params string[] editorConfig)
    {
        MarkupResult result = DiagnosticMarkup.Verify(Header + body, editorConfig);
        Assert.NotEmpty(result.Run.Sources);
    }
}
