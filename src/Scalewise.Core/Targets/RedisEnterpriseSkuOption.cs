namespace Scalewise.Core.Targets;

/// <summary>A SKU an Azure Managed Redis cluster can scale to, as <c>listSkusForScaling</c> returns it.</summary>
public sealed record RedisEnterpriseSkuOption(string Name, double SizeInGB);
