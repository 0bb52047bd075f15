using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with a checked-in baseline, following Verify's conventions so that moving to Verify
/// is small: <c>Snapshots/&lt;Class&gt;.&lt;Test&gt;.verified.cs</c> beside the test source; a mismatch
/// writes <c>.received.cs</c> and fails with a line diff; <c>NEURALDSL_ACCEPT_SNAPSHOTS=1</c> accepts
/// the received text instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "NEURALDSL_ACCEPT_SNAPSHOTS";

    private const int DiffLines = 24;
    private const long MaxDiffCells = 4_000_000;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Matches <paramref name="actual"/> against the calling test's baseline.</summary>
    public static void Match(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}");
        string verifiedPath = stem + ".verified.cs";
        string receivedPath = stem + ".received.cs";
        string received = Normalize(actual);
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";

        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }
        if (accept)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, received, Utf8NoBom);
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, received, Utf8NoBom);
        string how = $"Compare the files, then rerun with {AcceptVariable}=1 to accept.";
        Assert.Fail(verified is null
            ? $"No snapshot {verifiedPath}. Wrote {receivedPath}. {how}"
            : $"Snapshot mismatch: {verifiedPath}\nReceived: {receivedPath}\n{Diff(verified, received)}\n{how}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>
    /// The lines that differ, as <c>- n | expected</c> and <c>+ n | actual</c> with each side's line
    /// numbers, from a longest-common-subsequence alignment of the two files.
    /// </summary>
    internal static string Diff(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        var builder = new StringBuilder();
        builder.Append($"Verified has {e.Length} lines, received {a.Length}. Differing lines (- verified, + received):\n");
        int shown = 0, hidden = 0;
        foreach ((char kind, int line, string text) in Edits(e, a))
        {
            if (shown++ < DiffLines) builder.Append($"  {kind} {line,5} | {text}\n");
            else hidden++;
        }
        if (hidden > 0) builder.Append($"  ... and {hidden} more differing lines\n");
        return builder.ToString();
    }

    private static IEnumerable<(char Kind, int Line, string Text)> Edits(string[] e, string[] a)
    {
        // Common prefix and suffix first: they are most of a snapshot and keep the table small.
        int start = 0;
        while (start < e.Length && start < a.Length && e[start] == a[start]) start++;
        int endE = e.Length, endA = a.Length;
        while (endE > start && endA > start && e[endE - 1] == a[endA - 1])
        {
            endE--;
            endA--;
        }
        int n = endE - start, m = endA - start;
        if ((long)n * m > MaxDiffCells)
        {
            for (int i = start; i < endE; i++) yield return ('-', i + 1, e[i]);
            for (int j = start; j < endA; j++) yield return ('+', j + 1, a[j]);
            yield break;
        }

        // lcs[i, j]: length of the longest common subsequence of e[start + i..endE) and a[start + j..endA).
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = e[start + i] == a[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && e[start + x] == a[start + y])
            {
                x++;
                y++;
            }
            else if (y == m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                yield return ('-', start + x + 1, e[start + x]);
                x++;
            }
            else
            {
                yield return ('+', start + y + 1, a[start + y]);
                y++;
            }
        }
    }
}
