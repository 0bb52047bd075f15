using System;
using System.IO;

namespace NeuralDsl.Weights;

/// <summary>
/// Replaces a file without ever leaving it half-written: the new content goes to a temporary file in
/// the same directory (so the final rename stays on one volume), is flushed to the disk, and only then
/// renamed over the target. A failure at any point (an exception, a full disk, a killed process) leaves
/// the previous file as it was; the temporary file is deleted on an exception.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
