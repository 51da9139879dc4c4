using System.Collections.Generic;
using System.Linq;

namespace PrepGen.Import.Planning;

/// <summary>One segment of a tensor's last axis, as the planner tracks it.</summary>
internal abstract record Piece(int Width, bool Integer);

/// <summary>A raw column: one scalar value (an input, an element of an input array, or a cast of one).</summary>
internal sealed record ValuePiece(Scalar Value) : Piece(1, Value.Kind != ValueKind.Float);

/// <summary>The integer output of a layer in Int mode on scalar inputs: one column, not yet placed.</summary>
internal sealed record IndexPiece(LayerUse Layer) : Piece(1, true);

/// <summary>A finished record member's output.</summary>
internal sealed record BlockPiece(MemberPlan Member) : Piece(Member.Width, Member.Integer);

/// <summary>
/// A symbolic tensor of shape (batch, width): the concatenation of its pieces. <see cref="WholeArray"/> is
/// set when the tensor is exactly one array input, so a layer that takes a sample of values (multi-hot
/// lookups) can read the array as a whole.
/// </summary>
internal sealed record Tensor(IReadOnlyList<Piece> Pieces, InputField? WholeArray = null)
{
    public int Width => Pieces.Sum(p => p.Width);

    public static Tensor Concat(IEnumerable<Tensor> parts) => new(parts.SelectMany(p => p.Pieces).ToList());
}
