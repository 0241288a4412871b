using LibraryBot.Bot.Notices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Tests.Notices;

public sealed class NoticeRegistrationTests
{
    [Theory]
    [InlineData("Cosmos", typeof(CosmosNoticeStore), typeof(CosmosPatronChats))]
    [InlineData("Sqlite", typeof(SqliteNoticeStore), null)]
    [InlineData(null, typeof(SqliteNoticeStore), null)]
    public void AddNotices_OnEitherStore_RegistersItsLedgerTheRunTheDeliveryAndThePickupBatch(string? provider, Type ledger, Type? chats)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (provider is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("Storage:Provider", provider)]);
        }

        builder.AddNotices();

        Assert.Equal(ledger, builder.Services.Single(d => d.ServiceType == typeof(INoticeStore)).ImplementationType);
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(NoticeRun));
        Assert.Contains(builder.Services, d => d.ImplementationType == typeof(NoticeDeliveryMiddleware));
        Assert.Contains(builder.Services, d => d.ImplementationType == typeof(NoticeScheduler));
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(PickupBatch));
        var patronChats = builder.Services.Single(d => d.ServiceType == typeof(IPatronChats));
        Assert.Equal(chats, patronChats.ImplementationType);
        Assert.True(chats is not null || patronChats.ImplementationFactory is not null);
    }
}
