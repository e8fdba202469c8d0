using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>One write of a batch write: its PutRequest or DeleteRequest, the item's key, and what the caller passed.</summary>
/// <param name="TableName">The table written.</param>
/// <param name="Request">The write as BatchWriteItem sends it.</param>
/// <param name="Key">The item's key as text, telling the writes apart: to refuse duplicates and to match UnprocessedItems.</param>
/// <param name="Source">The entity or key the caller passed, reported back when the write is not made.</param>
public sealed record BatchWrite(string TableName, WriteRequest Request, string Key, object Source);
