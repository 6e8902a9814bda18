using Gateway.LoadGen.Cli;

return await LoadGenCli.InvokeAsync(args);
