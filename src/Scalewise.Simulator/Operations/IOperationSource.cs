namespace Scalewise.Simulator.Operations;

/// <summary>A resource that runs asynchronous operations and answers their status URLs.</summary>
internal interface IOperationSource
{
    OperationSnapshot? GetOperation(string operationId);
}
