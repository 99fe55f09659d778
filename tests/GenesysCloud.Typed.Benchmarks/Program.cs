using BenchmarkDotNet.Running;
using GenesysCloud.Typed.Benchmarks;

// dotnet run -c Release --project tests/GenesysCloud.Typed.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tests/GenesysCloud.Typed.Benchmarks -- chart <report.csv> <out.svg>
if (args is ["chart", var csv, var svg]) return Chart.Run(csv, svg);
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
return 0;
