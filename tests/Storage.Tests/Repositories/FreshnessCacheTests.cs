using ParticipaBot.Storage.Repositories;

namespace ParticipaBot.Storage.Tests.Repositories;

/// <summary>The short-lived cache of plans and reported spaces: one read for the callers that miss it together.</summary>
public sealed class FreshnessCacheTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    /// <summary>A read the test ends when it wants, counting how many were started.</summary>
    private sealed class HeldReads
    {
        private readonly List<TaskCompletionSource<string>> _started = [];

        public int Count
        {
            get
            {
                lock (_started)
                {
                    return _started.Count;
                }
            }
        }

        public Task<string> Read(string key)
        {
            var read = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_started)
            {
                _started.Add(read);
            }

            return read.Task;
        }

        public void Finish(int index, string value) => _started[index].SetResult(value);

        public void Fail(int index, Exception exception) => _started[index].SetException(exception);
    }

    [Fact]
    public async Task GetOrLoadAsync_ManyCallersMissTogether_OneReadForAll()
    {
        var cache = new FreshnessCache<string, string>(Long);
        var reads = new HeldReads();

        var callers = Enumerable.Range(0, 32).Select(_ => cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None)).ToList();
        reads.Finish(0, "v1");

        Assert.All(await Task.WhenAll(callers), value => Assert.Equal("v1", value));
        Assert.Equal(1, reads.Count);
        Assert.Equal("v1", await cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None));
        Assert.Equal(1, reads.Count);
    }

    [Fact]
    public async Task GetOrLoadAsync_WriteDuringTheRead_LaterCallerReadsAgainAndTheOlderValueIsNotKept()
    {
        var cache = new FreshnessCache<string, string>(Long);
        var reads = new HeldReads();
        var before = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);

        cache.Invalidate("plan");
        var after = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);
        Assert.Equal(2, reads.Count);
        reads.Finish(0, "before the write");
        reads.Finish(1, "after the write");

        Assert.Equal("before the write", await before);
        Assert.Equal("after the write", await after);
        Assert.True(cache.TryGet("plan", out var kept));
        Assert.Equal("after the write", kept);
    }

    [Fact]
    public async Task GetOrLoadAsync_ReadFails_EveryWaiterGetsItAndTheNextCallReadsAgain()
    {
        var cache = new FreshnessCache<string, string>(Long);
        var reads = new HeldReads();
        var first = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);
        var second = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);

        reads.Fail(0, new StoreUnavailableException("sin conexión"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => first);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => second);
        Assert.False(cache.TryGet("plan", out _));
        var third = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);
        Assert.Equal(2, reads.Count);
        reads.Finish(1, "v2");
        Assert.Equal("v2", await third);
    }

    [Fact]
    public async Task GetOrLoadAsync_CallerGivesUp_TheOthersStillGetTheSharedRead()
    {
        var cache = new FreshnessCache<string, string>(Long);
        var reads = new HeldReads();
        using var givesUp = new CancellationTokenSource();
        var starter = cache.GetOrLoadAsync("plan", reads.Read, givesUp.Token);
        var other = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);

        await givesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starter);
        reads.Finish(0, "v1");

        Assert.Equal("v1", await other);
        Assert.Equal(1, reads.Count);
    }

    [Fact]
    public async Task GetOrLoadAsync_Expired_ReadsAgain()
    {
        var cache = new FreshnessCache<string, string>(TimeSpan.Zero);
        var reads = new HeldReads();
        var first = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);
        reads.Finish(0, "v1");
        Assert.Equal("v1", await first);

        var second = cache.GetOrLoadAsync("plan", reads.Read, CancellationToken.None);
        Assert.Equal(2, reads.Count);
        reads.Finish(1, "v2");
        Assert.Equal("v2", await second);
    }
}
