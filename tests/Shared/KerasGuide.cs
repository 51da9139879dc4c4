namespace PrepGen.Tests.Shared;

/// <summary>
/// Text from the Keras preprocessing guide (keras-io guides/preprocessing_layers.py; docs/keras-semantics.md, "The preprocessing guide's examples"), copied byte for byte, and the outputs the
/// guide prints for it: the adapter tests and the generated-layer tests must read the same data.
/// </summary>
internal static class KerasGuide
{
    /// <summary>Odyssey XIX, the guide's TextVectorization "int" example.</summary>
    public static readonly string[] Greek =
    [
        "ξεῖν᾽, ἦ τοι μὲν ὄνειροι ἀμήχανοι ἀκριτόμυθοι",
        "γίγνοντ᾽, οὐδέ τι πάντα τελείεται ἀνθρώποισι.",
        "δοιαὶ γάρ τε πύλαι ἀμενηνῶν εἰσὶν ὀνείρων:",
        "αἱ μὲν γὰρ κεράεσσι τετεύχαται, αἱ δ᾽ ἐλέφαντι:",
        "τῶν οἳ μέν κ᾽ ἔλθωσι διὰ πριστοῦ ἐλέφαντος,",
        "οἵ ῥ᾽ ἐλεφαίρονται, ἔπε᾽ ἀκράαντα φέροντες:",
        "οἱ δὲ διὰ ξεστῶν κεράων ἔλθωσι θύραζε,",
        "οἵ ῥ᾽ ἔτυμα κραίνουσι, βροτῶν ὅτε κέν τις ἴδηται.",
    ];

    /// <summary>The guide's int64 output for <see cref="Greek"/>, padded with 0 to the longest row.</summary>
    public static readonly long[][] GreekIds =
    [
        [37, 12, 25, 5, 9, 20, 21, 0, 0],
        [51, 34, 27, 33, 29, 18, 0, 0, 0],
        [49, 52, 30, 31, 19, 46, 10, 0, 0],
        [7, 5, 50, 43, 28, 7, 47, 17, 0],
        [24, 35, 39, 40, 3, 6, 32, 16, 0],
        [4, 2, 15, 14, 22, 23, 0, 0, 0],
        [36, 48, 6, 38, 42, 3, 45, 0, 0],
        [4, 2, 13, 41, 53, 8, 44, 26, 11],
    ];

    /// <summary>Emily Dickinson, the guide's multi-hot, count and tf-idf examples.</summary>
    public static readonly string[] Brain =
    [
        "The Brain is wider than the Sky",
        "For put them side by side",
        "The one the other will contain",
        "With ease and You beside",
    ];

    /// <summary>The document the guide encodes with the layer adapted on <see cref="Brain"/>.</summary>
    public const string Deeper = "The Brain is deeper than the sea";
}
