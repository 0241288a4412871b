using LibraryBot.Bot.Notices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Tests.Notices;

public sealed class NoticeRegistrationTests
{
    [Theory]
    [InlineData("Cosmos", typeof(CosmosNoticeStore))]
    [InlineData("Sqlite", typeof(SqliteNoticeStore))]
    [InlineData(null, typeof(SqliteNoticeStore))]
    public void AddNotices_OnEitherStore_RegistersItsLedgerTheRunAndTheDelivery(string? provider, Type ledger)
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
    }
}
