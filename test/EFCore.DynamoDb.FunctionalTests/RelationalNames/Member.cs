namespace EFCore.DynamoDb.FunctionalTests.RelationalNames;

/// <summary>A user as ASP.NET Core Identity maps one: a relational table name and a named lookup index.</summary>
public class Member
{
    /// <summary>The partition key.</summary>
    public string Id { get; set; } = "";

    /// <summary>The normalized user name, looked up through the index named by relational <c>HasDatabaseName</c>.</summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>The normalized email, looked up through the index with no name of its own.</summary>
    public string NormalizedEmail { get; set; } = "";
}
