using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Scalewise.Benchmarks.DecideBenchmarks).Assembly).Run(args);
