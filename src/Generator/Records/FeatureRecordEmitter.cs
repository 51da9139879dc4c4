using System.Linq;
using PrepGen.Generator.Emit;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Records;

/// <summary>
/// Writes a feature record's <c>EncodedWidth</c>, <c>Encode</c> and <c>EncodeBatch</c>, one private encoder
/// method per member (the same code a layer method would get) and the members' file-local layer types.
/// </summary>
internal static class FeatureRecordEmitter
{
    /// <summary>Id sequences up to this length are widened through the stack (2 KB); longer ones through a pooled array.</summary>
    private const int MaxStackIds = 256;

    public static string Emit(BoundRecord record, string assemblyName)
    {
        FeatureRecordSpec spec = record.Spec;
        bool valueType = spec.Types[spec.Types.Count - 1].Keyword.Contains("struct");
        string self = Names.Escape(spec.TypeName);
        var w = new SourceWriter();
        FileFrame.Open(w, "FeatureRecord " + spec.QualifiedName, spec.Namespace, spec.Types);

        bool integers = spec.IntegerOutput;
        string element = integers ? "long" : "float";
        string elements = integers ? "integers" : "floats";
        w.Line("/// <summary>" + (integers ? "Integers" : "Floats") + " one row encodes to: " + string.Join(" + ", record.Widths) + ".</summary>");
        w.Line("public const int EncodedWidth = " + record.Width + ";");
        w.Line();
        w.Line("/// <summary>Encodes this row's features into the first <see cref=\"EncodedWidth\"/> " + elements + ", in declaration order (Keras FeatureSpace \"concat\").</summary>");
        w.Open("public " + (valueType ? "readonly " : "") + "void Encode(global::System.Span<" + element + "> destination)");
        w.Open("if (destination.Length < EncodedWidth)");
        w.Line("throw new global::System.ArgumentException(\"The destination has \" + destination.Length + \" elements but a row encodes to \" + EncodedWidth + \".\", nameof(destination));");
        w.Close();
        w.Line();
        int offset = 0;
        for (int i = 0; i < spec.Members.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            WriteMember(w, spec.Members[i], record.Models[i], offset, record.Widths[i], integers);
            offset += record.Widths[i];
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Encodes rows into a row-major destination of <c>rows.Length * EncodedWidth</c> " + elements + ".</summary>");
        w.Open("public static void EncodeBatch(global::System.ReadOnlySpan<" + self + "> rows, global::System.Span<" + element + "> destination)");
        w.Open("if ((long)destination.Length < (long)rows.Length * EncodedWidth)");
        w.Line("throw new global::System.ArgumentException(\"The destination has \" + destination.Length + \" elements but \" + rows.Length + \" rows encode to \" + ((long)rows.Length * EncodedWidth) + \".\", nameof(destination));");
        w.Close();
        w.Line();
        w.Open("for (int i = 0; i < rows.Length; i++)");
        w.Line((valueType ? "rows[i]" : "(rows[i] ?? throw new global::System.ArgumentNullException(nameof(rows)))") + ".Encode(destination.Slice(i * EncodedWidth, EncodedWidth));");
        w.Close();
        w.Close();
        foreach (LayerModel model in record.Models)
        {
            w.Line();
            LayerEmitter.WriteMethod(w, model);
        }

        FileFrame.CloseTypes(w, spec.Types);
        foreach (LayerModel model in record.Models)
        {
            if (LayerTypeEmitter.Needed(model))
            {
                w.Line();
                LayerTypeEmitter.Write(w, model, Names.TableNamespace(assemblyName));
            }
        }

        FileFrame.CloseNamespace(w, spec.Namespace);
        return w.ToString();
    }

    /// <summary>
    /// One member's slice of the row. The member is read once, through <c>this.</c> (so no generated local can
    /// hide it) and escaped (<c>this.@event</c>); locals carry a <c>prepgen</c> prefix.
    /// </summary>
    /// <summary>
    /// The record's members when PrepGen reported an error for it: EncodedWidth 0 and methods that throw, so
    /// the user's build shows PrepGen's error alone, not CS0117 at every use.
    /// </summary>
    public static string EmitStub(FeatureRecordSpec spec)
    {
        bool valueType = spec.Types[spec.Types.Count - 1].Keyword.Contains("struct");
        string element = spec.IntegerOutput ? "long" : "float";
        string fail = "throw new global::System.InvalidOperationException(" + Literals.String("PrepGen did not generate FeatureRecord " + spec.TypeName + ": the build reported an error for it.") + ");";
        var w = new SourceWriter();
        FileFrame.Open(w, "FeatureRecord " + spec.QualifiedName + " (not generated: see the PrepGen errors at the record)", spec.Namespace, spec.Types);
        w.Line("/// <summary>Not generated: the build reported an error for this record.</summary>");
        w.Line("public const int EncodedWidth = 0;");
        w.Line();
        w.Line("/// <summary>Not generated: throws.</summary>");
        w.Open("public " + (valueType ? "readonly " : "") + "void Encode(global::System.Span<" + element + "> destination)");
        w.Line(fail);
        w.Close();
        w.Line();
        w.Line("/// <summary>Not generated: throws.</summary>");
        w.Open("public static void EncodeBatch(global::System.ReadOnlySpan<" + Names.Escape(spec.TypeName) + "> rows, global::System.Span<" + element + "> destination)");
        w.Line(fail);
        w.Close();
        FileFrame.CloseTypes(w, spec.Types);
        FileFrame.CloseNamespace(w, spec.Namespace);
        return w.ToString();
    }

    private static void WriteMember(SourceWriter w, RecordMember member, LayerModel model, int offset, int width, bool integers)
    {
        string read = "this." + Names.Escape(member.MemberName);
        string method = model.Spec.Method.Name;
        string slice = "destination.Slice(" + offset + ", " + width + ")";
        string unit = integers ? (width == 1 ? " integer" : " integers") : (width == 1 ? " float" : " floats");
        string what = model.Spec.Kind is LayerKind.Normalization or LayerKind.Rescaling ? model.Spec.Kind.ToString() : model.Spec.Kind + " " + model.Mode;
        w.Line("// " + member.MemberName + ": " + what + ", " + width + unit + " at " + offset + ".");
        if (member.Access == MemberAccess.TupleItems)
        {
            int items = model.Spec.Method.Parameters.Count - (model.Shape == CallShape.CrossOneHot ? 1 : 0);
            string arguments = string.Join(", ", Enumerable.Range(1, items).Select(i => "prepgenTuple.Item" + i));
            w.Open("");
            w.Line("var prepgenTuple = " + read + ";");
            w.Line(model.Shape == CallShape.CrossOneHot
                ? method + "(" + arguments + ", " + slice + ");"
                : "destination[" + offset + "] = " + method + "(" + arguments + ");");
            w.Close();
            return;
        }

        string value = member.Access == MemberAccess.MemorySpan ? read + ".Span" : read;
        switch (model.Shape)
        {
            case CallShape.Index or CallShape.Cross:
                w.Line("destination[" + offset + "] = " + method + "(" + value + ");");
                break;
            case CallShape.Elementwise or CallShape.Sample when member.Access == MemberAccess.SingleElementSpan:
                w.Open("");
                w.Line("float prepgenOne = " + value + ";");
                w.Line(method + "(new global::System.ReadOnlySpan<float>(in prepgenOne), " + slice + ");");
                w.Close();
                break;
            case CallShape.Elementwise:
                // A feature vector is exactly one row: an empty (or null) array is as wrong as a short one.
                w.Open("");
                w.Line("global::System.ReadOnlySpan<float> prepgenValues = " + value + ";");
                w.Open("if (prepgenValues.Length != " + width + ")");
                w.Line("throw new global::System.ArgumentException(\"" + member.MemberName + " has \" + prepgenValues.Length + \" values, but its " + model.Spec.Kind + " has " + width + " features.\");");
                w.Close();
                w.Line();
                w.Line(method + "(prepgenValues, " + slice + ");");
                w.Close();
                break;
            case CallShape.TextIndices when integers:
                w.Line(method + "(" + value + ", " + slice + ");");
                break;
            case CallShape.TextIndices when width <= MaxStackIds:
                w.Open("");
                w.Line("global::System.Span<long> prepgenIds = stackalloc long[" + width + "];");
                w.Line(method + "(" + value + ", prepgenIds);");
                w.Line(Names.Runtime + ".Encode.Widen(prepgenIds, " + slice + ");");
                w.Close();
                break;
            case CallShape.TextIndices:
                // A long sequence would overflow the stack: pooled, returned whatever happens.
                w.Open("");
                w.Line("long[] prepgenIds = global::System.Buffers.ArrayPool<long>.Shared.Rent(" + width + ");");
                w.Open("try");
                w.Line(method + "(" + value + ", global::System.MemoryExtensions.AsSpan(prepgenIds, 0, " + width + "));");
                w.Line(Names.Runtime + ".Encode.Widen(global::System.MemoryExtensions.AsSpan(prepgenIds, 0, " + width + "), " + slice + ");");
                w.Close();
                w.Line("finally");
                w.Open("");
                w.Line("global::System.Buffers.ArrayPool<long>.Shared.Return(prepgenIds);");
                w.Close();
                w.Close();
                break;
            default:
                w.Line(method + "(" + value + ", " + slice + ");");
                break;
        }
    }
}
