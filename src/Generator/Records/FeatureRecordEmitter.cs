using System.Linq;
using PrepGen.Generator.Emit;
using PrepGen.Generator.Model;
using PrepGen.Generator.Tables;

namespace PrepGen.Generator.Records;

/// <summary>
/// Writes a feature record's <c>EncodedWidth</c>, <c>Encode</c> and <c>EncodeBatch</c>, one private encoder
/// method per member (the same code a layer method would get) and the members' file-local layer types.
/// </summary>
internal static class FeatureRecordEmitter
{
    public static string Emit(BuiltRecord built)
    {
        BoundRecord record = built.Record;
        FeatureRecordSpec spec = record.Spec;
        bool valueType = spec.Types[spec.Types.Count - 1].Keyword.Contains("struct");
        string self = spec.TypeName;
        var w = new SourceWriter();
        FileFrame.Open(w, "FeatureRecord " + spec.QualifiedName, spec.Namespace, spec.Types);

        w.Line("/// <summary>Floats one row encodes to: " + string.Join(" + ", record.Widths) + ".</summary>");
        w.Line("public const int EncodedWidth = " + record.Width + ";");
        w.Line();
        w.Line("/// <summary>Encodes this row's features into the first <see cref=\"EncodedWidth\"/> floats, in declaration order (Keras FeatureSpace \"concat\").</summary>");
        w.Open("public " + (valueType ? "readonly " : "") + "void Encode(global::System.Span<float> destination)");
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

            WriteMember(w, spec.Members[i], record.Models[i], offset, record.Widths[i]);
            offset += record.Widths[i];
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Encodes rows into a row-major destination of <c>rows.Length * EncodedWidth</c> floats.</summary>");
        w.Open("public static void EncodeBatch(global::System.ReadOnlySpan<" + self + "> rows, global::System.Span<float> destination)");
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
        foreach (BuiltLayer layer in built.Layers)
        {
            if (LayerTypeEmitter.Needed(layer.Model))
            {
                w.Line();
                LayerTypeEmitter.Write(w, layer);
            }
        }

        FileFrame.CloseNamespace(w, spec.Namespace);
        return w.ToString();
    }

    private static void WriteMember(SourceWriter w, RecordMember member, LayerModel model, int offset, int width)
    {
        string value = member.Access switch
        {
            MemberAccess.MemorySpan => member.MemberName + ".Span",
            MemberAccess.TupleItems => string.Join(", ", Enumerable.Range(1, model.Spec.Method.Parameters.Count - (model.Shape == CallShape.CrossOneHot ? 1 : 0))
                .Select(i => member.MemberName + ".Item" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => member.MemberName,
        };
        string method = model.Spec.Method.Name;
        string slice = "destination.Slice(" + offset + ", " + width + ")";
        w.Line("// " + member.MemberName + ": " + model.Spec.Kind + " " + model.Mode + ", " + width + (width == 1 ? " float" : " floats") + " at " + offset + ".");
        switch (model.Shape)
        {
            case CallShape.Index or CallShape.Cross:
                w.Line("destination[" + offset + "] = " + method + "(" + value + ");");
                break;
            case CallShape.Elementwise or CallShape.Sample when member.Access == MemberAccess.SingleElementSpan:
                w.Open("");
                w.Line("float one = " + member.MemberName + ";");
                w.Line(method + "(new global::System.ReadOnlySpan<float>(in one), " + slice + ");");
                w.Close();
                break;
            case CallShape.TextIndices:
                w.Open("");
                w.Line("global::System.Span<long> ids = stackalloc long[" + width + "];");
                w.Line(method + "(" + value + ", ids);");
                w.Line(Names.Runtime + ".Encode.Widen(ids, " + slice + ");");
                w.Close();
                break;
            default:
                w.Line(method + "(" + value + ", " + slice + ");");
                break;
        }
    }
}
