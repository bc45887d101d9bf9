using Scalewise.Cli.Commands;

var root = new RootCommand("scalewise: keeps Azure resources at the right size. Run it locally, validate policies.")
{
    RunCommand.Create(),
    ValidateCommand.Create(),
    ImportAutoscaleCommand.Create(),
    ForecastCommand.Create(),
    SimulateCommand.Create(),
    TuneCommand.Create(),
    EstateCommand.Create(),
    ServeCommand.Create(),
    CampaignCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
