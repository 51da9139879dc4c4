using System.Collections.Generic;
using System.Collections.Immutable;
using PrepGen.Generator.Model;
using PrepGen.Generator.State;

namespace PrepGen.Generator.Binding;

/// <summary>
/// The Bind step's input: the spec, the location its diagnostics point at, and only the state files its
/// options name. Editing an AdditionalFiles item no layer names leaves every input equal, so Bind stays
/// Cached; the location is here, not in the spec, so the model Bind produces (and the table keyed on its
/// vocabulary) stays equal when a line is inserted above the layer.
/// </summary>
internal sealed record BindInput(LayerSpec Spec, LocationInfo? Location, EquatableArray<FileMatch> Files)
{
    /// <summary>The Resolve step: picks the files <paramref name="spec"/> names out of all state files (a suffix match each).</summary>
    public static BindInput Resolve(LayerSpec spec, LocationInfo? location, ImmutableArray<StateFile> files) =>
        new(spec, location, Match(Requested(spec.Options), files));

    public static EquatableArray<FileMatch> Match(IEnumerable<string> requested, ImmutableArray<StateFile> files)
    {
        var matches = new List<FileMatch>();
        foreach (string path in requested)
        {
            if (matches.Exists(m => m.Requested == path))
            {
                continue;
            }

            var found = new List<StateFile>();
            foreach (StateFile file in files)
            {
                if (file.Matches(path))
                {
                    found.Add(file);
                }
            }

            matches.Add(new FileMatch(path, found.ToEquatableArray()));
        }

        return matches.ToEquatableArray();
    }

    /// <summary>The paths a layer's options name: vocabulary, idf weights, stats.</summary>
    public static IEnumerable<string> Requested(LayerOptions options)
    {
        if (options.VocabularyFile is { } vocabulary)
        {
            yield return vocabulary;
        }

        if (options.IdfWeightsFile is { } idf)
        {
            yield return idf;
        }

        if (options.StatsFile is { } stats)
        {
            yield return stats;
        }
    }
}

/// <summary>The AdditionalFiles items that answer to a path as written in an attribute (none, one, or an ambiguous several).</summary>
internal sealed record FileMatch(string Requested, EquatableArray<StateFile> Files);
