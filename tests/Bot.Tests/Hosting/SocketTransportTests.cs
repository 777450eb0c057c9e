using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Tests.Support;

namespace ParticipaBot.Bot.Tests.Hosting;

/// <summary>The host as BotHost builds it sends a flushed response on the flushing thread (docs/benchmarks.md, "Fifteenth round").</summary>
public sealed class SocketTransportTests
{
    [Fact]
    public void Host_SocketTransport_SendsResponsesInline()
    {
        using var factory = new BotFactory();
        var sockets = factory.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.True(sockets.UnsafePreferInlineScheduling);
    }
}
