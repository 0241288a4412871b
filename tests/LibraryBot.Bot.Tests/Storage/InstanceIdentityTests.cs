using LibraryBot.Bot.Storage.Instance;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>Identity slots: the same identity again after the holder is gone, never one held by a running process.</summary>
public sealed class InstanceIdentityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "librarybot-tests", "instance-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void FromSlots_WhenTheHolderHasStopped_GivesTheNextProcessTheSameIdentity()
    {
        string first;
        using (var holder = InstanceIdentity.FromSlots(_directory, "bot.db"))
        {
            first = holder.Id;
        }

        using var again = InstanceIdentity.FromSlots(_directory, "bot.db");

        Assert.Equal(first, again.Id);
        Assert.StartsWith("instance-", first, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSlots_WhileAnotherHoldsTheFirst_TakesAnotherIdentity_AndTheFirstComesBackWhenFree()
    {
        var one = InstanceIdentity.FromSlots(_directory, "bot.db");
        using var two = InstanceIdentity.FromSlots(_directory, "bot.db");
        using var otherStore = InstanceIdentity.FromSlots(_directory, "other.db");
        var firstId = one.Id;

        Assert.NotEqual(one.Id, two.Id);
        Assert.NotEqual(one.Id, otherStore.Id);
        one.Dispose();
        using var three = InstanceIdentity.FromSlots(_directory, "bot.db");
        Assert.Equal(firstId, three.Id);
    }

    [Fact]
    public void Options_WhenTheConfiguredIdHasSpaces_AreRejected()
    {
        var validator = new InstanceOptionsValidator();

        Assert.False(validator.Validate(new InstanceOptions { Id = "pod 1" }).IsValid);
        Assert.True(validator.Validate(new InstanceOptions { Id = "librarybot-0" }).IsValid);
        Assert.True(validator.Validate(new InstanceOptions()).IsValid);
    }
}
