using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

[assembly: InternalsVisibleTo("PrepGen.Runtime.Tests")]
[assembly: InternalsVisibleTo("PrepGen.Benchmarks")]

// The image pipeline's pointwise kernels are operators of the same driver (docs/design.md, "Assemblies"); both
// assemblies ship in one package at one version.
[assembly: InternalsVisibleTo("PrepGen.Imaging")]

namespace PrepGen.Runtime;

/// <summary>
/// The vector width a numeric kernel runs at, in float lanes. The public kernels pick <see cref="SimdPaths.Best"/>;
/// tests force each width to check that every path gives the scalar Keras formula bit for bit, and the benchmarks
/// force <see cref="V128"/> to measure the Arm64 (AdvSimd) shape on any machine.
/// </summary>
internal enum SimdWidth
{
    Scalar = 1,
    V128 = 4,
    V256 = 8,
    V512 = 16,
}

internal static class SimdPaths
{
    /// <summary>
    /// Vector512 when the hardware accelerates it, else Vector256, else Vector128 (Arm64's AdvSimd, or SSE), else
    /// scalar: the order System.Numerics.Tensors.TensorPrimitives picks.
    /// </summary>
    public static readonly SimdWidth Best =
        Vector512.IsHardwareAccelerated ? SimdWidth.V512
        : Vector256.IsHardwareAccelerated ? SimdWidth.V256
        : Vector128.IsHardwareAccelerated ? SimdWidth.V128
        : SimdWidth.Scalar;
}
