using System.Reflection;

namespace PrepGen.Runtime.Tests;

/// <summary>
/// The runtime's assemblies depend one way (docs/design.md, "Assemblies"): the hot path that generated code
/// calls stands alone, adapters and imaging build on it, and only the CUDA assembly knows CUDA.
/// </summary>
public class AssemblyDirectionTests
{
    private static readonly Assembly HotPath = typeof(StringTable).Assembly;
    private static readonly Assembly Adapters = typeof(PrepGen.Adapt.NormalizationAdapter).Assembly;
    private static readonly Assembly Imaging = typeof(PrepGen.Imaging.ImagePipelineSpec).Assembly;
    private static readonly Assembly Cuda = typeof(PrepGen.Cuda.CudaImagePipeline).Assembly;

    [Fact]
    public void Each_concern_is_its_own_assembly()
    {
        Assert.Equal(
            ["PrepGen.Adapters", "PrepGen.Cuda", "PrepGen.Imaging", "PrepGen.Runtime"],
            new[] { HotPath, Adapters, Imaging, Cuda }.Select(a => a.GetName().Name!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_hot_path_references_no_other_PrepGen_assembly_but_the_attributes_and_no_JSON()
    {
        string[] references = References(HotPath);
        Assert.Equal(["PrepGen.Attributes"], references.Where(r => r.StartsWith("PrepGen.", StringComparison.Ordinal)));
        Assert.DoesNotContain("System.Text.Json", references);
    }

    [Fact]
    public void Adapters_and_imaging_do_not_reference_CUDA_nor_each_other()
    {
        Assert.DoesNotContain("PrepGen.Cuda", References(Adapters));
        Assert.DoesNotContain("PrepGen.Imaging", References(Adapters));
        Assert.DoesNotContain("PrepGen.Cuda", References(Imaging));
        Assert.DoesNotContain("PrepGen.Adapters", References(Imaging));
        Assert.DoesNotContain("System.Text.Json", References(Imaging));
    }

    [Fact]
    public void Imaging_builds_on_the_hot_path_runtime()
    {
        // Its pointwise kernels are operators of the runtime's numeric driver; the reverse reference is refused above.
        Assert.Contains("PrepGen.Runtime", References(Imaging));
    }

    [Fact]
    public void CUDA_builds_on_imaging_and_nothing_depends_on_CUDA()
    {
        Assert.Contains("PrepGen.Imaging", References(Cuda));
        Assert.DoesNotContain("PrepGen.Adapters", References(Cuda));
        foreach (Assembly assembly in new[] { HotPath, Adapters, Imaging })
        {
            Assert.DoesNotContain("PrepGen.Cuda", References(assembly));
        }
    }

    private static string[] References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
}
