using System.Text.Json;
using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>Every Resizing / RandomTranslation / RandomZoom / RandomRotation / RandomFlip vector, on the CPU executor.</summary>
public class KerasVectorTests
{
    public static TheoryData<string> VectorIds()
    {
        var data = new TheoryData<string>();
        foreach (var v in KerasImageVectors.ForLayers())
        {
            data.Add(v.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Fact]
    public void All_five_layers_have_vectors()
    {
        var layers = KerasImageVectors.ForLayers().Select(v => v.GetProperty("layer").GetString()).Distinct().ToArray();
        Assert.Equal(KerasImageVectors.Layers.OrderBy(x => x), layers.OrderBy(x => x));
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Matches_keras(string id)
    {
        var vector = KerasImageVectors.ById(id);
        var (h, w, c, pixels) = KerasImageVectors.Image(vector);
        var op = KerasImageVectors.Op(vector);
        bool training = KerasImageVectors.Training(vector);
        var spec = new ImagePipelineSpec(h, w, c, new[] { op });

        // Keras mocks RandomFlip to always flip; here: a seed whose Philox draw flips (u <= 0.5).
        ulong seed = op is RandomFlipOp ? FlipSeeds.First(flips: true) : 7;
        var output = new float[spec.OutputLength(training)];
        ImagePipelineCpu.Run(spec, pixels, 1, output, training, seed);

        if (vector.GetProperty("expected").ValueKind == JsonValueKind.String)
        {
            Assert.Equal("unchanged input", vector.GetProperty("expected").GetString());
            Assert.Equal(pixels, output);
            return;
        }

        var (eh, ew, ec, expected) = KerasImageVectors.Expected(vector);
        Assert.Equal((eh, ew, ec), (training ? spec.TrainingOutputHeight : spec.OutputHeight, training ? spec.TrainingOutputWidth : spec.OutputWidth, c));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - output[i]) <= 1e-5f * Math.Max(1f, Math.Abs(expected[i])),
                $"{id}: element {i} expected {expected[i]} got {output[i]}");
        }
    }
}
