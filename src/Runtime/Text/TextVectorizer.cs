using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;

namespace PrepGen.Runtime;

/// <summary>
/// Keras TextVectorization over UTF-8 bytes, fused: one pass standardizes and splits, and each token and
/// n-gram is looked up in the layer's table without materializing a string. A whitespace split without
/// n-grams classifies 64-byte blocks with vector compares (TextVectorizer.Words.cs); with n-grams, runs of
/// ordinary bytes are found with vectorized <see cref="SearchValues{T}"/> and tokens laid out joined by single
/// spaces, so every n-gram is a contiguous slice. Semantics: docs/keras-semantics.md, "TextVectorization".
/// </summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class TextVectorizer
{
    // Documents up to ~1.3 KB stay on the stack (16 KB at most with the ranges, never zeroed: SkipLocalsInit);
    // longer ones rent. Measured: three ArrayPool rent/return pairs were ~4% of a 1 KB document at 512.
    private const int StackBytes = 4096;

    private const int StackRanges = 2048;

    // Distinct slots a tf-idf sink remembers; a document with more falls back to scaling the whole row.
    private const int TouchedSlots = 256;

    // Bytes that stop a bulk copy, per (lowercase, strip punctuation, split on whitespace).
    private static readonly SearchValues<byte>[] Specials = BuildSpecials();

    /// <summary>
    /// Int mode: writes the token ids of one document and returns how many tokens it has. With a positive
    /// <paramref name="sequenceLength"/> (Keras <c>output_sequence_length</c>) exactly that many ids are
    /// written, truncated or right-padded with 0; otherwise a destination too short for the document throws.
    /// </summary>
    public static int Indices<T>(ReadOnlySpan<byte> utf8, Span<long> tokenIds, int sequenceLength)
        where T : struct, ITextLayer
    {
        var sink = new IndexSink(tokenIds, sequenceLength);
        Run<T, IndexSink>(utf8, ref sink);
        return sink.Finish();
    }

    /// <summary>Int mode for UTF-16 text (transcoded on the stack; never to a string).</summary>
    public static int Indices<T>(ReadOnlySpan<char> text, Span<long> tokenIds, int sequenceLength)
        where T : struct, ITextLayer
    {
        var sink = new IndexSink(tokenIds, sequenceLength);
        RunUtf16<T, IndexSink>(text, ref sink);
        return sink.Finish();
    }

    /// <summary>Multi-hot (<paramref name="count"/> false) or count of one document's tokens.</summary>
    public static void Accumulate<T>(ReadOnlySpan<byte> utf8, Span<float> output, int depth, bool count)
        where T : struct, ITextLayer
    {
        var sink = new BincountSink(Encode.Prepare(output, depth), count);
        Run<T, BincountSink>(utf8, ref sink);
    }

    /// <summary>Multi-hot or count of one UTF-16 document.</summary>
    public static void Accumulate<T>(ReadOnlySpan<char> text, Span<float> output, int depth, bool count)
        where T : struct, ITextLayer
    {
        var sink = new BincountSink(Encode.Prepare(output, depth), count);
        RunUtf16<T, BincountSink>(text, ref sink);
    }

    /// <summary>
    /// Tf-idf of one document: raw term counts times idf (float32, as Keras: the count first, then one
    /// multiplication). Only the slots the document touched are multiplied, not the whole row.
    /// </summary>
    public static void TfIdf<T>(ReadOnlySpan<byte> utf8, Span<float> output, ReadOnlySpan<float> idf)
        where T : struct, ITextLayer
    {
        Span<int> touched = stackalloc int[TouchedSlots];
        var sink = new TfIdfSink(Encode.Prepare(output, idf.Length), touched);
        Run<T, TfIdfSink>(utf8, ref sink);
        sink.Finish(idf);
    }

    /// <summary>Tf-idf of one UTF-16 document.</summary>
    public static void TfIdf<T>(ReadOnlySpan<char> text, Span<float> output, ReadOnlySpan<float> idf)
        where T : struct, ITextLayer
    {
        Span<int> touched = stackalloc int[TouchedSlots];
        var sink = new TfIdfSink(Encode.Prepare(output, idf.Length), touched);
        RunUtf16<T, TfIdfSink>(text, ref sink);
        sink.Finish(idf);
    }

    /// <summary>Int mode over a batch: row-major, <paramref name="sequenceLength"/> ids per document.</summary>
    public static void IndicesBatch<T>(ReadOnlySpan<string> texts, Span<long> tokenIds, int sequenceLength)
        where T : struct, ITextLayer
    {
        CheckBatch(tokenIds.Length, texts.Length, sequenceLength);
        for (int i = 0; i < texts.Length; i++)
        {
            Indices<T>(Text(texts[i]), tokenIds.Slice(i * sequenceLength, sequenceLength), sequenceLength);
        }
    }

    /// <summary>Multi-hot or count over a batch: row-major, <paramref name="depth"/> floats per document.</summary>
    public static void AccumulateBatch<T>(ReadOnlySpan<string> texts, Span<float> output, int depth, bool count)
        where T : struct, ITextLayer
    {
        CheckBatch(output.Length, texts.Length, depth);
        for (int i = 0; i < texts.Length; i++)
        {
            Accumulate<T>(Text(texts[i]), output.Slice(i * depth, depth), depth, count);
        }
    }

    /// <summary>Tf-idf over a batch: row-major, <c>idf.Length</c> floats per document.</summary>
    public static void TfIdfBatch<T>(ReadOnlySpan<string> texts, Span<float> output, ReadOnlySpan<float> idf)
        where T : struct, ITextLayer
    {
        CheckBatch(output.Length, texts.Length, idf.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            TfIdf<T>(Text(texts[i]), output.Slice(i * idf.Length, idf.Length), idf);
        }
    }

    /// <summary>Receives the index of every token and n-gram of a document, in Keras order.</summary>
    internal interface ISink
    {
        /// <summary>The document's n-gram count, before any is added (64 bits: 60M tokens and 40 widths exceed an int).</summary>
        void Start(long count);

        /// <summary>Adds one index; false when the sink needs no more (the rest of the document cannot change its output).</summary>
        bool Add(long index);
    }

    private static ReadOnlySpan<char> Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text;
    }

    private static void RunUtf16<T, TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where T : struct, ITextLayer
        where TSink : ISink, allows ref struct
    {
        if (text.Length <= StackBytes / 3)
        {
            Span<byte> utf8 = stackalloc byte[text.Length * 3]; // sized to the text: a short one touches little stack
            Run<T, TSink>(utf8.Slice(0, Utf16Keys.Transcode(text, utf8)), ref sink);
            return;
        }

        // GetMaxByteCount throws past ~715M chars; the exact count is one more pass, only for such texts.
        byte[] rented = ArrayPool<byte>.Shared.Rent(text.Length <= Array.MaxLength / 3 ? Encoding.UTF8.GetMaxByteCount(text.Length) : Encoding.UTF8.GetByteCount(text));
        try
        {
            int length = Encoding.UTF8.GetBytes(text, rented);
            Run<T, TSink>(rented.AsSpan(0, length), ref sink);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Run<T, TSink>(scoped ReadOnlySpan<byte> utf8, ref TSink sink)
        where T : struct, ITextLayer
        where TSink : ISink, allows ref struct
    {
        (int joinedSize, int rangeCount) = ScratchSizes(utf8.Length, T.Split);
        byte[]? rentedBytes = null;
        int[]? rentedRanges = null;
        Span<byte> joined = joinedSize <= StackBytes ? stackalloc byte[joinedSize] : (rentedBytes = ArrayPool<byte>.Shared.Rent(joinedSize));
        Span<int> ranges = rangeCount <= StackRanges ? stackalloc int[rangeCount] : (rentedRanges = ArrayPool<int>.Shared.Rent(rangeCount));
        try
        {
            int tokens = Tokenize<T>(utf8, joined, ranges);
            long total = 0;
            foreach (int width in T.NgramWidths)
            {
                total += Math.Max(0, tokens - width + 1);
            }

            // Knowing the count first lets a sink reject a short destination before writing anything.
            sink.Start(total);
            foreach (int width in T.NgramWidths)
            {
                for (int i = 0; i + width <= tokens; i++)
                {
                    // Tokens sit in 'joined' separated by single spaces: an n-gram is one contiguous slice.
                    int start = ranges[2 * i];
                    int end = ranges[(2 * (i + width - 1)) + 1];
                    if (!sink.Add(T.IndexOf(joined.Slice(start, end - start))))
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }

            if (rentedRanges is not null)
            {
                ArrayPool<int>.Shared.Return(rentedRanges);
            }
        }
    }

    /// <summary>
    /// The scratch a document of <paramref name="length"/> UTF-8 bytes needs: bytes for <c>joined</c> and ints for
    /// <c>ranges</c> of <see cref="Tokenize"/>. Throws for a document too large to split in one array.
    /// </summary>
    internal static (int Joined, int Ranges) ScratchSizes(int length, Split split)
    {
        // Worst case: character split turns each byte of invalid UTF-8 into a 3-byte U+FFFD plus a space.
        long joined = split == Split.Character ? (length * 4L) + 1 : length + 1L;
        long ranges = (split == Split.Whitespace ? (length / 2L) + 1 : length + 1L) * 2;
        if (joined > Array.MaxLength || ranges > Array.MaxLength)
        {
            long max = split switch
            {
                Split.Character => (Array.MaxLength - 1L) / 4,
                Split.Whitespace => Array.MaxLength - 2L,
                _ => (Array.MaxLength / 2L) - 1,
            };
            throw new ArgumentException(
                $"The document is {length:N0} UTF-8 bytes; TextVectorization with Split.{split} handles documents of at most {max:N0}. Split it into several documents.");
        }

        return ((int)joined, (int)ranges);
    }

    private static int Tokenize<T>(ReadOnlySpan<byte> utf8, Span<byte> joined, Span<int> ranges)
        where T : struct, ITextLayer =>
        Tokenize(utf8, T.Standardize, T.Split, T.NgramWidths is [1], joined, ranges);

    /// <summary>
    /// Standardizes and splits into <paramref name="joined"/> and returns the token count; token i is
    /// <c>joined[ranges[2i]..ranges[2i + 1]]</c>. With n-grams (<paramref name="unigramsOnly"/> false) the tokens lie
    /// in order joined by single spaces, so tokens i..j are one slice. The adapters call it too (the vocabulary is
    /// counted over the tokens the layer will look up); inlined into each layer's <see cref="Tokenize{T}"/>, whose
    /// constant modes fold the switches away.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Tokenize(ReadOnlySpan<byte> utf8, Standardize standardize, Split split, bool unigramsOnly, Span<byte> joined, Span<int> ranges)
    {
        bool lower = standardize is Standardize.LowerAndStripPunctuation or Standardize.Lower;
        bool strip = standardize is Standardize.LowerAndStripPunctuation or Standardize.StripPunctuation;
        switch (split)
        {
            case Split.Whitespace:
                // Without n-grams no token needs its neighbour next to it: look each up where it lies.
                return unigramsOnly ? SplitWords(utf8, joined, ranges, lower, strip) : SplitWhitespace(utf8, joined, ranges, lower, strip);
            case Split.None:
                ranges[0] = 0;
                ranges[1] = StandardizeInto(utf8, joined, lower, strip);
                return 1;
            default:
                // Standardize in place at the end of the buffer, then split code points to the front.
                Span<byte> standardized = joined.Slice(joined.Length - utf8.Length);
                int length = StandardizeInto(utf8, standardized, lower, strip);
                return SplitCharacters(standardized.Slice(0, length), joined, ranges);
        }
    }

    private static int SplitWhitespace(ReadOnlySpan<byte> text, Span<byte> joined, Span<int> ranges, bool lower, bool strip)
    {
        SearchValues<byte> specials = Specials[(lower ? 4 : 0) | (strip ? 2 : 0) | 1];
        int written = 0;
        int tokens = 0;
        int tokenStart = -1;
        int i = 0;
        while (i < text.Length)
        {
            int run = text.Slice(i).IndexOfAny(specials);
            if (run < 0)
            {
                run = text.Length - i;
            }

            if (run > 0)
            {
                if (tokenStart < 0)
                {
                    tokenStart = StartToken(joined, ref written, tokens);
                }

                text.Slice(i, run).CopyTo(joined.Slice(written));
                written += run;
                i += run;
                continue;
            }

            byte b = text[i++];
            if (IsWhitespace(b))
            {
                if (tokenStart >= 0)
                {
                    ranges[2 * tokens] = tokenStart;
                    ranges[(2 * tokens) + 1] = written;
                    tokens++;
                    tokenStart = -1;
                }
            }
            else if (!(strip && IsPunctuation(b)))
            {
                if (tokenStart < 0)
                {
                    tokenStart = StartToken(joined, ref written, tokens);
                }

                joined[written++] = lower && (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;
            }
        }

        // Stripping runs before splitting in Keras, so punctuation never starts a token:
        // "a , b" -> "a  b" -> ["a", "b"], and "a,b" -> "ab".
        if (tokenStart >= 0)
        {
            ranges[2 * tokens] = tokenStart;
            ranges[(2 * tokens) + 1] = written;
            tokens++;
        }

        return tokens;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StartToken(Span<byte> joined, ref int written, int tokens)
    {
        if (tokens > 0)
        {
            joined[written++] = (byte)' ';
        }

        return written;
    }

    private static int StandardizeInto(ReadOnlySpan<byte> text, Span<byte> destination, bool lower, bool strip)
    {
        if (!lower && !strip)
        {
            text.CopyTo(destination);
            return text.Length;
        }

        SearchValues<byte> specials = Specials[(lower ? 4 : 0) | (strip ? 2 : 0)];
        int written = 0;
        int i = 0;
        while (i < text.Length)
        {
            int run = text.Slice(i).IndexOfAny(specials);
            if (run < 0)
            {
                run = text.Length - i;
            }

            text.Slice(i, run).CopyTo(destination.Slice(written));
            written += run;
            i += run;
            if (i < text.Length)
            {
                byte b = text[i++];
                if (!(strip && IsPunctuation(b)))
                {
                    destination[written++] = lower && (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;
                }
            }
        }

        return written;
    }

    /// <summary>One token per code point (tf.strings.unicode_split, errors="replace": an ill-formed subsequence becomes U+FFFD).</summary>
    private static int SplitCharacters(ReadOnlySpan<byte> text, Span<byte> joined, Span<int> ranges)
    {
        int written = 0;
        int tokens = 0;
        int i = 0;
        while (i < text.Length)
        {
            OperationStatus status = Rune.DecodeFromUtf8(text.Slice(i), out _, out int consumed);
            int start = StartToken(joined, ref written, tokens);
            if (status == OperationStatus.Done)
            {
                text.Slice(i, consumed).CopyTo(joined.Slice(written));
                written += consumed;
            }
            else
            {
                joined[written++] = 0xEF;
                joined[written++] = 0xBF;
                joined[written++] = 0xBD;
            }

            ranges[2 * tokens] = start;
            ranges[(2 * tokens) + 1] = written;
            tokens++;
            i += consumed;
        }

        return tokens;
    }

    /// <summary>ASCII isspace: space, \t, \n, \v, \f, \r (TensorFlow's whitespace split; U+00A0 does not split).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';

    /// <summary>The 32 characters of Python's <c>string.punctuation</c>, all of them ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPunctuation(byte b) =>
        (uint)(b - '!') <= '/' - '!' || (uint)(b - ':') <= '@' - ':' || (uint)(b - '[') <= '`' - '[' || (uint)(b - '{') <= '~' - '{';

    private static SearchValues<byte>[] BuildSpecials()
    {
        var result = new SearchValues<byte>[8];
        for (int flags = 0; flags < 8; flags++)
        {
            var bytes = new System.Collections.Generic.List<byte>();
            for (int b = 0; b < 128; b++)
            {
                bool special = ((flags & 1) != 0 && IsWhitespace((byte)b))
                    || ((flags & 2) != 0 && IsPunctuation((byte)b))
                    || ((flags & 4) != 0 && b is >= 'A' and <= 'Z');
                if (special)
                {
                    bytes.Add((byte)b);
                }
            }

            result[flags] = SearchValues.Create(bytes.ToArray());
        }

        return result;
    }

    private static void CheckBatch(int destination, int documents, int width)
    {
        if (width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "A batch needs a fixed width per document.");
        }

        if ((long)documents * width > destination)
        {
            throw new ArgumentException($"The destination has {destination} elements but {documents} documents need {(long)documents * width}.", "destination");
        }
    }

    private ref struct IndexSink : ISink
    {
        private readonly Span<long> _destination;
        private readonly int _sequenceLength;
        private int _count;
        private long _total;

        public IndexSink(Span<long> destination, int sequenceLength)
        {
            if (sequenceLength > 0 && destination.Length < sequenceLength)
            {
                throw new ArgumentException($"The destination has {destination.Length} elements but OutputSequenceLength is {sequenceLength}.", "tokenIds");
            }

            _destination = destination;
            _sequenceLength = sequenceLength;
            _count = 0;
        }

        public void Start(long count)
        {
            if (_sequenceLength <= 0 && count > _destination.Length)
            {
                throw new ArgumentException($"The destination has {_destination.Length} elements but the document has {count:N0} tokens; pass a longer span or set OutputSequenceLength.", "tokenIds");
            }

            _total = count;
        }

        // Only the first ids are written (all of them without a sequence length, as Start checked): past
        // them the rest of the document cannot change the output, and the count is already known.
        public bool Add(long index)
        {
            int limit = _sequenceLength > 0 ? _sequenceLength : _destination.Length;
            if (_count < limit)
            {
                _destination[_count++] = index;
            }

            return _count < limit;
        }

        /// <summary>The document's token count; a truncated document of more than int.MaxValue n-grams gives int.MaxValue.</summary>
        public readonly int Finish()
        {
            if (_sequenceLength > 0 && _count < _sequenceLength)
            {
                _destination.Slice(_count, _sequenceLength - _count).Clear();
            }

            return (int)Math.Min(_total, int.MaxValue);
        }
    }

    private ref struct TfIdfSink : ISink
    {
        private readonly Span<float> _row;
        private readonly Span<int> _touched;
        private int _count;

        public TfIdfSink(Span<float> row, Span<int> touched)
        {
            _row = row;
            _touched = touched;
            _count = 0;
        }

        public readonly void Start(long count)
        {
        }

        public bool Add(long index)
        {
            if ((ulong)index < (ulong)_row.Length)
            {
                float before = _row[(int)index];
                if (before == 0 && _count < _touched.Length)
                {
                    _touched[_count] = (int)index;
                }

                _count += before == 0 ? 1 : 0;
                _row[(int)index] = before + 1f;
            }

            return true;
        }

        public readonly void Finish(ReadOnlySpan<float> idf)
        {
            if (_count > _touched.Length)
            {
                Encode.Scale(_row, idf);
                return;
            }

            foreach (int index in _touched.Slice(0, _count))
            {
                _row[index] *= idf[index];
            }
        }
    }

    private readonly ref struct BincountSink : ISink
    {
        private readonly Span<float> _row;
        private readonly bool _count;

        public BincountSink(Span<float> row, bool count)
        {
            _row = row;
            _count = count;
        }

        public void Start(long count)
        {
        }

        public bool Add(long index)
        {
            if ((ulong)index < (ulong)_row.Length)
            {
                _row[(int)index] = _count ? _row[(int)index] + 1f : 1f;
            }

            return true;
        }
    }
}
