using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Local;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Operations;

// How an application runs the provider: the AWS client from appsettings.json (AWSSDK.Extensions.NETCore.Setup),
// the context registered with AddDynamoDb, EF's health check, and the provider's traces and metrics exported by
// OpenTelemetry (to the console here; use an OTLP exporter in production).

// DYNAMODB_ENDPOINT points the sample at a running DynamoDB; otherwise it starts DynamoDB Local for itself.
await using var server = await DynamoDbLocalServer.StartAsync();

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// appsettings.json names the region and DynamoDB Local's usual endpoint; this run's server replaces the endpoint.
// On AWS, leave ServiceURL out and the credentials below too: the SDK's chain (an IAM role, a profile) signs.
builder.Configuration["AWS:ServiceURL"] = server.ServiceUrl.ToString();
var awsOptions = builder.Configuration.GetAWSOptions();
awsOptions.Credentials = new BasicAWSCredentials("local", "local");
builder.Services.AddDefaultAWSOptions(awsOptions);
builder.Services.AddAWSService<IAmazonDynamoDB>();

// No endpoint or region here: UseDynamoDb takes the IAmazonDynamoDB registered above.
builder.Services.AddDynamoDb<NotesContext>(dynamo => dynamo.TableNamePrefix("operations-sample-"));
builder.Services.AddHealthChecks().AddDbContextCheck<NotesContext>("dynamodb");

builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource(DynamoDbTelemetry.ActivitySourceName).AddConsoleExporter())
    .WithMetrics(metrics => metrics.AddMeter(DynamoDbTelemetry.MeterName).AddConsoleExporter());

using var host = builder.Build();
await host.StartAsync();

var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
Console.WriteLine($"Health: {health.Status}");

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<NotesContext>();
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();

    db.Notes.Add(new Note { Id = "n1", Text = "traced" });
    await db.SaveChangesAsync();                                  // a PutItem activity
    var note = await db.Notes.FindAsync("n1");                    // a GetItem activity
    Console.WriteLine($"Read back: {note?.Text}");
}

// Stopping the host flushes the metrics: db.client.operation.duration, aws.dynamodb.consumed_capacity…
await host.StopAsync();
