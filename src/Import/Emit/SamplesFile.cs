using System.IO;
using System.Linq;
using System.Text.Json;
using PrepGen.Import.Planning;

namespace PrepGen.Import.Emit;

/// <summary>Checks a keras-samples.jsonl file at import time, so a wrong file is an import error, not a failing test later.</summary>
internal static class SamplesFile
{
    public static void Validate(string path, RecordPlan plan)
    {
        if (!File.Exists(path))
        {
            throw new KerasImportException($"--samples '{path}' does not exist.");
        }

        int line = 0, rows = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            rows++;
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("inputs", out JsonElement inputs) || inputs.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("output", out JsonElement output) || output.ValueKind != JsonValueKind.Array)
                {
                    throw new KerasImportException($"{path}({line}): each line must be {{\"inputs\": {{...}}, \"output\": [...]}}.");
                }

                if (output.GetArrayLength() != plan.Width)
                {
                    throw new KerasImportException($"{path}({line}): \"output\" has {output.GetArrayLength()} values but the imported model encodes {plan.Width}; the samples come from another model or another layer.");
                }

                if (plan.Inputs.Count > 1)
                {
                    foreach (InputField input in plan.Inputs.Where(i => !inputs.TryGetProperty(i.KerasName, out _)))
                    {
                        throw new KerasImportException($"{path}({line}): \"inputs\" has no \"{input.KerasName}\" (the model's inputs are {string.Join(", ", plan.Inputs.Select(i => i.KerasName))}).");
                    }
                }
            }
            catch (JsonException e)
            {
                throw new KerasImportException($"{path}({line}): not valid JSON ({e.Message}).", e);
            }
        }

        if (rows == 0)
        {
            throw new KerasImportException($"--samples '{path}' holds no rows.");
        }
    }
}
