using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalewise.Azure;
using Scalewise.Orchestrations;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddScalewiseAzure(builder.Configuration);
builder.Services.AddScalewiseProcedures(builder.Configuration);
builder.Build().Run();
