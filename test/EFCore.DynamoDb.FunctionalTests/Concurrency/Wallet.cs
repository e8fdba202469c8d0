using System.ComponentModel.DataAnnotations;

namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>A wallet whose concurrency token is a stamp the application sets on every change.</summary>
public class Wallet
{
    public string Id { get; set; } = "";

    public decimal Balance { get; set; }

    [ConcurrencyCheck]
    public string Stamp { get; set; } = "";
}
