using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;
using PrepGen.Generator.State;

namespace PrepGen.Generator.Binding;

/// <summary>A loaded vocabulary: real tokens, how many entries the source listed, and whether a special prefix was removed.</summary>
internal sealed record VocabularyLoad(Vocabulary Vocabulary, int EntryCount, bool PrefixStripped);

/// <summary>
/// Reads a lookup vocabulary from the attribute (Keras <c>set_vocabulary</c> rules: a leading
/// [mask, oov...] prefix is stripped) or from a vocabulary file (Keras file format: real tokens only),
/// and rejects what Keras rejects: empty, repeated tokens, reserved tokens.
/// </summary>
internal static class VocabularyLoader
{
    public static VocabularyLoad? Load(BindContext context, SpecialTokens special, CancellationToken cancellationToken)
    {
        LayerOptions o = context.Options;
        bool strings = context.Spec.Kind != LayerKind.IntegerLookup;
        bool inline = strings ? o.StringVocabulary is not null : o.IntegerVocabulary is not null;
        if (inline && o.VocabularyFile is not null)
        {
            context.Reject(Descriptors.ConflictingOptions, "Vocabulary", "VocabularyFile");
            return null;
        }

        if (!inline && o.VocabularyFile is null)
        {
            context.Reject(Descriptors.MissingOption, "A vocabulary (Vocabulary, or VocabularyFile with state adapted by PrepGen.Adapt or the prepgen tool)");
            return null;
        }

        string source;
        Func<int, string> where;
        TokenFacts? facts;
        string[]? tokens = null;
        long[]? values = null;
        bool mapped = false;
        bool stripped = false;
        int entryCount;
        if (inline)
        {
            source = "inline";
            where = i => "entry " + i;
            List<OptionalToken> entries = strings
                ? o.StringVocabulary!.Value.Select(t => new OptionalToken(t, null)).ToList()
                : o.IntegerVocabulary!.Value.Select(v => new OptionalToken(null, v)).ToList();
            entryCount = entries.Count;
            int prefixLength = special.OovStart + special.NumOov;
            if (prefixLength > 0 && entries.Count >= prefixLength && entries.Take(prefixLength).SequenceEqual(special.Prefix()))
            {
                entries.RemoveRange(0, prefixLength);
                stripped = true;
            }

            if (strings)
            {
                tokens = entries.Select(e => e.Text!).ToArray();
                facts = TokenFacts.Of(tokens);
            }
            else
            {
                values = entries.Select(e => e.Integer!.Value).ToArray();
                facts = TokenFacts.Of(values.Select(v => v.ToString()).ToArray());
            }
        }
        else
        {
            StateFile? file = context.FindFile("VocabularyFile", o.VocabularyFile!);
            if (file is null)
            {
                return null;
            }

            source = o.VocabularyFile!;
            where = i => "line " + (i + 1);
            facts = FileFacts(context, file, strings, out tokens, out values);
            mapped = file.Mapped;
            if (mapped && (!strings || o.Invert))
            {
                context.Report(Descriptors.MappedTableUnsupported, context.Subject, o.VocabularyFile!,
                    strings ? "Invert needs the tokens in the assembly; map the forward lookup only" : "mapped tables hold string vocabularies; IntegerLookup tables compile (8 bytes per token)");
            }

            entryCount = file.Lines.Length;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (context.HasErrors || facts is null)
        {
            return null;
        }

        int offset = stripped ? special.OovStart + special.NumOov : 0;
        int count = tokens?.Length ?? values!.Length;
        if (count == 0)
        {
            context.Report(Descriptors.StateFileEmpty, inline ? "Vocabulary" : "VocabularyFile", source);
            return null;
        }

        // Reserved tokens (a scan: they depend on the layer's options) and repeats (found once per content), in line order.
        OptionalToken Token(int i) => tokens is not null ? new OptionalToken(tokens[i], null) : new OptionalToken(null, values![i]);
        var problems = new List<(int Index, int Order, object?[] Arguments, Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor)>();
        for (int i = 0; i < count && problems.Count < TokenFacts.MaxReported; i++)
        {
            if (special.Mask is not null && Is(special.Mask, tokens, values, i))
            {
                problems.Add((i, 0, new object?[] { context.Subject, "mask", Token(i), where(i + offset) }, Descriptors.ReservedToken));
            }
            else if (o.Invert && Is(special.Oov, tokens, values, i))
            {
                problems.Add((i, 0, new object?[] { context.Subject, "OOV", Token(i), where(i + offset) }, Descriptors.ReservedToken));
            }
        }

        foreach ((int first, int repeat) in facts.Duplicates)
        {
            problems.Add((repeat, 1, new object?[] { source, Token(repeat), where(first + offset), where(repeat + offset) }, Descriptors.DuplicateToken));
        }

        foreach (var problem in problems.OrderBy(p => p.Index).ThenBy(p => p.Order).Take(TokenFacts.MaxReported))
        {
            context.Report(problem.Descriptor, problem.Arguments);
        }

        if (context.HasErrors)
        {
            return null;
        }

        if (strings && !mapped && !o.Invert && TableLimit(facts) is { } limit)
        {
            context.Reject(Descriptors.TableLimit, limit);
            return null;
        }

        Vocabulary vocabulary = strings
            ? new Vocabulary(source, facts.Hash, tokens, null, mapped, facts.MinKeyBytes, facts.MaxKeyBytes)
            : new Vocabulary(source, facts.Hash, null, values);
        return new VocabularyLoad(vocabulary, entryCount, stripped);
    }

    private static bool Is(OptionalToken special, string[]? tokens, long[]? values, int i) =>
        tokens is not null ? special.Text is { } text && string.Equals(text, tokens[i], StringComparison.Ordinal) : special.Integer == values![i];

    /// <summary>Why a compiled string table cannot hold the vocabulary (PG0300), or null: checked at bind, where the layer's location is known.</summary>
    private static string? TableLimit(TokenFacts facts)
    {
        if (facts.Tokens.Length > Tables.LookupTables.MaxTokens)
        {
            return facts.Tokens.Length + " tokens; a compiled table holds at most " + Tables.LookupTables.MaxTokens;
        }

        if (facts.MaxKeyBytes > Tables.LookupTables.MaxKeyBytes)
        {
            return "token " + facts.Longest + " is " + facts.MaxKeyBytes + " bytes; tokens are limited to " + Tables.LookupTables.MaxKeyBytes + " bytes";
        }

        return facts.KeyBlobBytes > int.MaxValue ? "the tokens take " + facts.KeyBlobBytes + " bytes; a compiled table holds at most 2 GB" : null;
    }

    /// <summary>A vocabulary file's tokens, read once per content (<see cref="StateFile.Tokens"/>, <see cref="StateFile.Integers"/>); lines that are not integers reported.</summary>
    private static TokenFacts? FileFacts(BindContext context, StateFile file, bool strings, out string[]? tokens, out long[]? values)
    {
        tokens = null;
        values = null;
        if (file.InvalidUtf8Line is { } bad)
        {
            // TensorFlow compares a vocabulary's raw bytes: a token with bytes that are not UTF-8 can never match
            // an input (PrepGen reads inputs as UTF-8), and two such lines would look like one token.
            Malformed(context, file, bad - 1, "holds bytes that are not valid UTF-8 (the compiler decoded them as U+FFFD); save the vocabulary as UTF-8");
            return null;
        }

        if (strings)
        {
            // U+FFFD written as valid UTF-8 is a valid token (character split produces it for invalid input).
            tokens = file.Tokens.Tokens;
            return file.Tokens;
        }

        IntegerFacts integers = file.Integers;
        foreach (int line in integers.BadLines)
        {
            Malformed(context, file, line, "'" + Shorten(file.Lines[line]) + "' is not a 64-bit integer");
        }

        values = integers.Values;
        return integers.Facts;
    }

    public static void Malformed(BindContext context, StateFile file, int index, string why) =>
        context.Report(Descriptors.MalformedLine, System.IO.Path.GetFileName(file.Path), file.Path, index + 1, why);

    public static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
}
