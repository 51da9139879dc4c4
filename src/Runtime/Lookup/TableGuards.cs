using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PrepGen.Runtime;

/// <summary>
/// Vouches for a table's bytes before <see cref="StringTable"/>'s probe reads them. A struct type argument, so
/// the JIT compiles one probe per guard: <see cref="Unguarded"/>'s empty methods vanish from a compiled table's
/// probe, <see cref="VerifiedBlocks"/> adds a bit test per slot to a mapped table's.
/// <para>For PrepGen's generated code; not for direct use.</para>
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITableGuard
{
    /// <summary>Called before the probe reads slot <paramref name="slot"/>.</summary>
    void Slot(uint slot);

    /// <summary>Called before the probe reads <paramref name="length"/> key-blob bytes at <paramref name="offset"/> (already bounds-checked).</summary>
    void Keys(ulong offset, int length);
}

/// <summary>The guard of a table whose bytes are all trusted: a compiled table's RVA data and the slots built from it. For PrepGen's generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Unguarded : ITableGuard
{
    /// <inheritdoc/>
    public void Slot(uint slot)
    {
    }

    /// <inheritdoc/>
    public void Keys(ulong offset, int length)
    {
    }
}

/// <summary>
/// The guard of a <see cref="MappedStringTable"/>: a slot's block is verified against its recorded sum the
/// first time a probe reaches it (<see cref="MappedStringTable.VerifyBlock"/>), and then marked in the table's
/// bitmap at <paramref name="verified"/>, so the hot path is one bit test that is almost always set.
/// </summary>
/// <param name="table">The table.</param>
/// <param name="verified">The table's <see cref="MappedStringTable.Verified"/> bitmap (a static readonly field in generated code, so a constant to the JIT).</param>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct VerifiedBlocks(MappedStringTable table, nint verified) : ITableGuard
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Slot(uint slot)
    {
        uint block = slot >> TableFile.SlotBlockShift;
        if (!MappedStringTable.IsVerified(verified, block))
        {
            table.VerifyBlock(block);
        }
    }

    /// <inheritdoc/>
    public void Keys(ulong offset, int length) => table.VerifyKeys(offset, length);
}
