using System.Linq;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Emit;

/// <summary>Writes one generated file per layer method: the partial method, then the file-local layer type.</summary>
internal static class LayerEmitter
{
    /// <param name="assemblyName">The compilation's assembly name, which names the shared tables' namespace.</param>
    public static string Emit(LayerModel model, string assemblyName)
    {
        LayerSpec spec = model.Spec;
        var w = new SourceWriter();
        FileFrame.Open(w, spec.Kind + " for " + spec.QualifiedName, spec.Namespace, spec.Types);
        WriteMethod(w, model);
        FileFrame.CloseTypes(w, spec.Types);

        if (LayerTypeEmitter.Needed(model))
        {
            w.Line();
            LayerTypeEmitter.Write(w, model, Names.TableNamespace(assemblyName));
        }

        FileFrame.CloseNamespace(w, spec.Namespace);
        return w.ToString();
    }

    /// <summary>
    /// The method's implementation when PrepGen reported an error for it: a body that throws, so the user's
    /// build shows PrepGen's error alone, not CS8795 on the method and errors at every call.
    /// </summary>
    public static string EmitStub(LayerSpec spec)
    {
        MethodSignature m = spec.Method;
        var w = new SourceWriter();
        FileFrame.Open(w, spec.Kind + " for " + spec.QualifiedName + " (not generated: see the PrepGen error at its attribute)", spec.Namespace, spec.Types);
        string parameters = string.Join(", ", m.Parameters.Select(p => p.TypeDisplay + " " + p.Name));
        w.Line(GeneratorVersion.GeneratedCodeAttribute);
        w.Open(m.Modifiers + " " + m.ReturnDisplay + " " + Names.Escape(m.Name) + "(" + parameters + ")");
        w.Line("throw new global::System.InvalidOperationException(" + Literals.String("PrepGen did not generate " + spec.Subject + ": the build reported an error at its attribute.") + ");");
        w.Close();
        FileFrame.CloseTypes(w, spec.Types);
        FileFrame.CloseNamespace(w, spec.Namespace);
        return w.ToString();
    }

    public static void WriteMethod(SourceWriter w, LayerModel model)
    {
        MethodSignature m = model.Spec.Method;
        string parameters = string.Join(", ", m.Parameters.Select(p => p.TypeDisplay + " " + p.Name));
        w.Line(GeneratorVersion.GeneratedCodeAttribute);
        w.Open(m.Modifiers + " " + m.ReturnDisplay + " " + Names.Escape(m.Name) + "(" + parameters + ")");
        foreach (string line in MethodBodies.Body(model))
        {
            w.Line(line);
        }

        w.Close();
    }
}
