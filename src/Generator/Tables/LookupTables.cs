using System;
using System.Text;
using System.Threading;
using PrepGen.Runtime;

namespace PrepGen.Generator.Tables;

/// <summary>The data of a string table, in the layout <c>PrepGen.Runtime.StringTable</c> probes.</summary>
internal sealed record StringTableData(ulong Seed, byte[] Pilots, int SlotCount, byte[] Keys, int[] KeyOffsets, int MinKeyBytes, int MaxKeyBytes);

/// <summary>The data of an integer table, in the layout <c>PrepGen.Runtime.Int64Table</c> probes.</summary>
internal sealed record Int64TableData(ulong Seed, byte[] Pilots, long[] Slots);

/// <summary>Builds lookup tables from vocabularies. Throws <see cref="TableLimitException"/> past the layout's limits.</summary>
internal static class LookupTables
{
    /// <summary>
    /// A token of more than 16 MB is a broken vocabulary file, not a token: reported (PG0300) rather than
    /// compiled into a literal. The key blob itself could hold 28-bit lengths.
    /// </summary>
    public const int MaxKeyBytes = 0xFFFFFE;

    /// <summary>Ids are ints, and the runtime's slot array must stay addressable.</summary>
    public const int MaxTokens = (1 << 28) - 1;

    public static StringTableData BuildStrings(string[] tokens, CancellationToken cancellationToken)
    {
        if (tokens.Length > MaxTokens)
        {
            throw new TableLimitException(tokens.Length + " tokens; a compiled table holds at most " + MaxTokens);
        }

        var utf8 = new byte[tokens.Length][];
        long blobSize = 0;
        int min = int.MaxValue;
        int max = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            utf8[i] = Encoding.UTF8.GetBytes(tokens[i]);
            if (utf8[i].Length > MaxKeyBytes)
            {
                throw new TableLimitException("token " + i + " is " + utf8[i].Length + " bytes; tokens are limited to " + MaxKeyBytes + " bytes");
            }

            min = Math.Min(min, utf8[i].Length);
            max = Math.Max(max, utf8[i].Length);
            blobSize += KeyBlob.LengthBytes(utf8[i].Length) + utf8[i].Length;
        }

        if (blobSize > int.MaxValue)
        {
            throw new TableLimitException("the tokens take " + blobSize + " bytes; a compiled table holds at most 2 GB");
        }

        PerfectHash hash = PerfectHashBuilder.Build(tokens.Length, seed =>
        {
            var hashes = new ulong[utf8.Length];
            for (int i = 0; i < utf8.Length; i++)
            {
                hashes[i] = TableHash.Hash(utf8[i], seed);
            }

            return hashes;
        }, cancellationToken);

        // The slots are built from pilots and keys at run time (StringTable.Build), in id order.
        var blob = new byte[blobSize];
        var offsets = new int[tokens.Length];
        int offset = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            offsets[i] = offset;
            KeyBlob.WriteLength(blob, ref offset, utf8[i].Length);
            Buffer.BlockCopy(utf8[i], 0, blob, offset, utf8[i].Length);
            offset += utf8[i].Length;
        }

        return new StringTableData(hash.Seed, hash.Pilots, hash.SlotCount, blob, offsets, min, max);
    }

    /// <summary>The file the build task writes a mapped table of <paramref name="vocabularyFile"/> to (named after the vocabulary file).</summary>
    public static string MappedFileName(string vocabularyFile)
    {
        string name = vocabularyFile.Replace('\\', '/');
        return TableFile.FileNameFor(name.Substring(name.LastIndexOf('/') + 1));
    }

    public static Int64TableData BuildIntegers(long[] values, CancellationToken cancellationToken)
    {
        PerfectHash hash = PerfectHashBuilder.Build(values.Length, seed =>
        {
            var hashes = new ulong[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                hashes[i] = TableHash.Hash(values[i], seed);
            }

            return hashes;
        }, cancellationToken);

        var slots = new long[hash.SlotCount * 2];
        for (int s = 0; s < hash.SlotCount; s++)
        {
            slots[(2 * s) + 1] = -1;
        }

        for (int i = 0; i < values.Length; i++)
        {
            slots[2 * hash.SlotOfKey[i]] = values[i];
            slots[(2 * hash.SlotOfKey[i]) + 1] = i;
        }

        return new Int64TableData(hash.Seed, hash.Pilots, slots);
    }
}

/// <summary>A vocabulary the table layout cannot hold (reported as PG0300).</summary>
internal sealed class TableLimitException : Exception
{
    public TableLimitException(string message)
        : base(message)
    {
    }
}
