using System.Collections.Generic;
using System.Linq;
using PrepGen.Generator.Model;
using PrepGen.Generator.Tables;

namespace PrepGen.Generator.Emit;

/// <summary>
/// The file-local struct behind a lookup or hashing method: constants, the index function and the table
/// data. It implements the runtime's IStringIndex/IInt64Index so generic kernels specialize on it.
/// </summary>
internal static class LayerTypeEmitter
{
    public static bool Needed(LayerModel model) =>
        model.Spec.Kind is LayerKind.StringLookup or LayerKind.IntegerLookup or LayerKind.Hashing or LayerKind.TextVectorization
        || NumericEmitter.NeedsType(model);

    /// <param name="tables">The namespace of the shared table types (<see cref="Names.TableNamespace"/>).</param>
    public static void Write(SourceWriter w, LayerModel model, string tables)
    {
        if (model.Numeric is not null)
        {
            NumericEmitter.WriteType(w, model);
            return;
        }

        bool strings = StringInput(model);
        foreach (string line in Summary(model))
        {
            w.Line("/// " + line);
        }

        w.Open(model.Shape == CallShape.Invert
            ? "file static class " + Names.LayerType(model.Spec)
            : "file readonly struct " + Names.LayerType(model.Spec) + " : " + Names.Runtime + Interface(model, strings));
        if (model.Text is { } text)
        {
            WriteTextOptions(w, text);
        }

        if (strings && model.Spec.Kind == LayerKind.Hashing)
        {
            // Hashing hashes the UTF-8 bytes anyway: UTF-16 input is transcoded first.
            w.Line("public static long IndexOf(" + Names.Span + "<char> value) => " + Names.Runtime + ".Utf16Keys.Transcoded<" + Names.LayerType(model.Spec) + ">(value);");
            w.Line();
        }

        if (model.Spec.Kind == LayerKind.Hashing)
        {
            WriteHashing(w, model, strings);
        }
        else if (model.Shape == CallShape.Invert)
        {
            WriteInvert(w, model);
        }
        else
        {
            WriteLookup(w, model, tables, strings);
        }

        w.Close();
    }

    private static string Interface(LayerModel model, bool strings) =>
        model.Text is not null ? ".ITextLayer" : strings ? ".IStringIndex" : ".IInt64Index";

    private static void WriteTextOptions(SourceWriter w, TextOptions text)
    {
        w.Line("private static readonly int[] Widths = { " + string.Join(", ", text.NgramWidths) + " };");
        w.Line();
        w.Line("public static global::PrepGen.Standardize Standardize => global::PrepGen.Standardize." + text.Standardize + ";");
        w.Line();
        w.Line("public static global::PrepGen.Split Split => global::PrepGen.Split." + text.Split + ";");
        w.Line();
        w.Line("public static " + Names.Span + "<int> NgramWidths => Widths;");
        w.Line();
    }

    private static bool StringInput(LayerModel model) =>
        model.Spec.Kind is LayerKind.StringLookup or LayerKind.TextVectorization
        || (model.Spec.Kind == LayerKind.Hashing && model.Spec.Method.Parameters[0].Kind is ValueKind.String or ValueKind.CharSpan or ValueKind.ByteSpan or ValueKind.StringSpan);

    private static IEnumerable<string> Summary(LayerModel model)
    {
        yield return "<summary>";
        if (model.Spec.Kind == LayerKind.Hashing)
        {
            string hash = model.SaltKey is { } key ? "SipHash-2-4 with key (" + key[0] + ", " + key[1] + ")" : "FarmHash Fingerprint64";
            yield return "Keras Hashing: " + hash + " of the value's bytes, modulo " + model.HashBins + (model.Mask is not null ? "; bin 0 is the mask " + Literals.XmlText(model.Mask.ToString()) + ", values take 1.." + model.HashBins : "") + ".";
        }
        else
        {
            Vocabulary v = model.Vocabulary!;
            if (model.Text is { } text)
            {
                yield return "Keras TextVectorization: standardize " + text.Standardize + ", split " + text.Split +
                    ", n-gram widths {" + string.Join(", ", text.NgramWidths) + "}" +
                    (text.SequenceLength > 0 ? ", output sequence length " + text.SequenceLength : "") + ".";
            }

            yield return "Keras " + model.Spec.Kind + ", OutputMode " + model.Mode + (model.Shape == CallShape.Invert ? " (Invert)" : "") + ": " + v.Count + " tokens from " + Literals.XmlText(v.Source) + " (sha256 " + v.Hash.Substring(0, 16) + ").";
            if (model.Mask is not null && model.OovStart == 1)
            {
                yield return "Index 0 is the mask " + Literals.XmlText(model.Mask.ToString()) + ".";
            }

            yield return model.NumOov == 0
                ? "No OOV index: an unknown value throws ArgumentException."
                : "OOV indices " + model.OovStart + ".." + (model.TokenStart - 1) + "; tokens take " + model.TokenStart + ".." + (model.TokenStart + v.Count - 1) + " in vocabulary order.";
        }

        yield return "</summary>";
    }

    private static void WriteLookup(SourceWriter w, LayerModel model, string tables, bool strings)
    {
        string table = tables + "." + TableRequest.For(model, "")!.TypeName;
        w.Line("private const int TokenStart = " + model.TokenStart + ";");
        if (model.Mode == OutputMode.TfIdf)
        {
            w.Line();
            w.Line("/// <summary>Idf weight of each output index (OOV slots take the weights' mean, as Keras).</summary>");
            w.Line("public static readonly float[] Idf =");
            w.Line("{");
            w.Raw(Literals.Rows(model.Idf.ToArray(), 8, w.Indent + 1, Literals.Float));
            w.Line("};");
        }

        w.Line();
        if (strings)
        {
            Vocabulary v = model.Vocabulary!;
            w.Open("public static long IndexOf(" + Names.Span + "<byte> utf8)");
            w.Open("if ((uint)(utf8.Length - " + v.MinKeyBytes + ") <= " + (v.MaxKeyBytes - v.MinKeyBytes) + "u)");
            w.Line("int id = " + table + ".Find(utf8);");
            w.Open("if (id >= 0)");
            w.Line("return id + TokenStart;");
            w.Close();
            w.Close();
            w.Line();
            if (model.Mask is not null)
            {
                w.Open("if (global::System.MemoryExtensions.SequenceEqual(utf8, " + Literals.Utf8(model.Mask.Text!) + "))");
                w.Line("return " + MaskIndex(model) + ";");
                w.Close();
                w.Line();
            }

            w.Line("return " + OovIndex(model, "utf8") + ";");
            w.Close();
            WriteUtf16Lookup(w, model, table);
        }
        else
        {
            w.Open("public static long IndexOf(long value)");
            w.Line("int id = " + table + ".Find(value);");
            w.Open("if (id >= 0)");
            w.Line("return id + TokenStart;");
            w.Close();
            w.Line();
            if (model.Mask is not null)
            {
                w.Open("if (value == " + Literals.Long(model.Mask.Integer!.Value) + ")");
                w.Line("return " + MaskIndex(model) + ";");
                w.Close();
                w.Line();
            }

            w.Line("return " + OovIndex(model, "value") + ";");
            w.Close();
        }
    }

    /// <summary>
    /// The UTF-16 entry: ASCII keys probe the table from the chars (no transcoding buffer, so consecutive
    /// lookups stay independent); anything else, and misses that need the bytes (mask, OOV buckets), go
    /// through the UTF-8 path.
    /// </summary>
    private static void WriteUtf16Lookup(SourceWriter w, LayerModel model, string table)
    {
        Vocabulary t = model.Vocabulary!;
        w.Line();
        w.Open("public static long IndexOf(" + Names.Span + "<char> value)");
        // A miss of an ASCII key is a miss of its UTF-8 bytes (the same bytes) when the answer needs no bytes.
        bool asciiMissIsOov = model.Mask is null && model.NumOov == 1;
        string oov = Literals.Int(model.OovStart);
        w.Open("if ((uint)(value.Length - " + t.MinKeyBytes + ") <= " + (t.MaxKeyBytes - t.MinKeyBytes) + "u)");
        w.Line("int id = " + table + ".FindAscii(value);");
        w.Open("if (id >= 0)");
        w.Line("return id + TokenStart;");
        w.Close();
        if (asciiMissIsOov)
        {
            w.Line();
            w.Open("if (id != " + Names.Runtime + ".StringTable.NotAscii)");
            w.Line("return " + oov + ";");
            w.Close();
        }

        w.Close();
        if (asciiMissIsOov)
        {
            w.Open("else if (global::System.Text.Ascii.IsValid(value))");
            w.Line("return " + oov + ";");
            w.Close();
        }

        w.Line();

        w.Line("return " + Names.Runtime + ".Utf16Keys.Transcoded<" + Names.LayerType(model.Spec) + ">(value);");
        w.Close();
    }

    /// <summary>The mask is index 0 in int mode; elsewhere Keras maps it past the depth, so encoders drop it.</summary>
    private static string MaskIndex(LayerModel model) => model.Mode == OutputMode.Int ? "0" : "-1";

    private static string OovIndex(LayerModel model, string value)
    {
        if (model.NumOov == 0)
        {
            return Names.Runtime + ".LookupErrors.NotInVocabulary(" + value + ")";
        }

        if (model.NumOov == 1)
        {
            return Literals.Int(model.OovStart);
        }

        string start = model.OovStart == 0 ? "" : model.OovStart + " + ";
        string n = Literals.Int(model.NumOov);
        bool integers = model.Spec.Kind == LayerKind.IntegerLookup;
        if (integers && model.OovMethod == OovMethod.FloorMod)
        {
            return start + Names.Hash + ".FloorMod(" + value + ", " + n + ")";
        }

        return start + "(long)(" + KerasHash(model, value) + " % " + n + "UL)";
    }

    private static string KerasHash(LayerModel model, string value) => model.SaltKey is { } key
        ? Names.Hash + ".SipHash24(" + SaltWord(key[0]) + ", " + SaltWord(key[1]) + ", " + value + ")"
        : Names.Hash + ".Fingerprint64(" + value + ")";

    private static string SaltWord(long value) => Literals.ULong(unchecked((ulong)value));

    private static void WriteHashing(SourceWriter w, LayerModel model, bool strings)
    {
        string parameter = strings ? Names.Span + "<byte> utf8" : "long value";
        string value = strings ? "utf8" : "value";
        w.Open("public static long IndexOf(" + parameter + ")");
        if (model.Mask is not null)
        {
            string test = strings
                ? "global::System.MemoryExtensions.SequenceEqual(utf8, " + Literals.Utf8(model.Mask.Text!) + ")"
                : "value == " + Literals.Long(model.Mask.Integer!.Value);
            w.Open("if (" + test + ")");
            w.Line("return 0;");
            w.Close();
            w.Line();
        }

        string bin = "(long)(" + KerasHash(model, value) + " % " + model.HashBins + "UL)";
        w.Line("return " + (model.Mask is not null ? bin + " + 1" : bin) + ";");
        w.Close();
    }

    private static void WriteInvert(SourceWriter w, LayerModel model)
    {
        Vocabulary v = model.Vocabulary!;
        bool strings = v.Strings is not null;
        string type = strings ? "string" : "long";
        w.Line("private const int TokenStart = " + model.TokenStart + ";");
        w.Line();
        if (strings)
        {
            w.Line("private static readonly string[] Tokens =");
            w.Line("{");
            w.Raw(Literals.Rows(v.Strings!, 8, w.Indent + 1, Literals.String));
            w.Line("};");
        }
        else
        {
            w.Line("private static readonly long[] Tokens =");
            w.Line("{");
            w.Raw(Literals.Rows(v.Integers!, 8, w.Indent + 1, Literals.Long));
            w.Line("};");
        }

        w.Line();
        w.Line("/// <summary>Keras inverse lookup: mask at 0 when set, the OOV token for OOV slots and out-of-range indices.</summary>");
        w.Open("public static " + type + " Invert(long index)");
        w.Line("long id = index - TokenStart;");
        w.Open("if ((ulong)id < (ulong)Tokens.Length)");
        w.Line("return Tokens[(int)id];");
        w.Close();
        w.Line();
        if (model.Mask is not null)
        {
            w.Open("if (index == 0)");
            w.Line("return " + Token(model.Mask) + ";");
            w.Close();
            w.Line();
        }

        w.Line("return " + Token(model.Oov!) + ";");
        w.Close();
    }

    private static string Token(OptionalToken token) => token.Text is { } text ? Literals.String(text) : Literals.Long(token.Integer!.Value);
}
