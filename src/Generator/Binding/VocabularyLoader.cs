using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
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
            context.Report(Descriptors.ConflictingOptions, context.Subject, "Vocabulary", "VocabularyFile");
            return null;
        }

        if (!inline && o.VocabularyFile is null)
        {
            context.Report(Descriptors.MissingOption, context.Subject,
                "a vocabulary is required: set Vocabulary or VocabularyFile (adapt state with PrepGen.Adapt or the prepgen tool)");
            return null;
        }

        List<OptionalToken> entries;
        bool mapped = false;
        string source;
        Func<int, string> where;
        if (inline)
        {
            entries = strings
                ? o.StringVocabulary!.Value.Select(t => new OptionalToken(t, null)).ToList()
                : o.IntegerVocabulary!.Value.Select(v => new OptionalToken(null, v)).ToList();
            source = "inline";
            where = i => "entry " + i.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            StateFile? file = context.FindFile("VocabularyFile", o.VocabularyFile!);
            if (file is null)
            {
                return null;
            }

            entries = ParseFile(context, file, strings, cancellationToken);
            source = o.VocabularyFile!;
            mapped = file.Mapped;
            if (mapped && (!strings || o.Invert))
            {
                context.Report(Descriptors.MappedTableUnsupported, context.Subject, o.VocabularyFile!,
                    strings ? "Invert needs the tokens in the assembly; map the forward lookup only" : "mapped tables hold string vocabularies; IntegerLookup tables compile (8 bytes per token)");
            }
            where = i => "line " + (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (context.HasErrors)
        {
            return null;
        }

        int entryCount = entries.Count;
        bool stripped = false;
        int prefixLength = special.OovStart + special.NumOov;
        if (inline && prefixLength > 0 && entries.Count >= prefixLength && entries.Take(prefixLength).SequenceEqual(special.Prefix()))
        {
            entries.RemoveRange(0, prefixLength);
            stripped = true;
        }

        int offset = stripped ? prefixLength : 0;
        if (entries.Count == 0)
        {
            context.Report(Descriptors.StateFileEmpty, inline ? "Vocabulary" : "VocabularyFile", source);
            return null;
        }

        var seen = new Dictionary<OptionalToken, int>();
        for (int i = 0; i < entries.Count; i++)
        {
            OptionalToken token = entries[i];
            if (special.Mask is not null && token.Equals(special.Mask))
            {
                context.Report(Descriptors.ReservedToken, context.Subject, "mask", token, where(i + offset));
            }
            else if (context.Options.Invert && token.Equals(special.Oov))
            {
                context.Report(Descriptors.ReservedToken, context.Subject, "OOV", token, where(i + offset));
            }

            if (seen.TryGetValue(token, out int first))
            {
                context.Report(Descriptors.DuplicateToken, source, token, where(first + offset), where(i + offset));
            }
            else
            {
                seen.Add(token, i);
            }

            if (context.Diagnostics.Count >= 20)
            {
                break; // enough to act on; a broken 10^6-line file must not flood the error list
            }
        }

        if (context.HasErrors)
        {
            return null;
        }

        Vocabulary vocabulary = strings
            ? new Vocabulary(source, VocabularyText.TokenHash(entries.Select(e => e.Text!)), entries.Select(e => e.Text!).ToArray(), null, mapped)
            : new Vocabulary(source, VocabularyText.TokenHash(entries.Select(e => e.Integer!.Value.ToString(CultureInfo.InvariantCulture))), null, entries.Select(e => e.Integer!.Value).ToArray());
        return new VocabularyLoad(vocabulary, entryCount, stripped);
    }

    private static List<OptionalToken> ParseFile(BindContext context, StateFile file, bool strings, CancellationToken cancellationToken)
    {
        var entries = new List<OptionalToken>(file.Lines.Count);
        if (file.InvalidUtf8Line is { } bad)
        {
            // TensorFlow compares a vocabulary's raw bytes: a token with bytes that are not UTF-8 can never match
            // an input (PrepGen reads inputs as UTF-8), and two such lines would look like one token.
            Malformed(context, file, bad - 1, "holds bytes that are not valid UTF-8 (the compiler decoded them as U+FFFD); save the vocabulary as UTF-8");
            return entries;
        }

        for (int i = 0; i < file.Lines.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            string line = file.Lines[i];
            if (strings)
            {
                // U+FFFD written as valid UTF-8 is a valid token (character split produces it for invalid
                // input); bytes the compiler could not decode were reported above (InvalidUtf8Line).
                entries.Add(new OptionalToken(line, null));
            }
            else if (long.TryParse(line, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                entries.Add(new OptionalToken(null, value));
            }
            else
            {
                Malformed(context, file, i, "'" + Shorten(line) + "' is not a 64-bit integer");
            }

            if (context.Diagnostics.Count >= 20)
            {
                break;
            }
        }

        return entries;
    }

    public static void Malformed(BindContext context, StateFile file, int index, string why) =>
        context.Report(Descriptors.MalformedLine, System.IO.Path.GetFileName(file.Path), file.Path, index + 1, why);

    public static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
}
