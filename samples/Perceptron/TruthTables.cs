namespace Samples.Perceptron;

/// <summary>The four input pairs of two bits, and the targets of the functions the lesson learns.</summary>
public static class TruthTables
{
    /// <summary>(0,0), (0,1), (1,0), (1,1), row-major.</summary>
    public static float[] Inputs => [0, 0, 0, 1, 1, 0, 1, 1];

    /// <summary>AND: 1 only for (1,1). A line separates it from the other three points.</summary>
    public static float[] And => [0, 0, 0, 1];

    /// <summary>XOR: 1 when the bits differ. No line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other.</summary>
    public static float[] Xor => [0, 1, 1, 0];
}
