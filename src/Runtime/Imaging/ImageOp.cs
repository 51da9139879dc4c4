namespace PrepGen.Imaging;

/// <summary>One Keras image layer in an <see cref="ImagePipelineSpec"/>. Instances are immutable.</summary>
public abstract class ImageOp
{
    private protected ImageOp()
    {
    }

    /// <summary>True for augmentation layers, which act only in training.</summary>
    public abstract bool IsRandom { get; }

    /// <summary>The output (height, width) for an input of (height, width) in the given mode.</summary>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="training">Whether augmentation is active.</param>
    public virtual (int Height, int Width) OutputSize(int height, int width, bool training) => (height, width);
}
