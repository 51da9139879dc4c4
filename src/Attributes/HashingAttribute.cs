using System;

namespace PrepGen;

/// <summary>
/// The hashing trick, as Keras <c>Hashing</c>: FarmHash Fingerprint64 of the value's bytes
/// (or SipHash-2-4 with a salt) modulo <see cref="NumBins"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class HashingAttribute : Attribute
{
    /// <summary>Number of bins, including the mask bin when <see cref="MaskValue"/> is set. Required.</summary>
    public int NumBins { get; set; }

    /// <summary>A value that maps to bin 0: null for none, a string, or an integer.</summary>
    public object? MaskValue { get; set; }

    /// <summary>SipHash salt: key pair (Salt, Salt).</summary>
    public long Salt { get; set; }

    /// <summary>SipHash key pair: exactly two values.</summary>
    public long[]? SaltPair { get; set; }

    /// <summary>The output encoding (no <see cref="OutputMode.TfIdf"/>).</summary>
    public OutputMode OutputMode { get; set; } = OutputMode.Int;
}
