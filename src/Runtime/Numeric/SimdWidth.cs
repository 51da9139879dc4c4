using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

[assembly: InternalsVisibleTo("PrepGen.Runtime.Tests")]

namespace PrepGen.Runtime;

/// <summary>
/// The vector width a numeric kernel runs at, in float lanes. The public kernels pick <see cref="SimdPaths.Best"/>;
/// tests force each width to check that every path gives the scalar Keras formula bit for bit.
/// </summary>
internal enum SimdWidth
{
    Scalar = 1,
    V256 = 8,
    V512 = 16,
}

internal static class SimdPaths
{
    /// <summary>Vector512 when the hardware accelerates it, else Vector256, else scalar.</summary>
    public static readonly SimdWidth Best =
        Vector512.IsHardwareAccelerated ? SimdWidth.V512
        : Vector256.IsHardwareAccelerated ? SimdWidth.V256
        : SimdWidth.Scalar;
}
