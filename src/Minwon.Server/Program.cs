using Minwon.Server.Platform;

return await MinwonCli.RunAsync(args);

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
