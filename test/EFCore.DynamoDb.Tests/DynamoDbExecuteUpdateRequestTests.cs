using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The UpdateItem and DeleteItem requests of <c>ExecuteUpdateAsync</c>/<c>ExecuteDeleteAsync</c>, executed against
/// <see cref="RecordingClientWrapper" />: nothing is sent. Each setter kind's update expression, the write by whole
/// key that reads nothing, the key-only read otherwise, and every refusal.
/// </summary>
public sealed class DynamoDbExecuteUpdateRequestTests : IAsyncDisposable
{
    private readonly MemberContext _db = new(TestContexts.Options<MemberContext>(configure: RecordingClientWrapper.Use).Options);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private RecordingClientWrapper Client => RecordingClientWrapper.Of(_db);

    private static Dictionary<string, AttributeValue> MemberKey(string team, string id)
        => new() { ["Team"] = new AttributeValue { S = team }, ["Id"] = new AttributeValue { S = id } };

    private UpdateItemRequest SingleUpdate() => Assert.IsType<UpdateItemRequest>(Assert.Single(Client.Requests));

    // The update expression with each placeholder replaced by its name or value, as "type:text".
    private static string Resolved(string expression, UpdateItemRequest request)
    {
        foreach (var (placeholder, name) in request.ExpressionAttributeNames.OrderByDescending(p => p.Key.Length))
        {
            expression = expression.Replace(placeholder, name, StringComparison.Ordinal);
        }

        foreach (var (placeholder, value) in (request.ExpressionAttributeValues ?? []).OrderByDescending(p => p.Key.Length))
        {
            expression = expression.Replace(placeholder, AttributeValueText.Of(value), StringComparison.Ordinal);
        }

        return expression;
    }

    private async Task<string> UpdateExpressionOf(Action<UpdateSettersBuilder<Member>> setters)
    {
        await _db.Members.Where(m => m.Team == "t" && m.Id == "1").ExecuteUpdateAsync(setters);
        var request = SingleUpdate();
        return Resolved(request.UpdateExpression, request);
    }

    [Fact]
    public async Task Setting_a_constant_is_SET_with_the_row_version_incremented()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Name, "Ann"));

        Assert.Equal("SET Name = S:Ann, Revision = if_not_exists(Revision, N:0) + N:1", expression);
    }
}
