using System;
using System.IO;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Weights;

public class AtomicSaveTests
{
    [Fact]
    public void A_save_that_fails_midway_leaves_the_previous_file_intact()
    {
        string directory = Directory.CreateTempSubdirectory("ndw").FullName;
        try
        {
            string path = Path.Combine(directory, "net.ndw");
            WeightsNet good = NdwRoundTripTests.Trained();
            good.SaveWeights(path);
            byte[] before = File.ReadAllBytes(path);

            using var replacement = new MemoryStream();
            NdwRoundTripTests.Trained(seed: 9).SaveWeights(replacement);
            byte[] bytes = replacement.ToArray();
            // What a full disk or a killed process does: half the new file written, then the write fails.
            Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
            {
                stream.Write(bytes, 0, bytes.Length / 2);
                stream.Flush();
                throw new IOException("No space left on device.");
            }));

            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(new[] { "net.ndw" }, Array.ConvertAll(Directory.GetFiles(directory), f => Path.GetFileName(f)));
            var loaded = new WeightsNet(seed: 1);
            loaded.LoadWeights(path);
            Assert.Equal(NetworkSnapshot.Bits(good.Parameters), NetworkSnapshot.Bits(loaded.Parameters));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
