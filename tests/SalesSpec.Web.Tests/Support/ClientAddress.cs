using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// Lets a test client pose as a given client address (header <see cref="Header"/>), as requests from many
/// machines would arrive; the in-memory test server has no address of its own.
/// </summary>
public static class ClientAddress
{
    public const string Header = "X-Test-Client-Address";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filter>();

    public static HttpClient From(this HttpClient client, string address)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
