using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PrepGen.Generator.Binding;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;
using PrepGen.Generator.State;

namespace PrepGen.Generator.Records;

/// <summary>A feature record with every member bound: the models and the elements (floats, or longs under IntegerOutput) each member contributes.</summary>
internal sealed record BoundRecord(FeatureRecordSpec Spec, EquatableArray<LayerModel> Models, EquatableArray<int> Widths)
{
    public int Width => Widths.Sum();
}

/// <summary>The record bind step's output.</summary>
internal sealed record RecordBindResult(BoundRecord? Record, EquatableArray<DiagnosticInfo> Diagnostics, FeatureRecordSpec? Failed = null);

/// <summary>
/// The record Bind step's input: the spec, its members' locations (apart from the spec, as for layers) and
/// only the state files its members name.
/// </summary>
internal sealed record RecordBindInput(FeatureRecordSpec Spec, EquatableArray<MemberLocation> Locations, EquatableArray<FileMatch> Files)
{
    /// <summary>The record Resolve step: the files every member names, picked out of all state files.</summary>
    public static RecordBindInput Resolve(RecordParseResult parsed, ImmutableArray<StateFile> files) =>
        new(parsed.Spec!, parsed.Locations, BindInput.Match(parsed.Spec!.Members.SelectMany(m => BindInput.Requested(m.Layer.Options)), files));
}

/// <summary>Binds each member with the layer binder (every Keras rule applies) and sizes the row.</summary>
internal static class FeatureRecordBinder
{
    public static RecordBindResult Bind(RecordBindInput input, CancellationToken cancellationToken)
    {
        FeatureRecordSpec spec = input.Spec;
        var diagnostics = new List<DiagnosticInfo>();
        var models = new List<LayerModel>();
        var widths = new List<int>();
        for (int i = 0; i < spec.Members.Count; i++)
        {
            RecordMember member = spec.Members[i];
            LocationInfo? at = i < input.Locations.Count ? input.Locations[i].At : null;
            BindResult bound = LayerBinder.Bind(new BindInput(member.Layer, at, input.Files), cancellationToken);
            diagnostics.AddRange(bound.Diagnostics);
            if (bound.Model is not { } model)
            {
                continue;
            }

            if (spec.IntegerOutput && !ProducesIntegers(model))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.FloatMemberInIntegerRecord, at, member.MemberName,
                    FloatsDescription(model), IntegerHint(model)));
                continue;
            }

            int width = Width(model, member);
            if (width <= 0)
            {
                string why = model.Shape == CallShape.TextIndices
                    ? "an Int-mode TextVectorization member needs OutputSequenceLength"
                    : "a float[] member needs a Normalization with one mean per feature (its width); use a float member for one feature";
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.RecordMemberWithoutWidth, at, member.MemberName, why));
                continue;
            }

            models.Add(model);
            widths.Add(width);
        }

        long total = widths.Sum(w => (long)w);
        if (diagnostics.Count == 0 && total > int.MaxValue / 4)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.RecordTooWide, input.Locations.Count > 0 ? input.Locations[0].At : null, "FeatureRecord " + spec.TypeName, total, int.MaxValue / 4));
        }

        return diagnostics.Count > 0
            ? new RecordBindResult(null, diagnostics.ToEquatableArray(), spec)
            : new RecordBindResult(new BoundRecord(spec, models.ToEquatableArray(), widths.ToEquatableArray()), EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Under IntegerOutput a member writes integers: an index, a crossing, or a fixed-length id sequence.</summary>
    private static bool ProducesIntegers(LayerModel model) => model.Shape is CallShape.Index or CallShape.Cross or CallShape.TextIndices;

    private static string FloatsDescription(LayerModel model) => model.Spec.Kind switch
    {
        LayerKind.Normalization or LayerKind.Rescaling => model.Spec.Kind.ToString(),
        _ => model.Spec.Kind + " with OutputMode " + model.Mode,
    };

    private static string IntegerHint(LayerModel model) => model.Spec.Kind switch
    {
        LayerKind.Normalization or LayerKind.Rescaling => model.Spec.Kind + " always produces floats; encode it in a [FeatureRecord] without IntegerOutput",
        LayerKind.CategoryEncoding => "CategoryEncoding has no Int mode; feed the index itself (an Int-mode lookup or Hashing member), or drop IntegerOutput",
        _ => "use OutputMode.Int (the default), or drop IntegerOutput",
    };

    /// <summary>Elements a member contributes: an Int index is one element; id sequences their length; vectors their depth.</summary>
    private static int Width(LayerModel model, RecordMember member) => model.Shape switch
    {
        CallShape.Index or CallShape.Cross => 1,
        CallShape.TextIndices => model.Text!.SequenceLength,
        CallShape.Elementwise when member.Access == MemberAccess.SingleElementSpan => model.Depth <= 1 ? 1 : -1,
        CallShape.Elementwise => model.Depth > 1 ? model.Depth : -1,
        CallShape.Sample when member.Access == MemberAccess.SingleElementSpan => model.Depth,
        _ => model.Depth,
    };
}
