using System;
using System.IO;
using PureHDF;
using PureHDF.VOL.Native;

namespace PrepGen.Import.Reading;

/// <summary>
/// Read access to the HDF5 parts of a saved model (model.weights.h5 of a .keras file, or a whole-model
/// .h5) through PureHDF, a managed reader: no native HDF5 library is needed.
/// </summary>
internal sealed class H5Weights : IDisposable
{
    private readonly NativeFile file;
    private readonly string source;

    private H5Weights(NativeFile file, string source)
    {
        this.file = file;
        this.source = source;
    }

    /// <summary>Opens a seekable stream; the weights own it from here on.</summary>
    public static H5Weights Open(Stream seekable, string source)
    {
        try
        {
            return new H5Weights(H5File.Open(seekable, leaveOpen: false), source);
        }
        catch (Exception e) when (e is not KerasImportException)
        {
            seekable.Dispose();
            throw new KerasImportException($"{source}: not a readable HDF5 file ({e.Message}).", e);
        }
    }

    public bool Exists(string path) => Guard(path, () => file.LinkExists(path));

    /// <summary>A string attribute of the object at <paramref name="path"/> ("" for the root), or null when absent.</summary>
    public string? StringAttribute(string path, string name) => Guard(path, () =>
    {
        IH5Object target = path.Length == 0 ? file : file.Get(path);
        return target.AttributeExists(name) ? target.Attribute(name).Read<string>() : null;
    });

    /// <summary>A string-array attribute (HDF5 stores Keras's weight_names so), or null when absent.</summary>
    public string[]? StringArrayAttribute(string path, string name) => Guard(path, () =>
    {
        IH5Object target = path.Length == 0 ? file : file.Get(path);
        if (!target.AttributeExists(name))
        {
            return null;
        }

        IH5Attribute attribute = target.Attribute(name);
        return attribute.Space.Rank == 0 ? [attribute.Read<string>()] : attribute.Read<string[]>();
    });

    /// <summary>The dataset's elements as doubles, flattened in row-major order, with its shape.</summary>
    public (double[] Values, ulong[] Shape) ReadNumbers(string path) => Guard(path, () =>
    {
        IH5Dataset dataset = file.Dataset(path);
        ulong[] shape = dataset.Space.Dimensions;
        bool integer = dataset.Type.Class == H5DataTypeClass.FixedPoint;
        bool wide = dataset.Type.Size == 8;
        double[] values = (integer, wide) switch
        {
            (true, true) => Array.ConvertAll(dataset.Read<long[]>(), v => (double)v),
            (true, false) => Array.ConvertAll(dataset.Read<int[]>(), v => (double)v),
            (false, true) => dataset.Read<double[]>(),
            (false, false) => Array.ConvertAll(dataset.Read<float[]>(), v => (double)v),
        };
        return (values, shape);
    });

    public void Dispose() => file.Dispose();

    private T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not KerasImportException)
        {
            throw new KerasImportException($"{source}: cannot read '{path}' ({e.Message}).", e);
        }
    }
}
