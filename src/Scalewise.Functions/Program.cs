using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalewise.Azure;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddScalewiseAzure(builder.Configuration);
builder.Services.AddScalewiseProcedures(builder.Configuration);
builder.Services.AddScalewiseOpenTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
builder.Build().Run();
