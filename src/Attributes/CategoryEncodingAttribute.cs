using System;

namespace PrepGen;

/// <summary>
/// Encodes integer categories as one-hot, multi-hot or count vectors, as Keras <c>CategoryEncoding</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class CategoryEncodingAttribute : Attribute
{
    /// <summary>The number of categories (the output width). Required.</summary>
    public int NumTokens { get; set; }

    /// <summary>The output encoding: <see cref="OutputMode.MultiHot"/> (default), OneHot or Count.</summary>
    public OutputMode OutputMode { get; set; } = OutputMode.MultiHot;
}
