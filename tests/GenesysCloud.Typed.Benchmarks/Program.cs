using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/GenesysCloud.Typed.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
