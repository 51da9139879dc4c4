using System;
using System.IO;

namespace PrepGen.Import.Reading;

/// <summary>What a model path holds, decided from its bytes (never from its extension).</summary>
internal enum ModelFormat
{
    /// <summary>A Keras v3 zip (Keras 3, tf.keras 2.13+): config.json, model.weights.h5, assets/.</summary>
    KerasZip,

    /// <summary>The same tree unzipped: a directory with config.json.</summary>
    KerasDirectory,

    /// <summary>A whole-model HDF5 file (.h5, or the .keras name TF 2.11-2.12 gave HDF5).</summary>
    LegacyHdf5,
}

internal static class ModelFormats
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Hdf5Magic = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Sniffs <paramref name="path"/>; refuses a SavedModel and anything unknown with the reason.</summary>
    public static ModelFormat Detect(string path)
    {
        if (Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, "saved_model.pb")) || File.Exists(Path.Combine(path, "keras_metadata.pb")))
            {
                throw new KerasImportException(
                    $"'{path}' is a TensorFlow SavedModel. Its vocabularies exist only as constants inside the TensorFlow graph, "
                    + "so PrepGen cannot read them. Load it in Python and save it in the Keras format: "
                    + "model = tf.keras.models.load_model(\"" + Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) + "\"); "
                    + "model.save(\"model.keras\") (TF 2.13+ or Keras 3), then import model.keras.");
            }

            if (File.Exists(Path.Combine(path, "config.json")))
            {
                return ModelFormat.KerasDirectory;
            }

            throw new KerasImportException($"'{path}' is a directory without config.json: not an unzipped .keras model.");
        }

        if (!File.Exists(path))
        {
            throw new KerasImportException($"'{path}' does not exist.");
        }

        Span<byte> head = stackalloc byte[8];
        int read;
        using (FileStream stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read >= 4 && head[..4].SequenceEqual(ZipMagic))
        {
            return ModelFormat.KerasZip;
        }

        if (read >= 8 && head.SequenceEqual(Hdf5Magic))
        {
            return ModelFormat.LegacyHdf5;
        }

        throw new KerasImportException(
            $"'{path}' is neither a Keras zip (.keras) nor an HDF5 file (.h5): its first bytes are {Convert.ToHexString(head[..read])}. "
            + "A TensorFlow SavedModel is a directory; pass the directory to get advice on converting it.");
    }
}
