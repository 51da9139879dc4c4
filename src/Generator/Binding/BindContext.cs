using System.Collections.Generic;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;
using PrepGen.Generator.State;
using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Binding;

/// <summary>What binding one layer needs, and where its diagnostics collect.</summary>
internal sealed class BindContext
{
    public BindContext(LayerSpec spec, LocationInfo? location, EquatableArray<FileMatch> files)
    {
        Spec = spec;
        Location = location;
        Files = files;
    }

    public LayerSpec Spec { get; }

    /// <summary>Where the layer's diagnostics point (its attribute).</summary>
    public LocationInfo? Location { get; }

    /// <summary>The state files the layer's options name, resolved by the Resolve step.</summary>
    public EquatableArray<FileMatch> Files { get; }

    public LayerOptions Options => Spec.Options;

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public bool HasErrors => Diagnostics.Count > 0;

    /// <summary>"StringLookup on Encoders.City", the subject of every message.</summary>
    public string Subject => Spec.Subject;

    public void Report(DiagnosticDescriptor descriptor, params object?[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, Location, arguments));

    /// <summary>Reports a rule about the layer's options: <see cref="Subject"/> is the message's first argument.</summary>
    public void Reject(DiagnosticDescriptor descriptor, params object?[] arguments)
    {
        var all = new object?[arguments.Length + 1];
        all[0] = Subject;
        arguments.CopyTo(all, 1);
        Report(descriptor, all);
    }

    /// <summary>Finds the one AdditionalFiles item a path names, or reports why not.</summary>
    public StateFile? FindFile(string role, string requested)
    {
        var matches = new List<StateFile>();
        foreach (FileMatch match in Files)
        {
            if (match.Requested == requested)
            {
                matches.AddRange(match.Files);
            }
        }

        if (matches.Count == 0)
        {
            Report(Descriptors.StateFileNotFound, role, requested);
            return null;
        }

        if (matches.Count > 1)
        {
            Report(Descriptors.StateFileAmbiguous, role, requested, string.Join(", ", matches.ConvertAll(m => m.Path)));
            return null;
        }

        if (matches[0].Error is { } error)
        {
            Report(Descriptors.StateFileUnreadable, role, requested, error);
            return null;
        }

        return matches[0];
    }
}
