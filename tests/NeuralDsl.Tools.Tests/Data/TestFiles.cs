using System.IO;
using System.Runtime.CompilerServices;

namespace NeuralDsl.Tools.Tests.Data;

/// <summary>The committed files next to these tests (found through the source path, which test builds keep).</summary>
internal static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(Directory(), "Files", name);

    private static string Directory([CallerFilePath] string source = "") => System.IO.Path.GetDirectoryName(source)!;
}
