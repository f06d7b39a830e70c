using Serilog;

namespace SalesSpec.Web.Setup;

public static class LoggingSetup
{
    /// <summary>Serilog to the console and a daily rolling file; levels and extra sinks come from the <c>Serilog</c> section.</summary>
    public static WebApplicationBuilder AddSalesSpecLogging(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Logs:Directory"] ?? Path.Combine(builder.Environment.ContentRootPath, "logs");
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(folder, "salesspec-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
    }
}
