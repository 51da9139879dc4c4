namespace PrepGen.Generator.Model;

/// <summary>One type in the chain that contains a layer method (outermost first).</summary>
internal sealed record ContainingType(string Keyword, string Name, bool IsPartial);

/// <summary>One method parameter: its shape and its name as written.</summary>
internal sealed record Parameter(ValueKind Kind, string Name, string TypeDisplay);

/// <summary>The method a layer attribute sits on, as plain data.</summary>
internal sealed record MethodSignature(
    string Name,
    string Modifiers,
    ValueKind ReturnKind,
    string ReturnDisplay,
    EquatableArray<Parameter> Parameters,
    bool IsStatic,
    bool IsPartial,
    bool IsGeneric);

/// <summary>
/// Everything the parser reads from one attributed method: what the user asked for, unvalidated.
/// Option fields are null when the attribute does not set them, so the binder can apply Keras
/// defaults and tell "unset" from "set to the default". No location: it travels beside the spec to the
/// steps that report diagnostics (<c>BindInput</c>), so a line inserted above a layer leaves the spec,
/// the model and the table equal (docs/design.md, "Pipeline").
/// </summary>
internal sealed record LayerSpec(
    LayerKind Kind,
    string? Namespace,
    EquatableArray<ContainingType> Types,
    MethodSignature Method,
    LayerOptions Options)
{
    /// <summary>A stable, unique name for the generated file and helper types.</summary>
    public string QualifiedName => (Namespace is null ? "" : Namespace + ".") + string.Join(".", System.Linq.Enumerable.Select(Types, t => t.Name)) + "." + Method.Name;

    /// <summary>The generated file's hint-name stem, unique in the compilation (see <c>TypeChain.HintStem</c>); null for record members.</summary>
    public string? HintStem { get; init; }

    /// <summary>What messages call the layer: a record member's name, or null for the method's.</summary>
    public string? MemberName { get; init; }

    /// <summary>"StringLookup on City": the subject of every message, naming what the user wrote (the method, or the record member).</summary>
    public string Subject => Kind + " on " + (MemberName ?? Method.Name);
}

/// <summary>The attribute's named arguments. A value that could not be read (wrong type) is reported in <see cref="Invalid"/>.</summary>
internal sealed record LayerOptions
{
    public EquatableArray<string>? StringVocabulary { get; init; }
    public EquatableArray<long>? IntegerVocabulary { get; init; }
    public string? VocabularyFile { get; init; }
    public int? MaxTokens { get; init; }
    public int? NumOovIndices { get; init; }
    public OptionalToken? MaskToken { get; init; }
    public OptionalToken? OovToken { get; init; }
    public bool Invert { get; init; }
    public OutputMode? OutputMode { get; init; }
    public bool PadToMaxTokens { get; init; }
    public EquatableArray<double>? IdfWeights { get; init; }
    public string? IdfWeightsFile { get; init; }
    public OovMethod? OovMethod { get; init; }
    public long? Salt { get; init; }
    public EquatableArray<long>? SaltPair { get; init; }
    public int? NumBins { get; init; }
    public int? NumTokens { get; init; }
    public Standardize? Standardize { get; init; }
    public Split? Split { get; init; }
    public int? Ngrams { get; init; }
    public EquatableArray<long>? NgramWidths { get; init; }
    public int? OutputSequenceLength { get; init; }

    // Numeric layers (Normalization, Discretization, Rescaling).
    public EquatableArray<double>? Mean { get; init; }
    public EquatableArray<double>? Variance { get; init; }
    public string? StatsFile { get; init; }
    public string? StatsKey { get; init; }
    public EquatableArray<double>? BinBoundaries { get; init; }
    public double? Scale { get; init; }
    public double? Offset { get; init; }

    /// <summary>Named arguments whose value had an unusable type, e.g. <c>MaskValue = 1.5</c>.</summary>
    public EquatableArray<string> Invalid { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A token option that may be a string or an integer (mask tokens, mask values).</summary>
internal sealed record OptionalToken(string? Text, long? Integer)
{
    public bool IsString => Text is not null;

    public override string ToString() => Text is not null ? "\"" + Text + "\"" : Integer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
