using System.Collections.Generic;
using System.Text.Json;

namespace PrepGen.Import.Graph;

/// <summary>A reference to a layer's output: Keras's <c>keras_history</c> triple.</summary>
internal readonly record struct TensorRef(string Layer, int Node, int Tensor);

/// <summary>
/// One layer of a saved model's configuration: its class, its own config object, and the tensors its
/// (single) call received, flattened in argument order, with the call's keyword arguments.
/// </summary>
internal sealed record LayerNode(string Name, string ClassName, JsonElement Config, IReadOnlyList<TensorRef> Inputs, JsonElement? CallArguments)
{
    public override string ToString() => $"'{Name}' ({ClassName})";
}
