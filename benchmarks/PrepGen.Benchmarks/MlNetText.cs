using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace PrepGen.Benchmarks;

/// <summary>
/// (c) ML.NET's text transforms: NormalizeText (lower, strip punctuation) + TokenizeIntoWords + MapValueToKey
/// over the same vocabulary (keyData in file order), through a PredictionEngine (per document) or a
/// transformed IDataView (batch). Key k (1-based) is vocabulary line k-1, key 0 is missing: Keras id = key + 1, or 1.
/// </summary>
public sealed class MlNetText : IDisposable
{
    private readonly MLContext _ml = new(seed: 0);
    private readonly ITransformer _model;
    private readonly PredictionEngine<Doc, Ids> _engine;

    public MlNetText(string[] vocabulary)
    {
        IDataView keys = _ml.Data.LoadFromEnumerable(vocabulary.Select(t => new Token { Value = t }));
        var pipeline = _ml.Transforms.Text.NormalizeText("Norm", nameof(Doc.Text), TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: true, keepPunctuations: false, keepNumbers: true)
            .Append(_ml.Transforms.Text.TokenizeIntoWords("Tokens", "Norm"))
            .Append(_ml.Transforms.Conversion.MapValueToKey(nameof(Ids.Keys), "Tokens", keyData: keys));
        _model = pipeline.Fit(_ml.Data.LoadFromEnumerable(new[] { new Doc { Text = "" } }));
        _engine = _ml.Model.CreatePredictionEngine<Doc, Ids>(_model);
    }

    /// <summary>One document through the PredictionEngine; ids in Keras numbering.</summary>
    public int Encode(string document, Span<long> ids)
    {
        Ids result = _engine.Predict(new Doc { Text = document });
        uint[] keys = result.Keys ?? [];
        for (int i = 0; i < keys.Length; i++)
        {
            ids[i] = keys[i] == 0 ? 1 : keys[i] + 1;
        }

        return keys.Length;
    }

    /// <summary>A batch through Transform + CreateEnumerable (row object reused); returns the total number of ids.</summary>
    public long EncodeBatch(string[] documents)
    {
        IDataView input = _ml.Data.LoadFromEnumerable(documents.Select(d => new Doc { Text = d }));
        long total = 0;
        foreach (Ids row in _ml.Data.CreateEnumerable<Ids>(_model.Transform(input), reuseRowObject: true))
        {
            total += row.Keys?.Length ?? 0;
        }

        return total;
    }

    public void Dispose() => _engine.Dispose();

    public sealed class Doc
    {
        public string Text { get; set; } = "";
    }

    public sealed class Token
    {
        public string Value { get; set; } = "";
    }

    public sealed class Ids
    {
        [KeyType(20000)]
        public uint[]? Keys { get; set; }
    }
}
