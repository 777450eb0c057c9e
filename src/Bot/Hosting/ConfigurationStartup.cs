using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Hosting;

/// <summary>
/// Validates every configuration section registered with ValidateOnStart before the web server starts, so that a bad
/// value is one logged line naming its section and exit code 1. Left to the host, it surfaced as an unhandled exception
/// from wherever the section was first read, with a stack trace and exit code 134.
/// </summary>
internal static partial class ConfigurationStartup
{
    /// <summary>True when every section is valid; otherwise false, with what is wrong already logged at Critical.</summary>
    public static bool Verify(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (Problem(services) is not { } description)
        {
            return true;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConfigurationStartup).FullName!);
        LogInvalid(logger, description);
        return false;
    }

    /// <summary>Null when every section is valid; otherwise what is wrong, each failure after its section's name.</summary>
    internal static string? Problem(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException exception)
        {
            return Describe(exception);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return string.Join(" ", exception.InnerExceptions.Cast<OptionsValidationException>().Select(Describe));
        }
        catch (InvalidOperationException exception) when (FormatFailure(exception) is { } format)
        {
            // A value the binder cannot convert (text where a number goes): the binder's message names the key and the value.
            return $"{exception.Message} {format.Message}";
        }
    }

    /// <summary>The binder's conversion failure, wherever it sits among the inner exceptions (it depends on the type converted to).</summary>
    private static FormatException? FormatFailure(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is FormatException format)
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>The section (from the options type's SectionName) and every failure of it.</summary>
    private static string Describe(OptionsValidationException exception)
    {
        var section = exception.OptionsType.GetField("SectionName")?.GetRawConstantValue() as string ?? exception.OptionsType.Name;
        return $"[{section}] {string.Join(" ", exception.Failures)}";
    }

    [LoggerMessage(EventId = 9002, Level = LogLevel.Critical, Message = "Configuración inválida; el bot no arranca / invalid configuration, not starting: {Description}")]
    private static partial void LogInvalid(ILogger logger, string description);
}
