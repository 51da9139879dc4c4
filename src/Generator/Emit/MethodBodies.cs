using System.Collections.Generic;
using System.Linq;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Emit;

/// <summary>The body of the user's partial method for each calling shape: a call into the runtime's kernels.</summary>
internal static class MethodBodies
{
    public static IEnumerable<string> Body(LayerModel model)
    {
        MethodSignature m = model.Spec.Method;
        string[] p = m.Parameters.Select(x => x.Name).ToArray();
        string layer = Names.LayerTypeReference(model.Spec);
        string encode = Names.Runtime + ".Encode";
        bool category = model.Spec.Kind == LayerKind.CategoryEncoding;
        string depth = Literals.Int(model.Depth);
        if (model.Numeric is not null)
        {
            foreach (string line in NumericEmitter.Body(model, layer, p))
            {
                yield return line;
            }

            yield break;
        }

        switch (model.Shape)
        {
            case CallShape.Index:
                yield return "return " + Cast(m.ReturnKind, IndexOf(model, layer, m.Parameters[0])) + ";";
                break;
            case CallShape.IndexBatch:
                yield return encode + ".Indices<" + layer + ">(" + p[0] + ", " + p[1] + ");";
                break;
            case CallShape.Invert:
                yield return "return " + Cast(m.ReturnKind, layer + ".Invert(" + p[0] + ")") + ";";
                break;
            case CallShape.OneHot:
                string index = category ? p[0] : IndexOf(model, layer, m.Parameters[0]);
                yield return encode + ".OneHot(" + index + ", " + p[1] + ", " + depth + ");";
                break;
            case CallShape.Sample when category:
                yield return encode + ".Categories(" + p[0] + ", default, " + p[1] + ", " + depth + ", count: " + Bool(model.Mode == OutputMode.Count) + ");";
                break;
            case CallShape.WeightedSample:
                yield return encode + ".Categories(" + p[0] + ", " + p[1] + ", " + p[2] + ", " + depth + ", count: true);";
                break;
            case CallShape.Sample when model.Mode == OutputMode.TfIdf:
                yield return encode + ".TfIdf<" + layer + ">(" + p[0] + ", " + p[1] + ", " + layer + ".Idf);";
                break;
            case CallShape.Sample:
                yield return encode + ".Accumulate<" + layer + ">(" + p[0] + ", " + p[1] + ", " + depth + ", count: " + Bool(model.Mode == OutputMode.Count) + ");";
                break;
            case CallShape.TextIndices:
            case CallShape.TextIndicesBatch:
            case CallShape.TextSample:
            case CallShape.TextSampleBatch:
                foreach (string line in Text(model, layer, p))
                {
                    yield return line;
                }

                break;
            case CallShape.Cross:
            case CallShape.CrossOneHot:
                foreach (string line in Cross(model, p))
                {
                    yield return line;
                }

                break;
        }
    }

    /// <summary>tf.sparse.cross_hashed: strings contribute their Fingerprint64, integers their raw value.</summary>
    private static IEnumerable<string> Cross(LayerModel model, string[] p)
    {
        MethodSignature m = model.Spec.Method;
        int inputs = model.Shape == CallShape.CrossOneHot ? p.Length - 1 : p.Length;
        string hash = Names.Local("prepgenHash", p);
        yield return "ulong " + hash + " = " + Names.Hash + ".DefaultCrossHashKey;";
        for (int i = 0; i < inputs; i++)
        {
            string fingerprint = m.Parameters[i].Kind == ValueKind.String
                ? Names.Hash + ".Fingerprint64(" + p[i] + ")"
                : "unchecked((ulong)(long)" + p[i] + ")";
            yield return hash + " = " + Names.Hash + ".FingerprintCat64(" + hash + ", " + fingerprint + ");";
        }

        string bin = "(long)(" + hash + " % " + model.HashBins + "UL)";
        yield return model.Shape == CallShape.CrossOneHot
            ? Names.Runtime + ".Encode.OneHot(" + bin + ", " + p[inputs] + ", " + Literals.Int(model.Depth) + ");"
            : "return " + Cast(m.ReturnKind, bin) + ";";
    }

    /// <summary>TextVectorization: one call into the fused runtime pipeline, specialized on the layer type.</summary>
    private static IEnumerable<string> Text(LayerModel model, string layer, string[] p)
    {
        string vectorizer = Names.Runtime + ".TextVectorizer.";
        string length = Literals.Int(model.Text!.SequenceLength);
        if (model.Spec.Method.Parameters[0].Kind == ValueKind.String)
        {
            yield return "global::System.ArgumentNullException.ThrowIfNull(" + p[0] + ");";
        }

        bool tfIdf = model.Mode == OutputMode.TfIdf;
        string count = "count: " + Bool(model.Mode == OutputMode.Count);
        string depth = Literals.Int(model.Depth);
        yield return model.Shape switch
        {
            CallShape.TextIndices => "return " + vectorizer + "Indices<" + layer + ">(" + p[0] + ", " + p[1] + ", " + length + ");",
            CallShape.TextIndicesBatch => vectorizer + "IndicesBatch<" + layer + ">(" + p[0] + ", " + p[1] + ", " + length + ");",
            CallShape.TextSample when tfIdf => vectorizer + "TfIdf<" + layer + ">(" + p[0] + ", " + p[1] + ", " + layer + ".Idf);",
            CallShape.TextSample => vectorizer + "Accumulate<" + layer + ">(" + p[0] + ", " + p[1] + ", " + depth + ", " + count + ");",
            _ when tfIdf => vectorizer + "TfIdfBatch<" + layer + ">(" + p[0] + ", " + p[1] + ", " + layer + ".Idf);",
            _ => vectorizer + "AccumulateBatch<" + layer + ">(" + p[0] + ", " + p[1] + ", " + depth + ", " + count + ");",
        };
    }

    private static string IndexOf(LayerModel model, string layer, Parameter value) => value.Kind switch
    {
        ValueKind.String or ValueKind.CharSpan => Names.Runtime + ".Utf16Keys.IndexOf<" + layer + ">(" + value.Name + ")",
        _ => layer + ".IndexOf(" + value.Name + ")",
    };

    private static string Cast(ValueKind returnKind, string expression) =>
        returnKind == ValueKind.Int ? "checked((int)" + expression + ")" : expression;

    private static string Bool(bool value) => value ? "true" : "false";
}
