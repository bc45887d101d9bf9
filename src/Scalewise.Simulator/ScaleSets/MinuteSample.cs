namespace Scalewise.Simulator.ScaleSets;

/// <summary>A scale set's simulated measurements over one whole minute.</summary>
internal readonly record struct MinuteSample(
    double CpuAverage,
    double CpuMinimum,
    double CpuMaximum,
    int CpuSampleCount,
    double Requests,
    int ReportingInstances);
