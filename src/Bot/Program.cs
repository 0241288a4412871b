var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>The host's entry type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
