using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PrepGen.Import.Graph;

/// <summary>Where a layer's saved state lives: a v3 archive path and/or a legacy HDF5 group.</summary>
/// <param name="Path">The layer's folder in a v3 archive (<c>layers/string_lookup_3</c>), under which
/// <c>vars/N</c> (weights) and <c>assets/&lt;Path&gt;/vocabulary.txt</c> live; null in a legacy file.</param>
/// <param name="LegacyGroup">The layer's group in a whole-model HDF5 file (<c>model_weights/normalization</c>).</param>
internal sealed record StateLocation(string? Path, string? LegacyGroup);

/// <summary>
/// Keras's rule for naming state folders (saving_lib <c>_save_container_state</c>): inside a container
/// (a model's <c>layers</c>, a FeatureSpace's <c>preprocessors</c>) each object gets its class name in
/// snake case, and the second, third ... object of a class get <c>_1</c>, <c>_2</c> ... in container
/// order. The layer's own name plays no part (pets: config <c>string_lookup_1</c> is stored under
/// <c>layers/string_lookup</c>). Keras 3.6+ also records the name in <c>vars@name</c>, which is checked.
/// </summary>
internal static partial class StatePaths
{
    /// <summary>Folder names for the objects of one container, in container order.</summary>
    public static List<string> Assign(string container, IEnumerable<string> classNames)
    {
        var used = new Dictionary<string, int>();
        var paths = new List<string>();
        foreach (string className in classNames)
        {
            string name = SnakeCase(className);
            if (used.TryGetValue(name, out int count))
            {
                used[name] = count + 1;
                name = name + "_" + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                used[name] = 0;
            }

            paths.Add(container + "/" + name);
        }

        return paths;
    }

    /// <summary>Keras <c>naming.to_snake_case</c>.</summary>
    public static string SnakeCase(string name)
    {
        name = NonWord().Replace(name, "");
        name = WordStart().Replace(name, "$1_$2");
        name = LowerUpper().Replace(name, "$1_$2");
        return name.ToLowerInvariant();
    }

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex WordStart();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerUpper();
}
