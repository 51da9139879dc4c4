using System.Collections.Generic;
using System.Linq;
using PrepGen.Generator.Model;
using PrepGen.Generator.Parsing;

namespace PrepGen.Generator.Binding;

/// <summary>One supported calling shape: return kinds and parameter kinds, in order.</summary>
internal sealed record ShapeDefinition(CallShape Shape, ValueKind[] Returns, ValueKind[][] Parameters)
{
    public override string ToString()
    {
        string returns = string.Join("|", Returns.Select(TypeClassifier.Display));
        string parameters = string.Join(", ", Parameters.Select(p => string.Join("|", p.Select(TypeClassifier.Display))));
        return returns + " M(" + parameters + ")";
    }
}

/// <summary>
/// The calling shapes of docs/api-contract.md, "Calling shapes", per layer and mode. A method matches the first
/// definition whose return and parameter kinds all fit; otherwise PG0002 lists these.
/// </summary>
internal static class ShapeCatalog
{
    private static readonly ValueKind[] IndexReturn = { ValueKind.Long, ValueKind.Int };
    private static readonly ValueKind[] Void = { ValueKind.Void };
    private static readonly ValueKind[] StringInput = { ValueKind.String, ValueKind.CharSpan, ValueKind.ByteSpan };
    private static readonly ValueKind[] IntegerInput = { ValueKind.Long, ValueKind.Int };
    private static readonly ValueKind[] LongOut = { ValueKind.LongOutput };
    private static readonly ValueKind[] FloatOut = { ValueKind.FloatOutput };
    private static readonly ValueKind[] Strings = { ValueKind.StringSpan };
    private static readonly ValueKind[] Longs = { ValueKind.LongSpan };
    private static readonly ValueKind[] CrossInput = { ValueKind.String, ValueKind.Long, ValueKind.Int };
    private static readonly ValueKind[] FloatScalar = { ValueKind.Float };
    private static readonly ValueKind[] FloatSpan = { ValueKind.FloatSpan };

    public static IReadOnlyList<ShapeDefinition> For(LayerKind kind, OutputMode mode, bool invert)
    {
        ValueKind[] scalar = kind switch
        {
            LayerKind.StringLookup => StringInput,
            LayerKind.IntegerLookup => IntegerInput,
            LayerKind.CategoryEncoding => IntegerInput,
            _ => StringInput.Concat(IntegerInput).ToArray(),
        };
        ValueKind[] batch = kind switch
        {
            LayerKind.StringLookup => Strings,
            LayerKind.IntegerLookup or LayerKind.CategoryEncoding => Longs,
            _ => Strings.Concat(Longs).ToArray(),
        };

        switch (kind)
        {
            // ---- Numeric layers (issue 4) ----
            case LayerKind.Normalization:
                return new[] { new ShapeDefinition(CallShape.Elementwise, Void, new[] { FloatSpan, FloatOut }) };
            case LayerKind.Rescaling:
                return new[] { new ShapeDefinition(CallShape.Elementwise, Void, new[] { new[] { ValueKind.FloatSpan, ValueKind.ByteSpan }, FloatOut }) };
            case LayerKind.Discretization when mode == OutputMode.Int:
                return new[]
                {
                    new ShapeDefinition(CallShape.Index, IndexReturn, new[] { FloatScalar }),
                    new ShapeDefinition(CallShape.IndexBatch, Void, new[] { FloatSpan, LongOut }),
                };
            case LayerKind.Discretization when mode == OutputMode.OneHot:
                return new[] { new ShapeDefinition(CallShape.OneHot, Void, new[] { FloatScalar, FloatOut }) };
            case LayerKind.Discretization:
                return new[] { new ShapeDefinition(CallShape.Sample, Void, new[] { FloatSpan, FloatOut }) };

            case LayerKind.TextVectorization when mode == OutputMode.Int:
                return new[]
                {
                    new ShapeDefinition(CallShape.TextIndices, IndexReturn, new[] { StringInput, LongOut }),
                    new ShapeDefinition(CallShape.TextIndicesBatch, Void, new[] { Strings, LongOut }),
                };
            case LayerKind.TextVectorization:
                return new[]
                {
                    new ShapeDefinition(CallShape.TextSample, Void, new[] { StringInput, FloatOut }),
                    new ShapeDefinition(CallShape.TextSampleBatch, Void, new[] { Strings, FloatOut }),
                };
            case LayerKind.HashedCrossing:
                // Two or more inputs: the catalog lists the two-input form; more inputs follow the same rule.
                return mode == OutputMode.OneHot
                    ? new[] { new ShapeDefinition(CallShape.CrossOneHot, Void, new[] { CrossInput, CrossInput, FloatOut }) }
                    : new[] { new ShapeDefinition(CallShape.Cross, IndexReturn, new[] { CrossInput, CrossInput }) };
            case LayerKind.CategoryEncoding when mode == OutputMode.OneHot:
                return new[] { new ShapeDefinition(CallShape.OneHot, Void, new[] { scalar, FloatOut }) };
            case LayerKind.CategoryEncoding:
                var shapes = new List<ShapeDefinition> { new(CallShape.Sample, Void, new[] { batch, FloatOut }) };
                if (mode == OutputMode.Count)
                {
                    shapes.Add(new ShapeDefinition(CallShape.WeightedSample, Void, new[] { batch, new[] { ValueKind.FloatSpan }, FloatOut }));
                }

                return shapes;
        }

        if (invert)
        {
            ValueKind[] result = kind == LayerKind.StringLookup ? new[] { ValueKind.String } : IndexReturn;
            return new[] { new ShapeDefinition(CallShape.Invert, result, new[] { IntegerInput }) };
        }

        return mode switch
        {
            OutputMode.Int => new[]
            {
                new ShapeDefinition(CallShape.Index, IndexReturn, new[] { scalar }),
                new ShapeDefinition(CallShape.IndexBatch, Void, new[] { batch, LongOut }),
            },
            OutputMode.OneHot => new[] { new ShapeDefinition(CallShape.OneHot, Void, new[] { scalar, FloatOut }) },
            _ => new[] { new ShapeDefinition(CallShape.Sample, Void, new[] { batch, FloatOut }) },
        };
    }

    public static ShapeDefinition? Match(IReadOnlyList<ShapeDefinition> shapes, MethodSignature method)
    {
        foreach (ShapeDefinition shape in shapes)
        {
            if (!shape.Returns.Contains(method.ReturnKind))
            {
                continue;
            }

            if (shape.Shape is CallShape.Cross or CallShape.CrossOneHot)
            {
                if (MatchesCross(shape, method))
                {
                    return shape;
                }

                continue;
            }

            if (method.Parameters.Count == shape.Parameters.Length
                && method.Parameters.Select((p, i) => shape.Parameters[i].Contains(p.Kind)).All(ok => ok))
            {
                return shape;
            }
        }

        return null;
    }

    private static bool MatchesCross(ShapeDefinition shape, MethodSignature method)
    {
        bool oneHot = shape.Shape == CallShape.CrossOneHot;
        int inputs = method.Parameters.Count - (oneHot ? 1 : 0);
        if (inputs < 2)
        {
            return false;
        }

        for (int i = 0; i < inputs; i++)
        {
            if (!CrossInput.Contains(method.Parameters[i].Kind))
            {
                return false;
            }
        }

        return !oneHot || method.Parameters[inputs].Kind == ValueKind.FloatOutput;
    }
}
