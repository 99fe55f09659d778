using GenesysCloud.Typed.Generator.Reading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>What every analyzer shares: concurrent, silent on generated code, and active only in a compilation that
/// references the runtime, with its <see cref="KnownSymbols"/> resolved once.</summary>
public abstract class GenesysAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.Of(start.Compilation);
            if (known.GenesysApi is not null) Start(start, known);
        });
    }

    /// <summary>Registers this analyzer's actions for a compilation that references the runtime.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext context, KnownSymbols known);
}
