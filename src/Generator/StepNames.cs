namespace PrepGen.Generator;

/// <summary>Tracking names of the pipeline steps; the incremental tests assert on them.</summary>
public static class StepNames
{
    public const string Parse = "PrepGen.Parse";
    public const string StateFiles = "PrepGen.StateFiles";
    public const string Bind = "PrepGen.Bind";
    public const string BuildTable = "PrepGen.BuildTable";
    public const string ParseImagePipeline = "PrepGen.ParseImagePipeline";
    public const string ParseRecord = "PrepGen.ParseRecord";
    public const string BindRecord = "PrepGen.BindRecord";
    public const string BuildRecordTables = "PrepGen.BuildRecordTables";
}
