using System.Runtime.CompilerServices;

// The Keras importer recomputes Discretization boundaries from a saved quantile summary with the
// adapters' own port of Keras's summary code (PrepGen.Adapt.QuantileSummary).
[assembly: InternalsVisibleTo("PrepGen.Import")]
