namespace PrepGen.Package.Tests;

/// <summary>
/// The package tests run one after another: each packs in Release, and two packs at once build the same
/// projects (PrepGen.Import, the task assemblies) into the same folders (MSB3026 copy retries, locked files).
/// </summary>
[CollectionDefinition(Name)]
public sealed class Packing
{
    public const string Name = "Packing";
}
