using System;
using System.ComponentModel;
using System.Text;

namespace PrepGen.Runtime;

/// <summary>Errors raised by generated lookups, kept out of line so the hot path stays small.</summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LookupErrors
{
    /// <summary>Keras raises when a value is out of vocabulary and num_oov_indices is 0; so does PrepGen.</summary>
    public static long NotInVocabulary(ReadOnlySpan<byte> utf8) =>
        throw new ArgumentException($"'{Encoding.UTF8.GetString(utf8)}' is not in the vocabulary and NumOovIndices is 0; set NumOovIndices = 1 to map unknown values to an OOV index.");

    /// <summary>The integer form of <see cref="NotInVocabulary(ReadOnlySpan{byte})"/>.</summary>
    public static long NotInVocabulary(long value) =>
        throw new ArgumentException($"{value} is not in the vocabulary and NumOovIndices is 0; set NumOovIndices = 1 to map unknown values to an OOV index.");
}
