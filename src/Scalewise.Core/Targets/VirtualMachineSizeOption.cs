namespace Scalewise.Core.Targets;

/// <summary>A size a VM can be resized to now (from <c>vmSizes</c>).</summary>
public sealed record VirtualMachineSizeOption(string Name, int NumberOfCores, int MemoryInMB, int MaxDataDiskCount);
