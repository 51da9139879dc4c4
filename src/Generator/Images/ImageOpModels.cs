using PrepGen.Generator.Model;

namespace PrepGen.Generator.Images;

/// <summary>
/// One image layer as validated data (the emitter writes its runtime op), and its effect on the size:
/// <paramref name="Height"/> and <paramref name="Width"/> when it resizes (0 = unchanged), applied in
/// training only when <paramref name="TrainingOnly"/> (RandomCrop, as Keras 3).
/// </summary>
internal abstract record ImageOpModel(int Height = 0, int Width = 0, bool TrainingOnly = false);

/// <summary>Keras <c>Resizing</c>.</summary>
internal sealed record ResizeModel(int Height, int Width, Interpolation Interpolation, bool CropToAspectRatio, bool PadToAspectRatio, float FillValue)
    : ImageOpModel(Height, Width);

/// <summary>Keras <c>CenterCrop</c>, or <c>RandomCrop</c> when <paramref name="Random"/> (training only).</summary>
internal sealed record CropModel(int Height, int Width, bool Random) : ImageOpModel(Height, Width, Random);

/// <summary>Keras <c>Rescaling</c> as float32 constants.</summary>
internal sealed record RescaleModel(float Scale, float Offset) : ImageOpModel;

/// <summary>Keras <c>Normalization</c> with one or per-channel float32 mean and variance.</summary>
internal sealed record NormalizeModel(EquatableArray<float> Mean, EquatableArray<float> Variance, bool Invert) : ImageOpModel;

/// <summary>Keras <c>RandomFlip</c>.</summary>
internal sealed record FlipModel(FlipMode Mode) : ImageOpModel;

/// <summary>How a geometric augmentation samples and fills (Keras <c>fill_mode</c>, <c>interpolation</c>, <c>fill_value</c>).</summary>
internal sealed record FillModel(FillMode Mode, Interpolation Interpolation, float Value);

/// <summary>Keras <c>RandomRotation</c>; the factor is one value f (meaning [-f, f]) or two, as written.</summary>
internal sealed record RotationModel(EquatableArray<double> Factor, FillModel Fill) : ImageOpModel;

/// <summary>Keras <c>RandomZoom</c>; no width factor means the height factor's zoom for both axes.</summary>
internal sealed record ZoomModel(EquatableArray<double> HeightFactor, EquatableArray<double>? WidthFactor, FillModel Fill) : ImageOpModel;

/// <summary>Keras <c>RandomTranslation</c>.</summary>
internal sealed record TranslationModel(EquatableArray<double> HeightFactor, EquatableArray<double> WidthFactor, FillModel Fill) : ImageOpModel;

/// <summary>Keras <c>RandomContrast</c> (<paramref name="Contrast"/>) or <c>RandomBrightness</c>, over the pixel range [Low, High].</summary>
internal sealed record IntensityModel(bool Contrast, EquatableArray<double> Factor, float Low, float High) : ImageOpModel;
