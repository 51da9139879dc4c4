using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic PrepGen reports. IDs are stable and documented in docs/diagnostics.md; a test checks
/// that each descriptor here has a section there and a test that triggers it.
/// </summary>
internal static class Descriptors
{
    private const string Shape = "PrepGen.Shape";
    private const string State = "PrepGen.State";
    private const string Keras = "PrepGen.Keras";
    private const string Limits = "PrepGen.Limits";

    // PG00xx: where the attribute sits and the method's shape.
    public static readonly DiagnosticDescriptor NotStaticPartial = Error(
        "PG0001", Shape, "Layer method must be static partial in a partial type",
        "'{0}' cannot be implemented: {1}");

    public static readonly DiagnosticDescriptor UnsupportedShape = Error(
        "PG0002", Shape, "Unsupported layer method shape",
        "{0}{1} cannot be generated as '{2}'. Supported shapes: {3}");

    public static readonly DiagnosticDescriptor MultipleLayers = Error(
        "PG0003", Shape, "More than one layer attribute on a method",
        "'{0}' carries several layer attributes ({1}); a method implements exactly one layer");

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Error(
        "PG0004", Shape, "Feature record member type not supported by its layer",
        "Member '{0}' of type '{1}' cannot feed {2} with its output mode: use string, long or int for one value, T[] or ReadOnlyMemory<T> for a sample of several");

    public static readonly DiagnosticDescriptor FloatMemberInIntegerRecord = Error(
        "PG0005", Shape, "Feature record member produces floats in an IntegerOutput record",
        "Member '{0}' ({1}) produces floats, but [FeatureRecord(IntegerOutput = true)] encodes a row of integers: {2}");

    public static readonly DiagnosticDescriptor RecordMemberWithoutWidth = Error(
        "PG0006", Shape, "Feature record member has no fixed width",
        "Member '{0}' has no fixed width in the record's row: {1}");

    public static readonly DiagnosticDescriptor RecordWithoutMembers = Error(
        "PG0007", Shape, "Feature record has no layer members",
        "[FeatureRecord] '{0}' has no property or field with a layer attribute, so there is nothing to encode");

    // PG01xx: state files.
    public static readonly DiagnosticDescriptor StateFileNotFound = Error(
        "PG0100", State, "State file not found",
        "{0} '{1}' is not among the project's AdditionalFiles; add <AdditionalFiles Include=\"{1}\" /> to the project");

    public static readonly DiagnosticDescriptor StateFileAmbiguous = Error(
        "PG0101", State, "State file path is ambiguous",
        "{0} '{1}' matches several AdditionalFiles ({2}); use a longer path suffix");

    public static readonly DiagnosticDescriptor StateFileEmpty = Error(
        "PG0102", State, "State file is empty",
        "{0} '{1}' holds no entries; Keras rejects an empty vocabulary");

    public static readonly DiagnosticDescriptor DuplicateToken = Error(
        "PG0103", State, "Duplicate vocabulary token",
        "Vocabulary {0} repeats the token {1} (first at {2}, again at {3}); Keras rejects repeated tokens");

    public static readonly DiagnosticDescriptor MalformedLine = Error(
        "PG0104", State, "Malformed state file line",
        "{0} '{1}' line {2}: {3}");

    public static readonly DiagnosticDescriptor StateFileUnreadable = Error(
        "PG0105", State, "State file cannot be read",
        "{0} '{1}' could not be read: {2}");

    public static readonly DiagnosticDescriptor StatsKeyNotFound = Error(
        "PG0106", State, "Stats key not found",
        "{0}: StatsFile '{1}' has no entry \"{2}\" under \"features\" (its keys: {3})");

    public static readonly DiagnosticDescriptor StatsKindMismatch = Error(
        "PG0107", State, "Stats entry is for another layer",
        "{0}: StatsFile '{1}' line {2}: entry \"{3}\" has kind {4}, but this layer reads kind \"{5}\"");

    public static readonly DiagnosticDescriptor MappedTableUnsupported = Error(
        "PG0108", State, "Mapped table not supported here",
        "{0}: VocabularyFile '{1}' is marked PrepGenTable=\"mapped\", which this layer cannot use: {2}");

    // PG02xx: option values and combinations Keras rejects (ValueError). {0} is always the subject ("StringLookup on City").
    public static readonly DiagnosticDescriptor OptionOutOfRange = Error(
        "PG0200", Keras, "Option value out of range",
        "{0}: {1} must be {2}, not {3}");

    public static readonly DiagnosticDescriptor ConflictingOptions = Error(
        "PG0201", Keras, "Conflicting options",
        "{0}: {1} and {2} cannot both be set");

    public static readonly DiagnosticDescriptor MissingOption = Error(
        "PG0202", Keras, "Required option missing",
        "{0}: {1} is required");

    public static readonly DiagnosticDescriptor ReservedToken = Error(
        "PG0203", Keras, "Reserved token in vocabulary",
        "{0}: the vocabulary contains the {1} token {2} at entry {3}; Keras reserves it");

    public static readonly DiagnosticDescriptor VocabularyTooLarge = Error(
        "PG0204", Keras, "Vocabulary exceeds MaxTokens",
        "{0}: {1} tokens plus {2} special slots exceed MaxTokens = {3}");

    public static readonly DiagnosticDescriptor IdfMismatch = Error(
        "PG0205", Keras, "Idf weights do not match the vocabulary",
        "{0}: {1} has {2} weights but the vocabulary lists {3} entries; Keras needs one weight per entry");

    public static readonly DiagnosticDescriptor OptionRequiresOption = Error(
        "PG0206", Keras, "Option requires another option",
        "{0}: {1} requires {2}");

    public static readonly DiagnosticDescriptor OptionNotForOutputMode = Error(
        "PG0207", Keras, "Option not valid with the output mode",
        "{0}: {1} is not valid with OutputMode {2}; {3}");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        "PG0208", Keras, "Undefined enum value",
        "{0}: {1} = {2} is not a defined {3} value");

    public static readonly DiagnosticDescriptor UnsupportedOptionType = Error(
        "PG0209", Keras, "Option value of an unsupported type",
        "{0}: {1} has a value of an unsupported type");

    public static readonly DiagnosticDescriptor OutputModeNotSupported = Error(
        "PG0210", Keras, "Output mode not supported by the layer",
        "{0}: OutputMode {1} is not supported; Keras accepts {2}");

    public static readonly DiagnosticDescriptor TokenTypeMismatch = Error(
        "PG0211", Keras, "Token of the wrong type",
        "{0}: {1} {2} must be {3}");

    public static readonly DiagnosticDescriptor UnpairedSurrogate = Error(
        "PG0212", Keras, "String without a UTF-8 form",
        "{0}: {1} holds an unpaired surrogate (U+{2} at char {3}), which has no UTF-8 form; Keras compares tokens as UTF-8 bytes");

    public static readonly DiagnosticDescriptor WrongValueCount = Error(
        "PG0213", Keras, "Wrong number of values",
        "{0}: {1} has {2} value(s) but needs {3}");

    public static readonly DiagnosticDescriptor NotFiniteFloat32 = Error(
        "PG0214", Keras, "Value not a finite float32",
        "{0}: {1} = {2} is not a finite float32");

    public static readonly DiagnosticDescriptor NegativeVariance = Error(
        "PG0215", Keras, "Negative variance",
        "{0}: {1} = {2} is negative; a variance, not a standard deviation, is expected (Keras would divide by NaN)");

    public static readonly DiagnosticDescriptor UnsortedBinBoundaries = Error(
        "PG0216", Keras, "Bin boundaries not ascending",
        "{0}: BinBoundaries must be ascending numbers (TensorFlow Bucketize requires sorted boundaries), but {1}");

    public static readonly DiagnosticDescriptor InvalidRange = Error(
        "PG0217", Keras, "Invalid value range",
        "{0}: {1} = [{2}] is not a valid range: {3}");

    public static readonly DiagnosticDescriptor StatsFileInImagePipeline = Error(
        "PG0218", Keras, "StatsFile in an image pipeline",
        "{0}: Normalization in an image pipeline takes Mean and Variance per channel inline; StatsFile is for feature layers");

    // PG03xx: limits of what PrepGen generates (tables, images, n-grams, record rows), where Keras has none.
    public static readonly DiagnosticDescriptor TableLimit = Error(
        "PG0300", Limits, "Vocabulary beyond the table limits",
        "{0}: the vocabulary is beyond the table limits: {1}");

    public static readonly DiagnosticDescriptor ImageTooLarge = Error(
        "PG0301", Limits, "Image beyond the size limit",
        "{0}: {1}: {2} x {3} x {4} channels = {5} values per image, beyond {6} (an image's size must fit an int)");

    public static readonly DiagnosticDescriptor NgramLimit = Error(
        "PG0302", Limits, "N-gram width beyond the limit",
        "{0}: {1} is beyond PrepGen's limit of {2} (every width is tried on every document; a wider n-gram matches no realistic vocabulary token)");

    public static readonly DiagnosticDescriptor RecordTooWide = Error(
        "PG0303", Limits, "Feature record row beyond the width limit",
        "{0}: the members encode to {1} elements; EncodedWidth is limited to {2}");

    // PG9xxx: PrepGen's own failures, never an exception into the compiler.
    public static readonly DiagnosticDescriptor InternalError = Error(
        "PG9999", "PrepGen.Internal", "PrepGen internal error",
        "PrepGen failed while generating '{0}': {1}. Please report this with the attribute and state files.");

    // No help link: no published URL is confirmed for this repository. The description names the section of
    // docs/diagnostics.md in the repository that explains the ID.
    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "See docs/diagnostics.md, section " + id + ", in the PrepGen repository.");
}
