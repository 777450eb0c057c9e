using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Tests.Conversations;

public sealed class TurnQueueTests
{
    [Fact]
    public void TryEnqueue_PartitionFull_ReturnsFalse()
    {
        var queue = new TurnQueue(Options.Create(new ConversationOptions { Workers = 1, QueueCapacity = 2 }));

        Assert.True(queue.TryEnqueue(Message("a:1", "m1")));
        Assert.True(queue.TryEnqueue(Message("a:2", "m2")));
        Assert.False(queue.TryEnqueue(Message("a:3", "m3")));
    }

    [Fact]
    public async Task TryEnqueue_OneConversation_StaysOnOnePartitionInOrder()
    {
        var queue = new TurnQueue(Options.Create(new ConversationOptions { Workers = 4, QueueCapacity = 100 }));
        for (var i = 0; i < 10; i++)
        {
            queue.TryEnqueue(Message("19:conversation@thread.tacv2", "m" + i));
        }

        queue.Complete();
        var partitions = new List<List<string>>();
        for (var p = 0; p < queue.PartitionCount; p++)
        {
            var ids = new List<string>();
            await foreach (var activity in queue.Reader(p).ReadAllAsync())
            {
                ids.Add(activity.Id!);
            }

            partitions.Add(ids);
        }

        var used = Assert.Single(partitions, ids => ids.Count > 0);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "m" + i), used);
    }

    [Fact]
    public void TryEnqueue_AfterComplete_ReturnsFalse()
    {
        var queue = new TurnQueue(Options.Create(new ConversationOptions()));
        queue.Complete();

        Assert.False(queue.TryEnqueue(Message("a:1", "m1")));
    }

    private static Activity Message(string conversationId, string id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Conversation = new ConversationAccount { Id = conversationId },
    };
}
