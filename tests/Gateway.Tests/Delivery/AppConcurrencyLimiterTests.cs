using Gateway.Delivery;

namespace Gateway.Tests.Delivery;

public sealed class AppConcurrencyLimiterTests
{
    [Fact]
    public async Task Acquire_BeyondTheLimit_WaitsUntilASlotIsGivenBack()
    {
        var limiter = new AppConcurrencyLimiter(2);
        using var first = await limiter.AcquireAsync(CancellationToken.None);
        var second = await limiter.AcquireAsync(CancellationToken.None);

        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal(2, limiter.InFlight);
        second.Dispose();
        using var granted = await third;
        Assert.Equal(2, limiter.InFlight);
    }

    [Fact]
    public async Task Slot_DisposedTwice_GivesBackOnlyOneSlot()
    {
        var limiter = new AppConcurrencyLimiter(2);
        using var held = await limiter.AcquireAsync(CancellationToken.None);
        var slot = await limiter.AcquireAsync(CancellationToken.None);

        slot.Dispose();
        slot.Dispose();

        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public async Task Acquire_Cancelled_WhileWaiting_ThrowsAndTakesNoSlot()
    {
        var limiter = new AppConcurrencyLimiter(1);
        using var held = await limiter.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public void Create_WithLimitBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AppConcurrencyLimiter(0));
}
