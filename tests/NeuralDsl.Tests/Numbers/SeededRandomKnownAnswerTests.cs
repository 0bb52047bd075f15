namespace NeuralDsl.Tests.Numbers;

/// <summary>
/// The generator's first values for fixed seeds, as printed by tests/reference/seeded_random.py (an
/// independent Python implementation of SplitMix64 and xoshiro128** from their published definitions).
/// Every seeded result a user has recorded (initial weights, shuffles, dropout masks) depends on these:
/// a change of generator must show here.
/// </summary>
public class SeededRandomKnownAnswerTests
{
    [Theory]
    [InlineData(0, new uint[] { 3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774 })]
    [InlineData(1, new uint[] { 1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319 })]
    [InlineData(42, new uint[] { 1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222 })]
    [InlineData(-7, new uint[] { 1690931590, 1517505129, 510260159, 1633849493, 1683717104, 2120294198 })]
    public void First_outputs_match_the_published_algorithm(int seed, uint[] expected)
    {
        var random = new SeededRandom(seed);
        uint[] actual = new uint[expected.Length];
        for (int i = 0; i < actual.Length; i++) actual[i] = random.NextUInt32();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Derived_values_match()
    {
        var random = new SeededRandom(42);
        Assert.Equal(0.4137016534805298f, random.NextSingle());
        Assert.Equal(0.9697872400283813f, random.NextSingle());
        Assert.Equal(0.003983974456787109f, random.NextSingle());
        Assert.Equal(0.539537349401527, random.NextDouble());
        Assert.Equal(0.5947961990452841, random.NextDouble());
        int[] classes = new int[8];
        for (int i = 0; i < classes.Length; i++) classes[i] = random.NextInt(10);
        Assert.Equal([5, 8, 6, 7, 2, 8, 5, 1], classes);
    }
}
