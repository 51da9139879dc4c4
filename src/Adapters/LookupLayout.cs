using System;

namespace PrepGen.Adapt;

/// <summary>The options that decide the special slots of a lookup vocabulary (index_lookup.py).</summary>
internal sealed record LookupLayout<TToken>(int? MaxTokens, int NumOovIndices, bool HasMask, TToken Mask, TToken Oov, OutputMode OutputMode)
    where TToken : notnull
{
    /// <summary>
    /// The most OOV indices an adapter lays out (each is a vocabulary entry; Keras has no bound but memory, and
    /// int.MaxValue entries would not fit in it).
    /// </summary>
    public const int MaxOovIndices = 1 << 20;

    /// <summary>The mask takes slot 0 only in int mode.</summary>
    public bool MaskHasSlot => HasMask && OutputMode == OutputMode.Int;

    /// <summary>Keras <c>_token_start_index()</c>: the index of the first learned token.</summary>
    public int TokenStart => (MaskHasSlot ? 1 : 0) + NumOovIndices;

    /// <summary>How many tokens adapt may learn, or null for no cap.</summary>
    public int? MaxLearned => MaxTokens is int max ? Math.Max(max - TokenStart, 0) : null;

    /// <summary>Rejects what Keras rejects with ValueError.</summary>
    public void Validate()
    {
        if (MaxTokens is int max && max <= 1)
        {
            throw new ArgumentException($"MaxTokens must be greater than 1 when set (got {max}).");
        }

        if (NumOovIndices < 0 || NumOovIndices > MaxOovIndices)
        {
            throw new ArgumentException($"NumOovIndices must be between 0 and {MaxOovIndices} (got {NumOovIndices}): each OOV index is a vocabulary slot.");
        }
    }
}
