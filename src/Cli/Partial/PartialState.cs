// The bodies of .pgpartial files, one per kind of mergeable state (docs/state-files.md, "Partial state"). All
// integers and floats little-endian (BinaryWriter); strings as an int32 byte length and strict UTF-8.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PrepGen.Adapt;

namespace PrepGen.Cli.Partial;

/// <summary>A state ready to write: its kind, its sizes for the header, and the body writer.</summary>
internal sealed record PartialBody(string Kind, IReadOnlyDictionary<string, long> Size, Action<BinaryWriter> Write);

internal static class PartialState
{
    public const string TokenCounts = "token-counts";
    public const string Moments = "moments";
    public const string BatchSummaries = "batch-summaries";

    // A lone surrogate cannot be written to a vocabulary file either; refuse it rather than replace it.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every token with its count and document frequency (kept even for non-tf-idf layers: 0), sorted by token.</summary>
    public static PartialBody FromCounts<TToken>(ITokenCounts<TToken> counts, Action<BinaryWriter, TToken> writeToken)
        where TToken : notnull
    {
        List<(TToken Token, long Count, long DocumentCount)> entries = counts.SortedEntries();
        long documents = counts.Documents;
        return new PartialBody(TokenCounts, new Dictionary<string, long> { ["tokens"] = entries.Count, ["documents"] = documents }, writer =>
        {
            writer.Write(documents);
            writer.Write((long)entries.Count);
            foreach ((TToken token, long count, long documentCount) in entries)
            {
                writeToken(writer, token);
                writer.Write(count);
                writer.Write(documentCount);
            }
        });
    }

    public static void WriteString(BinaryWriter writer, string token)
    {
        byte[] bytes = StrictUtf8.GetBytes(token);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    public static void WriteLong(BinaryWriter writer, long token) => writer.Write(token);

    /// <summary>Adds a partial's counts to <paramref name="counts"/>; a partial of a tf-idf layer carries document frequencies.</summary>
    public static void ReadCounts<TToken>(string path, byte[] body, ITokenCounts<TToken> counts, Func<BinaryReader, TToken> readToken)
        where TToken : notnull
    {
        Decode(path, body, reader =>
        {
            long documents = reader.ReadInt64();
            long count = reader.ReadInt64();
            Require(path, documents >= 0 && count >= 0 && count <= body.Length / 20, "a token count out of range");
            var entries = new List<(TToken, long, long)>((int)count);
            for (long i = 0; i < count; i++)
            {
                entries.Add((readToken(reader), reader.ReadInt64(), reader.ReadInt64()));
            }

            // Restored only once every entry decoded: a truncated partial adds nothing.
            counts.AddDocuments(documents);
            foreach ((TToken token, long tokenCount, long documentCount) in entries)
            {
                counts.AddCounts(token, tokenCount, counts.CountsDocuments ? documentCount : 0);
            }
        });
    }

    public static string ReadString(BinaryReader reader)
    {
        int length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new EndOfStreamException("a token runs past the end of the body");
        }

        return StrictUtf8.GetString(reader.ReadBytes(length));
    }

    public static long ReadLong(BinaryReader reader) => reader.ReadInt64();

    /// <summary>Normalization: the row count, and per feature the mean and M2 (sum of squared deviations), all float64.</summary>
    public static PartialBody FromMoments(NormalizationAdapter adapter)
    {
        double[] mean = adapter.Mean;
        double[] m2 = adapter.M2;
        long count = adapter.Count;
        return new PartialBody(Moments, new Dictionary<string, long> { ["features"] = mean.Length, ["count"] = count }, writer =>
        {
            writer.Write(mean.Length);
            writer.Write(count);
            foreach (double value in mean)
            {
                writer.Write(value);
            }

            foreach (double value in m2)
            {
                writer.Write(value);
            }
        });
    }

    public static NormalizationAdapter ReadMoments(string path, byte[] body)
    {
        NormalizationAdapter? adapter = null;
        Decode(path, body, reader =>
        {
            int features = reader.ReadInt32();
            long count = reader.ReadInt64();
            Require(path, features >= 1 && count >= 0 && features <= body.Length / 16, "a feature count out of range");
            var mean = new double[features];
            var m2 = new double[features];
            for (int f = 0; f < features; f++)
            {
                mean[f] = reader.ReadDouble();
            }

            for (int f = 0; f < features; f++)
            {
                m2[f] = reader.ReadDouble();
            }

            adapter = NormalizationAdapter.FromMoments(count, mean, m2);
        });
        return adapter!;
    }

    /// <summary>Discretization: Keras's summary of each batch (float32 values and weights), in input order, not yet merged.</summary>
    public static PartialBody FromSummaries(IReadOnlyList<QuantileSummary> batches)
    {
        long entries = 0;
        foreach (QuantileSummary batch in batches)
        {
            entries += batch.Length;
        }

        return new PartialBody(BatchSummaries, new Dictionary<string, long> { ["batches"] = batches.Count, ["entries"] = entries }, writer =>
        {
            writer.Write(batches.Count);
            foreach (QuantileSummary batch in batches)
            {
                writer.Write(batch.Length);
                foreach (float value in batch.Values)
                {
                    writer.Write(value);
                }

                foreach (float weight in batch.Weights)
                {
                    writer.Write(weight);
                }
            }
        });
    }

    public static List<QuantileSummary> ReadSummaries(string path, byte[] body)
    {
        var batches = new List<QuantileSummary>();
        Decode(path, body, reader =>
        {
            int count = reader.ReadInt32();
            Require(path, count >= 0 && count <= body.Length / 4, "a batch count out of range");
            for (int b = 0; b < count; b++)
            {
                int length = reader.ReadInt32();
                Require(path, length >= 0 && length <= (body.Length - reader.BaseStream.Position) / 8, "a batch length out of range");
                var values = new float[length];
                var weights = new float[length];
                for (int i = 0; i < length; i++)
                {
                    values[i] = reader.ReadSingle();
                }

                for (int i = 0; i < length; i++)
                {
                    weights[i] = reader.ReadSingle();
                }

                batches.Add(new QuantileSummary(values, weights));
            }
        });
        return batches;
    }

    // The checksum already vouched for the bytes; a body that still does not decode was crafted or written by a bug.
    private static void Decode(string path, byte[] body, Action<BinaryReader> read)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        try
        {
            read(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or DecoderFallbackException or ArgumentException)
        {
            throw PartialFile.Bad(path, $"its body does not decode ({e.Message})");
        }

        Require(path, reader.BaseStream.Position == body.Length, "bytes after the state");
    }

    private static void Require(string path, bool condition, string problem)
    {
        if (!condition)
        {
            throw PartialFile.Bad(path, $"its body has {problem}");
        }
    }
}
