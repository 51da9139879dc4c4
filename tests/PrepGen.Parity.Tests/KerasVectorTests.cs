using System.Text.Json;

namespace PrepGen.Parity.Tests;

/// <summary>Every Keras vector of the generated layers, run through generated code.</summary>
public sealed class KerasVectorTests
{
    /// <summary>The ids of the vectors with a runner.</summary>
    public static TheoryData<string> RunnableVectorIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string id in VectorRegistry.Runners.Keys.Order(StringComparer.Ordinal))
            {
                data.Add(id);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RunnableVectorIds))]
    public void Generated_layer_matches_Keras(string id)
    {
        JsonElement vector = Vectors.Get(id);
        object actual = VectorRegistry.Runners[id](vector.GetProperty("input"));
        JsonCompare.AssertMatches(vector.GetProperty("expected"), actual);
    }

    [Fact]
    public void Every_vector_of_these_layers_is_run_or_listed_with_a_reason()
    {
        List<JsonElement> vectors = Vectors.All.Where(v => VectorRegistry.Layers.Contains(Vectors.Layer(v))).ToList();
        List<string> ids = vectors.Select(Vectors.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        foreach (string id in ids)
        {
            int places = (VectorRegistry.Runners.ContainsKey(id) ? 1 : 0)
                + (VectorRegistry.PendingAdapt.ContainsKey(id) ? 1 : 0)
                + (VectorRegistry.KnownGaps.ContainsKey(id) ? 1 : 0);
            Assert.True(places == 1, $"vector {id} must be in exactly one of Runners, PendingAdapt, KnownGaps (found in {places})");
        }

        // No stale entries: every listed id is a vector of these layers.
        IEnumerable<string> listed = VectorRegistry.Runners.Keys.Concat(VectorRegistry.PendingAdapt.Keys).Concat(VectorRegistry.KnownGaps.Keys);
        Assert.All(listed, id => Assert.Contains(id, ids));

        // Every pending or gap entry says why.
        Assert.All(VectorRegistry.PendingAdapt.Concat(VectorRegistry.KnownGaps), p => Assert.False(string.IsNullOrWhiteSpace(p.Value), p.Key));

        // Exactly the vectors whose state comes from adapt() either wait for PrepGen.Adapt or are run by a runner
        // that adapts in the test (AdaptedInRunner, a subset of Runners).
        Assert.All(VectorRegistry.AdaptedInRunner, id => Assert.True(VectorRegistry.Runners.ContainsKey(id), id + " is in AdaptedInRunner but has no runner"));
        foreach (JsonElement vector in vectors)
        {
            string id = Vectors.Id(vector);
            bool adapt = vector.TryGetProperty("state", out JsonElement state)
                && state.ValueKind == JsonValueKind.Object
                && state.TryGetProperty("adapt", out _);
            bool waitsOrAdapts = VectorRegistry.PendingAdapt.ContainsKey(id) || VectorRegistry.AdaptedInRunner.Contains(id);
            Assert.True(adapt == waitsOrAdapts, $"vector {id}: adapt state {adapt}, but PendingAdapt/AdaptedInRunner say {waitsOrAdapts}");
        }

        // TextVectorization is covered completely: every vector of that layer runs.
        Assert.All(vectors.Where(v => Vectors.Layer(v) == "TextVectorization"), v => Assert.True(VectorRegistry.Runners.ContainsKey(Vectors.Id(v)), Vectors.Id(v)));
    }
}
