namespace PrepGen.Generator;

/// <summary>Tracking names of the pipeline steps; the incremental tests assert on them.</summary>
public static class StepNames
{
    public const string Parse = "PrepGen.Parse";
    public const string StateFiles = "PrepGen.StateFiles";
    public const string Resolve = "PrepGen.Resolve";
    public const string Bind = "PrepGen.Bind";
    public const string Model = "PrepGen.Model";
    public const string TableOwners = "PrepGen.TableOwners";
    public const string ShareTable = "PrepGen.ShareTable";
    public const string BuildTable = "PrepGen.BuildTable";
    public const string ParseImagePipeline = "PrepGen.ParseImagePipeline";
    public const string ParseRecord = "PrepGen.ParseRecord";
    public const string ResolveRecord = "PrepGen.ResolveRecord";
    public const string BindRecord = "PrepGen.BindRecord";
}
