using System;

namespace PrepGen;

/// <summary>
/// Crosses two or more categorical values into one hashed bin, as Keras <c>HashedCrossing</c>. On a
/// feature record member, the member is a tuple of the crossed values, e.g.
/// <c>public (string, long) CityRooms => (City, Rooms);</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class HashedCrossingAttribute : Attribute
{
    /// <summary>Number of bins. Required.</summary>
    public int NumBins { get; set; }

    /// <summary>The output encoding: <see cref="OutputMode.Int"/> or <see cref="OutputMode.OneHot"/>.</summary>
    public OutputMode OutputMode { get; set; } = OutputMode.Int;
}
