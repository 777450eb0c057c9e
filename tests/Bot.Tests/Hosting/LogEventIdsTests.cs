using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ParticipaBot.Bot.Tests.Hosting;

/// <summary>Operators alert on event ids (docs/operations.md, "Logs and alerts"): each id names one message, whatever its category.</summary>
public sealed class LogEventIdsTests
{
    [Fact]
    public void EveryLogMessage_HasAnEventIdNoOtherMessageUses()
    {
        var messages = new[] { typeof(Program).Assembly, typeof(Storage.IDocumentStore).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method.DeclaringType!.FullName + "." + method.Name, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(message => message.Attribute is not null)
            .ToList();

        Assert.True(messages.Count > 60, $"only {messages.Count} log messages found");
        Assert.Empty(messages.Where(message => message.Attribute!.EventId <= 0).Select(message => message.Method));
        var shared = messages.GroupBy(message => message.Attribute!.EventId).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(message => message.Method))}");
        Assert.Empty(shared);
    }
}
