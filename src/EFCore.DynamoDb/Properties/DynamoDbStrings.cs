using System.Globalization;

namespace EFCore.DynamoDb.Properties;

/// <summary>
/// Every user-facing message of the provider, in one place so that wording stays consistent and tests can
/// assert on it.
/// </summary>
public static class DynamoDbStrings
{
    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>A key property whose stored type cannot be a DynamoDB key attribute.</summary>
    public static string InvalidKeyType(string entityType, string property, string clrType)
        => Format("The key property '{0}.{1}' is of type '{2}', which is not stored as a string, number or binary attribute. DynamoDB keys must be strings, numbers or binary: use one of those types or a value converter to one.", entityType, property, clrType);

    /// <summary>Entity types that share a table with different key attributes.</summary>
    public static string SharedTableKeyMismatch(string table, string firstEntityType, string firstKey, string secondEntityType, string secondKey)
        => Format("The entity types '{1}' and '{3}' are both mapped to the table '{0}' but have different key attributes ({2} and {4}). Entity types that share a table must use the same partition and sort key attribute names and types.", table, firstEntityType, firstKey, secondEntityType, secondKey);

    /// <summary>A complex collection declared as an array.</summary>
    public static string ComplexCollectionArray(string type, string property, string elementType)
        => Format("The complex collection '{0}.{1}' is an array. EF Core's change tracker adds to a complex collection, which an array cannot do: declare it as 'List<{2}>' (or 'IList<{2}>').", type, property, elementType);

    /// <summary>The LINQ translation failure reason for a filter on the key EF gives an owned type.</summary>
    public static string OwnedKeyNotStored(string ownedType, string property)
        => Format("'{0}.{1}' is the key EF gives the owned type, which is not stored in the item (it is the owner's key, or the element's position). Filter on the owner's key or on a stored member of '{0}' instead.", ownedType, property);

    /// <summary>The LINQ translation failure reason for a subquery over an owned collection.</summary>
    public static string OwnedCollectionSubquery(string navigation)
        => Format("The owned collection '{0}' is stored as a list (L) of maps inside its owner's item, and is read whole: DynamoDB cannot filter, order or project its elements. Read the owners and work on the loaded collection.", navigation);

    /// <summary>A secondary index declared on an owned type.</summary>
    public static string SecondaryIndexOnOwnedType(string index, string ownedType, string owner)
        => Format("The secondary index '{0}' is declared on the owned type '{1}', which is stored inside the items of '{2}' and has no key attributes of its own. Declare the index on '{2}'.", index, ownedType, owner);

    /// <summary>A sort key configured without a partition key.</summary>
    public static string SortKeyWithoutPartitionKey(string entityType, string property)
        => Format("The entity type '{0}' has the sort key '{1}' but no partition key. Call 'HasPartitionKey' before 'HasSortKey'.", entityType, property);

    /// <summary>The partition or sort key annotation disagrees with the EF primary key.</summary>
    public static string KeyDoesNotMatchPrimaryKey(string entityType, string expected, string actual)
        => Format("The entity type '{0}' declares the DynamoDB key ({1}) but its primary key is ({2}). 'HasPartitionKey' and 'HasSortKey' set the primary key; do not change it afterwards with 'HasKey'.", entityType, expected, actual);

    /// <summary>Two properties mapped to the same attribute name.</summary>
    public static string DuplicateAttributeName(string entityType, string firstProperty, string secondProperty, string attributeName)
        => Format("The properties '{0}.{1}' and '{0}.{2}' are both mapped to the attribute '{3}'. Give one of them another name with 'HasAttributeName'.", entityType, firstProperty, secondProperty, attributeName);

    /// <summary>A query tried to use DynamoDB synchronously.</summary>
    public static string SyncNotSupported(string asyncMethod)
        => Format("DynamoDB's .NET SDK is asynchronous: use '{0}' instead. To block on it anyway, downgrade the warning with 'ConfigureWarnings(w => w.Log(DynamoDbEventId.SyncNotSupported))'.", asyncMethod);

    /// <summary>A provider-level transaction was requested.</summary>
    public static string TransactionsNotSupported
        => "DynamoDB has no client transactions. Each SaveChanges call is already atomic: several changed entities are written in one TransactWriteItems request.";

    /// <summary>A save that cannot fit into one TransactWriteItems request.</summary>
    public static string TooManyEntriesForTransaction(int count, int limit)
        => Format("SaveChanges would write {0} items, but one DynamoDB transaction holds at most {1}. Nothing was sent. Save in smaller groups, set 'Database.AutoTransactionBehavior = AutoTransactionBehavior.Never' to write each entity independently, or use 'BatchPutAsync' for bulk loads.", count, limit);

    /// <summary>An Added entity whose key already exists.</summary>
    public static string DuplicateKey(string entityType, string key, string table)
        => Format("Cannot insert the '{0}' with key {1}: an item with that key already exists in the table '{2}'. Use Update to change an existing item.", entityType, key, table);

    /// <summary>A transaction DynamoDB cancelled for a reason that is not a failed condition.</summary>
    public static string TransactionCanceled(string reasons)
        => Format("DynamoDB cancelled the transaction: {0}. Nothing was written.", reasons);

    /// <summary>A write request DynamoDB rejected.</summary>
    public static string WriteFailed(string operation, string entities, string message)
        => Format("DynamoDB rejected the {0} for {1}: {2}", operation, entities, message);

    /// <summary>A value that DynamoDB cannot store as a number.</summary>
    public static string InvalidNumber(string value)
        => Format("The value '{0}' cannot be stored as a DynamoDB number: DynamoDB numbers are zero or finite decimals with a magnitude from 1E-130 to below 1E+126.", value);

    /// <summary>An attribute of an unexpected DynamoDB type while reading an item.</summary>
    public static string UnexpectedAttributeType(string attribute, string expected, string actual)
        => Format("The attribute '{0}' was expected to hold a DynamoDB {1} value but holds {2}. The item was probably written by another tool with a different type; fix the item or the property's type.", attribute, expected, actual);

    /// <summary>A table did not become ACTIVE in time.</summary>
    public static string TableNotActive(string table, TimeSpan timeout, string status)
        => Format("The table '{0}' did not become ACTIVE within {1} (last status: {2}). Raise the limit with 'UseDynamoDb(o => o.WaitForActiveTimeout(...))'.", table, timeout, status);

    /// <summary>A table that was not deleted in time.</summary>
    public static string TableNotDeleted(string table, TimeSpan timeout)
        => Format("The table '{0}' was still being deleted after {1}. Raise the limit with 'UseDynamoDb(o => o.WaitForActiveTimeout(...))'.", table, timeout);

    /// <summary>An existing table whose key schema differs from the model.</summary>
    public static string ExistingTableKeyMismatch(string table, string expected, string actual)
        => Format("The table '{0}' already exists with the key schema {2}, but the model expects {1}. Writing to it would create wrong items: delete the table or change the model's keys.", table, expected, actual);

    /// <summary>The provider is configured twice in conflicting ways.</summary>
    public static string ClientAndConnectionOptions
        => "UseDynamoDb was given a ready IAmazonDynamoDB client and also ServiceUrl, Region or Credentials. Configure these on the client you pass, or let the provider create the client.";

    /// <summary>A ServiceUrl that is not an absolute URL.</summary>
    public static string InvalidServiceUrl(string serviceUrl)
        => Format("'{0}' is not an absolute URL such as 'http://localhost:8000'.", serviceUrl);

    /// <summary>A timeout that is zero or negative.</summary>
    public static string TimeoutNotPositive(string argumentName)
        => Format("The value of '{0}' must be a positive time span.", argumentName);

    /// <summary>The LINQ translation failure reason for an unsupported predicate.</summary>
    public static string PredicateNotSupported(string expression)
        => Format("The predicate part '{0}' has no DynamoDB condition-expression form in this version of the provider.", expression);

    /// <summary>The LINQ translation failure reason for a condition inside a complex collection.</summary>
    public static string ComplexCollectionNotSearchable(string complexCollection)
        => Format("'{0}' is a complex collection, stored as a list (L) of maps, and DynamoDB conditions cannot test its elements or count them. Filter on the loaded entities after 'AsAsyncEnumerable', or store the values to search as a set or as properties of the entity.", complexCollection);

    /// <summary>Provisioned capacity that is not positive.</summary>
    public static string ThroughputNotPositive(long readCapacityUnits, long writeCapacityUnits)
        => Format("Provisioned throughput must be at least 1 read and 1 write capacity unit; got {0} and {1}.", readCapacityUnits, writeCapacityUnits);

    /// <summary>A local secondary index on a table without a sort key.</summary>
    public static string LocalIndexWithoutTableSortKey(string index, string entityType)
        => Format("The local secondary index '{0}' of '{1}' needs a table with a sort key: a local index keeps the table's partition key and adds another sort key. Give the table a sort key or make '{0}' a global secondary index.", index, entityType);

    /// <summary>A secondary index with the wrong number of properties.</summary>
    public static string InvalidIndexProperties(string index, string entityType, string kind, int count)
        => Format("The {2} secondary index '{0}' of '{1}' has {3} properties. An index made global with 'IsGlobalSecondaryIndex' has a partition key and an optional sort key (one or two properties), and a local index has one sort key property; declare a multi-attribute key with 'HasGlobalSecondaryIndex(name, e => new {{ e.A, e.B }}, e => new {{ e.C, e.D }})'.", index, entityType, kind, count);

    /// <summary>A secondary index key property whose stored type cannot be a key.</summary>
    public static string InvalidIndexKeyType(string index, string entityType, string property, string clrType)
        => Format("The secondary index '{0}' of '{1}' is keyed on '{2}' of type '{3}', which is not stored as a string, number or binary attribute. DynamoDB index keys must be strings, numbers or binary.", index, entityType, property, clrType);

    /// <summary>An INCLUDE projection naming a property that does not exist.</summary>
    public static string IndexIncludesMissingProperty(string index, string entityType, string property)
        => Format("The secondary index '{0}' of '{1}' projects the property '{2}', which '{1}' does not have.", index, entityType, property);

    /// <summary>An index name DynamoDB does not accept.</summary>
    public static string InvalidIndexName(string index, string entityType)
        => Format("'{0}' (an index of '{1}') is not a valid DynamoDB index name: use 3 to 255 letters, digits, '_', '-' or '.'.", index, entityType);

    /// <summary>A secondary index configured without a name.</summary>
    public static string UnnamedSecondaryIndex(string entityType, string properties)
        => Format("The secondary index on {1} of '{0}' has no name, and DynamoDB needs one to create and query it. Name it in 'HasIndex', as in 'HasIndex(e => e.Status, \"ByStatus\").IsGlobalSecondaryIndex()'.", entityType, properties);

    /// <summary>A provisioned table without capacity units.</summary>
    public static string ProvisionedWithoutThroughput(string entityType)
        => Format("The table of '{0}' uses PROVISIONED billing but has no capacity: call 'HasProvisionedThroughput(read, write)'.", entityType);

    /// <summary>Index throughput on an on-demand table.</summary>
    public static string IndexThroughputOnDemandTable(string index, string entityType)
        => Format("The global secondary index '{0}' of '{1}' has provisioned throughput, but its table is on-demand (PAY_PER_REQUEST). Give the table provisioned throughput too, or remove the index's.", index, entityType);

    /// <summary>A translation-only function called outside a query.</summary>
    public static string FunctionOnClient(string function)
        => Format("'EF.Functions.{0}' is a DynamoDB condition function: use it inside a LINQ query on a DynamoDB DbSet, where it is translated; it cannot run on the client.", function);

    /// <summary>An attribute_type argument that names no DynamoDB type.</summary>
    public static string InvalidAttributeType(string value)
        => Format("'{0}' is not a DynamoDB attribute type: use S, N, B, BOOL, NULL, L, M, SS, NS or BS.", value);

    /// <summary>A comparison of a string through string.Compare or CompareTo with something other than zero.</summary>
    public static string CompareNeedsZero(string expression)
        => Format("'{0}' compares the result of string.Compare or CompareTo with something other than 0; only comparisons with 0 translate (such as 'a.CompareTo(b) > 0').", expression);

    /// <summary>WithIndex naming an index the entity type does not have.</summary>
    public static string UnknownIndex(string index, string entityType)
        => Format("'WithIndex(\"{0}\")' names no secondary index of '{1}'. Declare it with 'HasGlobalSecondaryIndex' or 'HasLocalSecondaryIndex'.", index, entityType);

    /// <summary>WithIndex on a query that does not constrain the index's partition key.</summary>
    public static string IndexPartitionKeyNotConstrained(string index, string property)
        => Format("The query reads the index '{0}' (WithIndex) but does not compare its partition key '{1}' with '=='. A Query on an index needs its partition key: add 'Where(e => e.{1} == value)'.", index, property);

    /// <summary>WithIndex naming an index that lacks attributes the query reads.</summary>
    public static string IndexLacksAttributes(string index, string properties)
        => Format("The query reads the index '{0}' (WithIndex), which does not project {1}. Project only what the index holds (Select), or widen the index's projection.", index, properties);

    /// <summary>WithConsistentRead on a global secondary index.</summary>
    public static string ConsistentReadOnGlobalIndex(string index)
        => Format("The query reads the global secondary index '{0}' with 'WithConsistentRead()', but DynamoDB reads global indexes eventually consistently only. Remove 'WithConsistentRead()' or query the table or a local index.", index);

    /// <summary>A parallel scan segment count out of range.</summary>
    public static string InvalidSegmentCount(int segments)
        => Format("A parallel scan has 1 to 1,000,000 segments; {0} is out of range.", segments);

    /// <summary>A continuation token that cannot continue this query.</summary>
    public static string InvalidContinuationToken(string reason)
        => Format("The continuation token is not valid for this query: {0}. Pass the token of a page of the same query, unchanged, or null for the first page.", reason);

    /// <summary>ToPageAsync on a query the provider sorts on the client.</summary>
    public static string PageNeedsDynamoDbOrder
        => "ToPageAsync reads pages in DynamoDB's own order, but this query's ordering is done on the client, which needs every item at once. Order by the sort key of a Query, or read all results with ToListAsync.";

    /// <summary>ToPageAsync combined with options that have no page semantics.</summary>
    public static string PageNotSupportedWith(string feature)
        => Format("ToPageAsync cannot be combined with {0}.", feature);

    /// <summary>An ordering key that is not a mapped property.</summary>
    public static string OrderingNotProperty(string keySelector)
        => Format("The ordering key '{0}' is not a mapped property; DynamoDB queries order by one property of the item at a time.", keySelector);

    /// <summary>Last/Reverse without an ordering.</summary>
    public static string LastNeedsOrdering(string @operator)
        => Format("'{0}' needs an ordering: add 'OrderBy' before it, so the last item is well defined.", @operator);

    /// <summary>A projection of a member that is not a mapped property.</summary>
    public static string ProjectionMemberNotMapped(string member, string entityType)
        => Format("The projection reads '{0}', which is not a mapped property of '{1}'. Navigations between entity types are not embedded in DynamoDB items; query the related entity type by its key instead.", member, entityType);

    /// <summary>An Include of a navigation to another entity type.</summary>
    public static string IncludeNotSupported(string navigation)
        => Format("The navigation '{0}' cannot be included: it leads to another entity type, stored in its own items, and DynamoDB has no joins. Query the related entity type by its key instead.", navigation);

    /// <summary>A time-to-live property of a type DynamoDB's TTL cannot read.</summary>
    public static string InvalidTimeToLiveType(string entityType, string property, string clrType)
        => Format("The time-to-live property '{0}.{1}' is of type '{2}'. DynamoDB's time to live reads a number of seconds since the Unix epoch: use a DateTime, DateTimeOffset or long property.", entityType, property, clrType);

    /// <summary>A key property used as the time to live.</summary>
    public static string TimeToLiveOnKey(string entityType, string property)
        => Format("The time-to-live property '{0}.{1}' is part of the primary key. An item's expiry time cannot be part of its key; use another property.", entityType, property);

    /// <summary>A null element in a set.</summary>
    public static string NullInSet(string setType)
        => Format("A '{0}' holds a null element. DynamoDB sets (SS, NS, BS) cannot hold null; remove it, or use a list.", setType);

    /// <summary>Entity types sharing a table with different (or no) discriminator attributes.</summary>
    public static string SharedTableDiscriminatorMismatch(string table, string entityTypes)
        => Format("The entity types sharing the table '{0}' do not use one discriminator attribute: {1}. Give them the same discriminator (the default is '$type') so each query reads only its own type's items.", table, entityTypes);

    /// <summary>Two entity types of one table with the same discriminator value.</summary>
    public static string SharedTableDuplicateDiscriminator(string table, string firstEntityType, string secondEntityType, string value, string attribute)
        => Format("The entity types '{1}' and '{2}' share the table '{0}' and both use the value '{3}' in the discriminator attribute '{4}', so their items cannot be told apart. Give one of them another value with 'HasDiscriminator().HasValue(...)'.", table, firstEntityType, secondEntityType, value, attribute);

    /// <summary>A key prefix on a property that is not a text or number key.</summary>
    public static string InvalidKeyPrefix(string entityType, string property)
        => Format("'{0}.{1}' has a key prefix (HasKeyPrefix), but a key template belongs on a text or number property of the table's key or of a secondary index's key.", entityType, property);

    /// <summary>An existing table lacking a local secondary index of the model.</summary>
    public static string MissingLocalIndex(string table, string index)
        => Format("The table '{0}' exists without the local secondary index '{1}'. DynamoDB creates local indexes only with their table: recreate the table (EnsureDeleted, then EnsureCreated), or declare '{1}' as a global secondary index.", table, index);

    /// <summary>An empty string or binary in a key attribute.</summary>
    public static string EmptyKeyValue(string entityType, string property)
        => Format("The '{0}' cannot be saved: its key property '{1}' is empty. DynamoDB table and index keys cannot be empty strings or empty binaries; set a value first (only Guid keys are generated).", entityType, property);

    /// <summary>Entity types sharing a table that configure its capacity differently.</summary>
    public static string SharedTableCapacityMismatch(string table, string firstEntityType, string firstCapacity, string secondEntityType, string secondCapacity)
        => Format("The entity types '{1}' and '{3}' share the table '{0}' but configure its capacity differently ({2} and {4}). A table has one billing mode and throughput: configure it on one of the types, or the same on each.", table, firstEntityType, firstCapacity, secondEntityType, secondCapacity);

    /// <summary>Entity types sharing a table that keep their time to live in different attributes.</summary>
    public static string SharedTableTimeToLiveMismatch(string table, string firstEntityType, string firstAttribute, string secondEntityType, string secondAttribute)
        => Format("The entity types '{1}' and '{3}' share the table '{0}' but keep their time to live in different attributes ('{2}' and '{4}'). A DynamoDB table has one time-to-live attribute: store both properties in the same attribute with 'HasAttributeName'.", table, firstEntityType, firstAttribute, secondEntityType, secondAttribute);

    /// <summary>A string operation on a property with a key template, whose stored text includes the prefix.</summary>
    public static string KeyPrefixNotSearchable(string property, string operation)
        => Format("'{1}' on '{0}' cannot be translated: '{0}' has a key prefix (HasKeyPrefix), so DynamoDB stores and would search the prefixed text. Compare it with '==', a range or StartsWith instead.", property, operation);

    /// <summary>A timestamp property of a type that cannot hold a time.</summary>
    public static string InvalidTimestampType(string entityType, string property, string clrType)
        => Format("Timestamps are enabled for '{0}', but its '{1}' property is of type '{2}'. Use DateTime or DateTimeOffset, or turn timestamps off for it with 'HasTimestamps(false)'.", entityType, property, clrType);

    /// <summary>A time to live configured on a derived type.</summary>
    public static string TimeToLiveOnDerivedType(string entityType, string rootType)
        => Format("The time to live is configured on '{0}', but it is a setting of the table: configure 'HasTimeToLive' on the hierarchy's root type '{1}'.", entityType, rootType);

    /// <summary>A row version that is not an integer property.</summary>
    public static string RowVersionNotInteger(string entityType, string property, string clrType)
        => Format("The row version '{0}.{1}' is of type '{2}'. DynamoDB generates no row versions: the provider stores a number it sets to 1 on add and increments on every update, so a row version must be an integer property (int, long, …) without a value converter. Use an integer property, or 'IsConcurrencyToken()' for a token the application sets.", entityType, property, clrType);

    /// <summary>A property value DynamoDB cannot store, such as a number out of its range.</summary>
    public static string UnstorableValue(string entityType, string property, string reason)
        => Format("The '{0}' cannot be saved: the value of its property '{1}' cannot be stored. {2} Nothing was sent.", entityType, property, reason);

    /// <summary>An item larger than DynamoDB's item size limit.</summary>
    public static string ItemTooLarge(string entityType, int size, int limit, string largestAttribute, int largestSize)
        => Format("The '{0}' cannot be saved: its item would be about {1} bytes, over DynamoDB's limit of {2} bytes (400 KB) per item. Its largest attribute is '{3}' ({4} bytes): store large values elsewhere (such as S3) or in items of their own. Nothing was sent.", entityType, size, limit, largestAttribute, largestSize);

    /// <summary>A condition check on a type that is not a stored entity type.</summary>
    public static string ConditionCheckOnUnmappedType(string type)
        => Format("'AddConditionCheck' needs an entity type of the model stored in its own item, and '{0}' is not one (it is not in the model, or it is owned and stored inside its owner's item: check the owner instead).", type);

    /// <summary>A condition check whose key does not match the entity type's key.</summary>
    public static string ConditionCheckKeyShape(string entityType, int count, string properties)
        => Format("The key given to 'AddConditionCheck<{0}>' does not match its primary key of {1} value(s) ({2}): pass the single key value, or an object[] with one non-null value per key property, in that order.", entityType, count, properties);

    /// <summary>A condition check whose predicate has no DynamoDB condition expression.</summary>
    public static string ConditionCheckNotTranslatable(string entityType, string predicate, string reason)
        => Format("The condition check '{1}' on '{0}' cannot be translated to a DynamoDB condition expression. {2}", entityType, predicate, reason);

    /// <summary>A condition check under AutoTransactionBehavior.Never.</summary>
    public static string ConditionCheckWithoutTransaction(int count)
        => Format("{0} condition check(s) were added with 'AddConditionCheck', but 'AutoTransactionBehavior' is 'Never': a condition check guards a transaction, and this save sends each entity on its own. Save with 'AutoTransactionBehavior.WhenNeeded' (the default) or 'Always'.", count);

    /// <summary>An update or delete of an item that no longer exists.</summary>
    public static string ItemMissing(string entityType, string key, string table, string operation)
        => Format("The {3} of the '{0}' with key {1} in the table '{2}' found no item: it was deleted since it was read (or never saved). Detach or reload the entity.", entityType, key, table, operation);

    /// <summary>An update or delete whose concurrency tokens changed since the entity was read.</summary>
    public static string ConcurrencyTokenChanged(string entityType, string key, string table, string operation, string tokens)
        => Format("The {3} of the '{0}' with key {1} in the table '{2}' failed its condition: the item was changed since it was read (concurrency token: {4}). Reload the entity and try again.", entityType, key, table, operation, tokens);

    /// <summary>A condition check that failed.</summary>
    public static string ConditionCheckFailed(string entityType, string key, string table, bool itemExists)
        => Format(itemExists
                ? "The condition check on the '{0}' with key {1} in the table '{2}' failed: the item does not match the condition."
                : "The condition check on the '{0}' with key {1} in the table '{2}' failed: the item does not exist.",
            entityType, key, table);

    /// <summary>An action DynamoDB refused for a reason other than its condition.</summary>
    public static string WriteRejected(string action, string code, string message)
        => Format("DynamoDB refused the write of {0}: {1} {2}.", action, code, message);

    /// <summary>Several failed writes of one save.</summary>
    public static string SeveralWritesFailed(int count, string failures)
        => Format("{0} writes failed: {1}", count, failures);

    /// <summary>The outcome of a failed transaction.</summary>
    public static string TransactionNothingWritten
        => "The save is one DynamoDB transaction, so nothing was written.";

    /// <summary>The outcome of failed independent writes.</summary>
    public static string IndependentWritesOutcome(int written)
        => Format("'AutoTransactionBehavior' is 'Never', so every other write was sent on its own: {0} were written and their entities are saved; the failed entities keep their changes.", written);

    /// <summary>Two entities of one save stored in the same item.</summary>
    public static string SameItemTwice(string firstEntityType, string secondEntityType, string table)
        => Format("This save writes one item of the table '{2}' twice: the '{0}' and the '{1}' have the same key values. DynamoDB refuses a transaction that writes an item twice, and two independent writes would race; give them different keys (such as key prefixes for entity types sharing a table) or save them separately. Nothing was sent.", firstEntityType, secondEntityType, table);

    /// <summary>A save larger than one transaction may be.</summary>
    public static string TransactionTooLarge(int count, int size, int limit)
        => Format("SaveChanges would write {0} items of about {1} bytes in all, but one DynamoDB transaction holds at most {2} bytes (4 MB). Nothing was sent. Save in smaller groups, set 'Database.AutoTransactionBehavior = AutoTransactionBehavior.Never' to write each entity independently, or use 'BatchPutAsync' for bulk loads.", count, size, limit);
    /// <summary>A batch write given an entity that is not of its DbSet's entity type or a type derived from it.</summary>
    public static string BatchWrongEntityType(string method, string setEntityType, string clrType)
        => Format("{0} on the DbSet of '{1}' was given a '{2}', which is not '{1}' or an entity type of the model derived from it; nothing was sent. Write each entity through the DbSet of its own entity type.", method, setEntityType, clrType);

    /// <summary>A batch write on the DbSet of an owned entity type.</summary>
    public static string BatchOwnedEntityType(string method, string ownedType, string ownerType)
        => Format("{0} cannot write '{1}' on its own: it is an owned type, stored inside the items of '{2}'. Write the '{2}' entities that own it instead.", method, ownedType, ownerType);

    /// <summary>A null in the entities or keys given to a batch write.</summary>
    public static string BatchNullElement(string method, string entityType)
        => Format("{0} was given a null in place of a '{1}' entity or key; nothing was sent. Leave nulls out of the collection.", method, entityType);

    /// <summary>A null or empty key value in a batch write.</summary>
    public static string BatchMissingKeyValue(string method, string entityType, string property)
        => Format("{0} was given a '{1}' whose key property '{2}' is null or empty; nothing was sent. DynamoDB addresses every item by its key, which cannot be null, an empty string or an empty binary: set the key first (only Guid keys are generated).", method, entityType, property);

    /// <summary>A key of a batch delete with the wrong number of values.</summary>
    public static string BatchKeyValueCount(string method, string entityType, int count, string keyProperties, int expected)
        => Format("{0} was given a key of {2} value(s) for '{1}', whose primary key is ({3}); nothing was sent. Pass each key as an object[] of its {4} value(s) in that order, as for FindAsync, or a single value when the key is a partition key alone.", method, entityType, count, keyProperties, expected);

    /// <summary>A key value of a batch delete of another type than its key property.</summary>
    public static string BatchKeyValueType(string method, string entityType, string property, string valueType, string propertyType)
        => Format("{0} was given a '{3}' for the key property '{1}.{2}', which is a '{4}'; nothing was sent. Pass key values of the key properties' own types, in the key's order.", method, entityType, property, valueType, propertyType);

    /// <summary>Two writes of one batch write with the same primary key (values not shown: sensitive data logging is off).</summary>
    public static string BatchDuplicateKey(string method, string entityType, string keyProperties)
        => Format("{0} was given two '{1}' writes with the same key ({2}); nothing was sent. DynamoDB rejects a request that writes one item twice, and across requests the outcome would depend on which ran last: pass each key once. Enable sensitive data logging to see the key values.", method, entityType, keyProperties);

    /// <summary>Two writes of one batch write with the same primary key, with its values.</summary>
    public static string BatchDuplicateKeySensitive(string method, string entityType, string keyValues)
        => Format("{0} was given two '{1}' writes with the key {2}; nothing was sent. DynamoDB rejects a request that writes one item twice, and across requests the outcome would depend on which ran last: pass each key once.", method, entityType, keyValues);

    /// <summary>Writes of a batch write that DynamoDB still left unprocessed after the last attempt.</summary>
    public static string BatchWriteUnprocessed(string method, string entityType, int notWritten, int total, int attempts)
        => Format("{0} could not write {2} of the {3} '{1}' writes: DynamoDB still returned them as unprocessed (throttled) after {4} attempts. BatchWriteItem is not atomic: the other writes were made and stay made. The writes not made are in 'UnprocessedItems': write them again later, or give the table more write capacity.", method, entityType, notWritten, total, attempts);

    /// <summary>Writes of a batch write whose request DynamoDB refused.</summary>
    public static string BatchWriteFailed(string method, string entityType, int notWritten, int total, string error)
        => Format("{0} could not write {2} of the {3} '{1}' writes: DynamoDB refused a request with \"{4}\". BatchWriteItem is not atomic: the other writes were made and stay made. The writes not made are in 'UnprocessedItems': correct the cause and write them again.", method, entityType, notWritten, total, error);
    /// <summary>An update-expression function called outside an ExecuteUpdate setter.</summary>
    public static string UpdateFunctionOnClient(string function)
        => Format("'EF.Functions.{0}' is a DynamoDB update-expression function: use it in the value of a 'SetProperty' setter of 'ExecuteUpdateAsync' on a DynamoDB DbSet, where it is translated; it cannot run on the client.", function);

    /// <summary>The LINQ translation failure reason for ExecuteUpdate/ExecuteDelete over a query that does not return entities.</summary>
    public static string ExecuteOnNonEntity(string operation)
        => Format("'{0}' works on a query of entities: DynamoDB updates and deletes whole items by their keys. Remove the 'Select' (or other projection) before '{0}'.", operation);

    /// <summary>The LINQ translation failure reason for a setter whose target is not a stored property.</summary>
    public static string SetterTargetNotProperty(string entityType, string target)
        => Format("The 'SetProperty' target '{1}' is not a stored property of '{0}'. An 'ExecuteUpdate' setter names one property of the entity, or one property inside its complex or owned values ('e => e.Address.City').", entityType, target);

    /// <summary>The LINQ translation failure reason for a setter of a whole complex property or owned entity.</summary>
    public static string SetterTargetWholeStructure(string entityType, string member)
        => Format("'ExecuteUpdate' cannot set '{0}.{1}' as a whole: it is stored as a nested map (or list of maps) of the item. Set its properties one by one ('e => e.{1}.Property'), or load the entities and save them with 'SaveChangesAsync'.", entityType, member);

    /// <summary>The LINQ translation failure reason for a setter of a primary key property.</summary>
    public static string SetterTargetIsKey(string entityType, string property)
        => Format("'ExecuteUpdate' cannot set '{0}.{1}': it is part of the primary key, and DynamoDB cannot change an item's key. Delete the item and add it again with the new key.", entityType, property);

    /// <summary>The LINQ translation failure reason for two setters of one property.</summary>
    public static string SetterTargetTwice(string entityType, string property)
        => Format("'ExecuteUpdate' sets '{0}.{1}' more than once. DynamoDB changes each attribute at most once per update: keep one 'SetProperty' for it.", entityType, property);

    /// <summary>The LINQ translation failure reason for a setter value with no update-expression form.</summary>
    public static string SetterValueNotTranslatable(string entityType, string property, string value)
        => Format("The value '{2}' set to '{0}.{1}' has no DynamoDB update-expression form. A value is a constant or variable, another property of the same entity, 'e.{1} + value' or 'e.{1} - value' on a number, 'EF.Functions.IfNotExists', 'EF.Functions.ListAppend' (or 'Concat') on a list, 'EF.Functions.SetAdd'/'SetRemove' on a set, or null/'EF.Functions.Remove' to remove it.", entityType, property, value);

    /// <summary>The LINQ translation failure reason for arithmetic on a property that is not stored as a number.</summary>
    public static string SetterArithmeticNeedsNumber(string entityType, string property)
        => Format("'ExecuteUpdate' cannot add to or subtract from '{0}.{1}': DynamoDB's '+' and '-' work on number (N) attributes, and '{1}' is not stored as a plain number. Set it to a value instead.", entityType, property);

    /// <summary>The LINQ translation failure reason for list_append on a property that is not stored as a list.</summary>
    public static string SetterListAppendNeedsList(string entityType, string property)
        => Format("'ExecuteUpdate' cannot append to '{0}.{1}': DynamoDB's list_append works on list (L) attributes, and '{1}' is not stored as one. Use 'EF.Functions.SetAdd' on a set, or set the whole value.", entityType, property);

    /// <summary>The LINQ translation failure reason for SetAdd/SetRemove on a property that is not stored as a set.</summary>
    public static string SetterSetFunctionNeedsSet(string entityType, string property, string function)
        => Format("'EF.Functions.{2}' cannot change '{0}.{1}': DynamoDB's ADD and DELETE of elements work on set attributes (SS, NS or BS, such as 'HashSet<string>'), and '{1}' is not stored as one. Use 'EF.Functions.ListAppend' on a list, or set the whole value.", entityType, property, function);

    /// <summary>The LINQ translation failure reason for an update function applied to another property than the setter's.</summary>
    public static string SetterFunctionOnOtherProperty(string entityType, string property, string function)
        => Format("'EF.Functions.{2}' in the setter of '{0}.{1}' must name '{1}' itself ('e => EF.Functions.{2}(e.{1}, ...)'): DynamoDB's ADD, DELETE and REMOVE change the attribute they name.", entityType, property, function);

    /// <summary>The LINQ translation failure reason for copying a property stored differently.</summary>
    public static string SetterCopiesDifferentType(string entityType, string property, string source)
        => Format("'ExecuteUpdate' cannot set '{0}.{1}' from '{2}': the two are stored as different types (or through different value converters), so DynamoDB would copy a value '{1}' cannot read. Set a value of the property's own type instead.", entityType, property, source);

    /// <summary>A setter value DynamoDB cannot store.</summary>
    public static string SetterValueNotStorable(string entityType, string property, string reason)
        => Format("The value set to '{0}.{1}' by 'ExecuteUpdate' cannot be stored in DynamoDB: {2}", entityType, property, reason);

    /// <summary>A null value inside arithmetic or list_append of a setter.</summary>
    public static string SetterOperandNull(string entityType, string property)
        => Format("The value set to '{0}.{1}' by 'ExecuteUpdate' adds, subtracts or appends null, which DynamoDB cannot compute. Pass a value, or set the property to null to remove it.", entityType, property);

    /// <summary>A write of ExecuteUpdate/ExecuteDelete that failed for another reason than its condition.</summary>
    public static string BulkWriteFailed(string method, string entityType, string operation, int changed, string error)
        => Format("'{0}' on '{1}' stopped after changing {3} item(s): a {2} request failed with \"{4}\". '{0}' sends one {2} per matching item and is not atomic: the items changed stay changed, the others were not changed. Correct the cause and run it again; an update that is not idempotent (such as adding to a number) changes the items already changed again unless its filter leaves them out.", method, entityType, operation, changed, error);

    // --- Operating it: connection, application services, health ---

    /// <summary>No region and no endpoint could be found for the client the provider creates.</summary>
    public static string NoRegionOrEndpoint(string sdkMessage)
        => Format("No AWS region or DynamoDB endpoint is configured ({0}). Name one with 'UseDynamoDb(o => o.Region(\"eu-west-1\"))' or 'UseDynamoDb(o => o.ServiceUrl(\"http://localhost:8000\"))', set the AWS_REGION environment variable or a region in the AWS profile, or register an IAmazonDynamoDB in the application's services (AWSSDK.Extensions.NETCore.Setup: 'AddAWSService<IAmazonDynamoDB>()').", sdkMessage);

    /// <summary>A request that could not reach DynamoDB's endpoint.</summary>
    public static string EndpointUnreachable(string operation, string endpoint, string error, string connectTimeout)
        => Format("The {0} request could not reach DynamoDB at {1}: {2} Check that the endpoint is running and reachable ('UseDynamoDb(o => o.ServiceUrl(...))' or '.Region(...)'); a connection attempt gives up {3} ('UseDynamoDb(o => o.ConnectTimeout(...))').", operation, endpoint, error, connectTimeout);

    // --- DynamoDB-native capabilities: multi-attribute index keys, PartiQL, transactional reads ---

    /// <summary>A multi-attribute index key with too many (or no) attributes.</summary>
    public static string TooManyIndexKeyAttributes(string index, string entityType, string keyKind, int count)
        => Format("The global secondary index '{0}' of '{1}' has {3} {2} key attributes. DynamoDB keys a global index on one to four partition key attributes and up to four sort key attributes.", index, entityType, keyKind, count);

    /// <summary>Two properties stored in one key attribute of a table with different attribute types.</summary>
    public static string KeyAttributeTypeClash(string attribute, string table, string first, string second)
        => Format("The key attribute '{0}' of the table '{1}' is stored by {2} and by {3} with different attribute types. A table defines each key attribute (of its key or of any index key) with one type: give both properties the same type, or the same key prefix ('HasKeyPrefix' stores text), or map them to different attributes with 'HasAttributeName'.", attribute, table, first, second);

    /// <summary>Two entity types sharing a table declare one index name with different keys.</summary>
    public static string SharedIndexKeyMismatch(string index, string table, string firstEntityType, string firstKey, string secondEntityType, string secondKey)
        => Format("The secondary index '{0}' of the table '{1}' is declared by '{2}' as {3} and by '{4}' as {5}. A table has one index of each name: declare it with the same key attributes, in the same order, on every entity type that shares the table.", index, table, firstEntityType, firstKey, secondEntityType, secondKey);

    /// <summary>WithIndex names a multi-attribute index whose key the query does not give as DynamoDB needs it.</summary>
    public static string MultiAttributeIndexKeyNotConstrained(string index, string partitionKey, string sortKey)
        => Format("The query reads the index '{0}' (WithIndex) but does not constrain its key as a Query needs it: compare every partition key attribute ({1}) with '==', and optionally a leading run of its sort key attributes ({2}) — '==' on all but the last, a range or 'StartsWith' on the last.", index, partitionKey, sortKey);

    /// <summary>ExcludeExpiredItems on a query of an entity type without a time to live.</summary>
    public static string ExcludeExpiredItemsWithoutTimeToLive(string entityType)
        => Format("'ExcludeExpiredItems' is called on a query of '{0}', which has no time to live. Configure one with 'HasTimeToLive', or remove the call.", entityType);

    /// <summary>WithTransactionalRead on a query that is not a set of whole keys.</summary>
    public static string TransactionalReadNeedsKeys(string entityType)
        => Format("'WithTransactionalRead' on a query of '{0}' needs whole keys and nothing else: 'keys.Contains(e.Key)' (with '==' on the partition key when the table has a sort key) or '==' on the whole key. TransactGetItems reads items by key; it cannot query, scan, filter or read an index. Read the keys first, then read them transactionally.", entityType);

    /// <summary>WithTransactionalRead with more keys than one TransactGetItems takes.</summary>
    public static string TransactionalReadTooManyKeys(string entityType, int count)
        => Format("'WithTransactionalRead' on a query of '{0}' names {1} distinct keys, but one TransactGetItems reads at most 100 items. Read at most 100 keys transactionally, or read them without 'WithTransactionalRead' (BatchGetItem, not one snapshot).", entityType, count);

    /// <summary>A TransactGetItems DynamoDB cancelled.</summary>
    public static string TransactionalReadCanceled(string entityType, string reasons)
        => Format("DynamoDB cancelled the transactional read (TransactGetItems) of '{0}': {1}. A transaction writing one of the items at the same time cancels a transactional read; the execution strategy retried it as configured. Try again later.", entityType, reasons);

    /// <summary>A FromPartiQL statement that is not a SELECT of whole items of the entity type's table.</summary>
    public static string PartiQLNotASelectOfTable(string entityType, string table, string statement)
        => Format("'FromPartiQL' on '{0}' needs a statement that selects whole items of its table: 'SELECT * FROM \"{1}\"' (or its index, '\"{1}\".\"Index\"'), with any WHERE or ORDER BY. The statement was: {2}", entityType, table, statement);

    /// <summary>A FromPartiQL placeholder that is not {n}.</summary>
    public static string PartiQLInvalidPlaceholder(string statement)
        => Format("The PartiQL statement has a '{{' that does not start a value placeholder such as '{{0}}'. Write a literal brace as '{{{{' or '}}}}'. The statement was: {0}", statement);

    /// <summary>A FromPartiQL placeholder inside quotes.</summary>
    public static string PartiQLQuotedPlaceholder(string statement)
        => Format("The PartiQL statement puts a value inside quotes. Values are sent as parameters, not spliced into the text: write them without quotes, as in 'WHERE \"CustomerId\" = {{0}}'. The statement was: {0}", statement);

    /// <summary>A FromPartiQLRaw placeholder without a value.</summary>
    public static string PartiQLMissingValue(string statement, int index, int count)
        => Format("The PartiQL statement refers to value {{{1}}} but {2} value(s) were given. The statement was: {0}", statement, index, count);

    /// <summary>A FromPartiQL value of a type the provider cannot store.</summary>
    public static string PartiQLUnsupportedValue(int index, string clrType)
        => Format("The PartiQL value {{{0}}} is of type '{1}', which the provider cannot write as a DynamoDB attribute value. Pass a value of a type an entity property could have, or an AttributeValue.", index, clrType);

    /// <summary>An operator that cannot follow FromPartiQL.</summary>
    public static string PartiQLDoesNotCompose(string operatorName, string entityType)
        => Format("'{0}' cannot follow 'FromPartiQL' on '{1}': the statement says what is read. Put the filter or the order in the statement (WHERE, ORDER BY), or use a LINQ query instead of 'FromPartiQL'.", operatorName, entityType);

    /// <summary>DynamoDB rejected a FromPartiQL statement.</summary>
    public static string PartiQLStatementFailed(string entityType, string error, string statement, string values)
        => Format("DynamoDB rejected the PartiQL statement of 'FromPartiQL' on '{0}': {1} The statement was: {2} Its values: {3}.", entityType, error, statement, values);

    /// <summary>The values of a failed PartiQL statement, without sensitive data logging.</summary>
    public static string PartiQLValuesHidden(int count)
        => Format("{0} value(s), shown with 'EnableSensitiveDataLogging'", count);

    /// <summary>A continuation token that does not belong to the FromPartiQL statement.</summary>
    public static string PartiQLInvalidContinuationToken
        => "The continuation token does not continue this PartiQL statement. Pass the token a page of the same 'FromPartiQL' query returned, or null for the first page.";

    /// <summary>A query of Database.TransactionalReadAsync that does not read entities by key.</summary>
    public static string TransactionalReadBatchNeedsEntityQueries(string type)
        => Format("'Database.TransactionalReadAsync' takes queries that 'WithTransactionalRead' reads on their own, of results of type '{0}' here: 'keys.Contains(e.Key)' or '==' on the whole key, optionally with 'AsNoTracking' or a projection. Combine or reshape the results after reading them.", type);

    // --- client operators (GroupBy, Distinct, set operations, operators after Skip/Take) ---

    /// <summary>The ClientEvaluationWarning message for operators run while streaming a query's items.</summary>
    public static string ClientOperators(string operators, string entityTypes)
        => Format("{0} of a query for {1} run on the client, over the items the query's DynamoDB requests return: DynamoDB's expression language has no such operator. The requests read the same items, at the same capacity cost, as they would without it; the operator holds in memory what it needs (a group, the values already seen).", operators, entityTypes);

    /// <summary>A shadow property read by an operator that runs on the client.</summary>
    public static string ClientOperatorShadowProperty(string property, string entityType)
        => Format("'{0}' is a shadow property of '{1}', which exists only in EF's change tracker, not on the objects an operator run on the client sees. Map it to a CLR property, or project it before the operator.", property, entityType);

    /// <summary>A subquery over another entity set (or a navigation to one) in a projection or a client operator.</summary>
    public static string SubqueryNotSupported(string expression)
        => Format("'{0}' reads the items of another query inside this one: DynamoDB has no joins, and the provider looks up another entity type's items only for a subquery tied to the outer row by one key equality (a navigation, or 'Where(i => i.Key == o.Key)'). Query them on their own and combine the results in memory.", expression);

    /// <summary>A GroupBy result selector that projects the group's elements themselves.</summary>
    public static string GroupElementsProjected
        => "The GroupBy result selector uses the group's elements other than through an operator (for example 'new { key, elements }'): as in EF's relational providers, a group's elements can be aggregated ('elements.Count()', 'elements.Sum(…)') but not projected. Use GroupBy without a result selector, or aggregate the elements.";
    // --- subqueries read on the client (issue 11) ---

    /// <summary>An entity (or a collection of entities) compared with == or != in a part of a query run on the client.</summary>
    public static string ClientEntityComparison(string expression)
        => Format("'{0}' compares entities (or collections of them) as objects: EF compares entities by key, which the part of the query run on the client does not do. Compare their keys instead.", expression);

    /// <summary>List.Exists over a collection navigation, which EF does not translate.</summary>
    public static string ClientListExists(string expression)
        => Format("'{0}' calls 'List.Exists', which EF does not translate. Use 'Any' instead.", expression);

    /// <summary>A join, which needs lookups across tables.</summary>
    public static string JoinNotSupported(string @operator)
        => Format("'{0}' cannot be translated: DynamoDB has no joins; the provider looks up related items by key for Join, LeftJoin, navigations and SelectMany over a correlated subquery, not for this '{0}'. Query each entity type on its own and combine the results in memory.", @operator);

    /// <summary>A filtered collection Include with Skip or Take in a query that tracks (or resolves identities).</summary>
    public static string FilteredIncludeRowLimitWhenTracking(string navigation)
        => Format("The filtered Include of '{0}' uses Skip or Take in a tracking query: the provider reads the related items by key and tracks each one it reads, and EF's fix-up would put all of them in the collection, not only the rows Skip/Take keep. Add 'AsNoTracking()', or filter with Where only.", navigation);

    /// <summary>ExecuteUpdate/ExecuteDelete over a query with operators run on the client.</summary>
    public static string ExecuteAfterClientOperators(string method, string operators)
        => Format("'{0}' cannot follow {1}, which run on the client: '{0}' writes the items a DynamoDB request selects. Select the items with conditions DynamoDB can express, or read them and save the changes with SaveChangesAsync.", method, operators);

    /// <summary>ToPageAsync over a query with operators run on the client.</summary>
    public static string PageAfterClientOperators(string operators)
        => Format("ToPageAsync reads one page of DynamoDB items at a time, but {0} run on the client over all of the query's items. Read the results with ToListAsync, or page the query without them.", operators);

    /// <summary>A search for a byte inside a binary attribute.</summary>
    public static string BinaryNotSearchable(string property)
        => Format("'{0}' is stored as a binary (B) attribute, and DynamoDB's contains() searches only strings, sets and lists: it cannot look for a byte inside a binary value.", property);

    // --- model and storage: models written for other providers ---

    /// <summary>A concurrency token or row version inside an owned collection's elements.</summary>
    public static string ConcurrencyTokenInOwnedCollection(string ownedType, string property, string navigation)
        => Format("'{0}.{1}' is a concurrency token inside the owned collection '{2}'. An owned collection is stored as a list of maps and written whole, and a list position is no stable address for a condition: put the token on the owner, or on an owned reference.", ownedType, property, navigation);

    /// <summary>A keyless entity type whose table no keyed entity type stores.</summary>
    public static string KeylessTypeWithoutTable(string entityType, string table)
        => Format("The keyless entity type '{0}' is mapped to the table '{1}', which no entity type with a key stores. A keyless entity type is a read-only view over the items of a table: map it with 'ToTable' onto the table of an entity type that has a key, whose items it reads.", entityType, table);

    // --- Client evaluation ---

    /// <summary>The LINQ translation failure reason for a method a client-evaluated predicate may not call.</summary>
    public static string ClientEvaluationMethodNotEvaluable(string expression, string method)
        => Format("The predicate part '{0}' calls '{1}', which is neither a DynamoDB condition nor a .NET method EF evaluates: the provider checks on the returned items only what EF's own providers evaluate (mapped properties, and the methods and operators of .NET's types). Compute the value before the query, or filter after it.", expression, method);

    /// <summary>The LINQ translation failure reason for a culture-sensitive string comparison.</summary>
    public static string ClientEvaluationCultureComparison(string expression)
        => Format("The predicate part '{0}' compares strings by the rules of a culture, which depend on the machine that runs the query, so it is not evaluated; use 'StringComparison.Ordinal' or 'StringComparison.OrdinalIgnoreCase'.", expression);

    /// <summary>The LINQ translation failure reason for a comparison of two values that read no attribute.</summary>
    public static string ComparisonOfValues(string expression)
        => Format("The comparison '{0}' reads no attribute of the item, so it has no DynamoDB condition-expression form; evaluate it before the query.", expression);

    /// <summary>The LINQ translation failure reason for a comparison of two attributes.</summary>
    public static string ComparisonOfAttributes(string expression)
        => Format("The comparison '{0}' compares two attributes of the item, which a DynamoDB condition expression cannot: it compares an attribute (or its size) with a value.", expression);

    /// <summary>The LINQ translation failure reason for a computation over an attribute.</summary>
    public static string ComputedAttribute(string expression, string computed)
        => Format("The comparison '{0}' computes '{1}' from the item, which a DynamoDB condition expression cannot: it compares an attribute (or its size) with a value, and calls no methods and does no arithmetic on attributes.", expression, computed);

    // --- exactly once under lost responses ---

    /// <summary>Keys of a BatchGetItem read that DynamoDB still left unprocessed after the last attempt.</summary>
    public static string BatchGetUnprocessed(string entityType, string table, int notRead, int attempts)
        => Format("A query of '{0}' by keys could not read {2} key(s) from the table '{1}': DynamoDB still returned them as unprocessed (throttled) by BatchGetItem after {3} attempts. The query stopped; the items already returned were read. Run it again later, or give the table more read capacity.", entityType, table, notRead, attempts);

    // --- keys of three or more properties ---

    /// <summary>A null value for a part of a composite sort key.</summary>
    public static string CompositeSortKeyNullPart(int position)
        => Format("The sort-key part at position {0} of a composite sort key is null. Every property of an entity's key needs a value.", position);

    /// <summary>How a key of three or more properties is stored, for the messages about it.</summary>
    public static string CompositeKeyMapping(string partitionKey, string partitionKeyAttribute, string compositeAttribute, string parts)
        => Format("its key is stored as the partition key '{0}' (attribute '{1}') and one composite sort-key attribute '{2}' (a string) that encodes {3} in key order; each key property is also stored as its own attribute", partitionKey, partitionKeyAttribute, compositeAttribute, parts);

    /// <summary>HasPartitionKey names a property outside a key of three or more properties.</summary>
    public static string CompositeKeyPartitionKeyNotInKey(string entityType, string partitionKey, string keyProperties)
        => Format("'{0}' names '{1}' as its partition key (HasPartitionKey), but its key is {2}. In a key of three or more properties the partition key is one of the key's properties (the first by default); name one of them, or change the key with HasKey.", entityType, partitionKey, keyProperties);

    /// <summary>HasSortKey on an entity type whose key has three or more properties.</summary>
    public static string CompositeKeyWithSortKey(string entityType, string sortKey, string mapping)
        => Format("'{0}' names '{1}' as its sort key (HasSortKey), but {2}. A key of three or more properties has no single sort-key property: remove HasSortKey (rename the composite attribute with HasCompositeSortKeyAttributeName), or key the entity by two properties.", entityType, sortKey, mapping);

    /// <summary>A part of a composite sort key stored as a type the encoding cannot keep in order.</summary>
    public static string CompositeKeyPartNotSortable(string entityType, string property, string storedType, string mapping)
        => Format("The key property '{0}.{1}' is stored as '{2}', which the composite sort key cannot encode in sortable form ({3}). Use a key property stored as text, an integer, a floating-point number, a date or time, a Guid, a Boolean or binary (or give it a value converter to one of them).", entityType, property, storedType, mapping);

    /// <summary>The composite sort-key attribute's name is also a property's attribute.</summary>
    public static string CompositeSortKeyAttributeTaken(string entityType, string attribute, string property, string mapping)
        => Format("The composite sort-key attribute '{1}' of '{0}' is also the attribute of '{2}' in the same table ({3}). Rename one of them: the composite attribute with HasCompositeSortKeyAttributeName, or the property with HasAttributeName.", entityType, attribute, property, mapping);

    /// <summary>A composite sort-key part of a type the encoding cannot order.</summary>
    public static string CompositeSortKeyPartType(int position, string type)
        => Format("The sort-key part at position {0} of a composite sort key is stored as '{1}', which the composite sort key cannot encode in sortable form. Use a key property stored as text, an integer, a floating-point number, a date or time, a Guid, a Boolean or binary (or give it a value converter to one of them).", position, type);
    // --- generated integer keys ---

    /// <summary>A generated integer key whose counters table does not exist.</summary>
    public static string KeyCountersTableMissing(string table, string entityType, string property)
        => Format("The key '{2}' of a new '{1}' is generated from a key counter in the table '{0}', which does not exist. Nothing was written. Create it with 'Database.EnsureCreatedAsync()' (or from 'GetCreateTableRequests()'), or set the key yourself.", table, entityType, property);

    /// <summary>A key counter past the range of the key's type.</summary>
    public static string KeyCounterOverflow(string entityType, string property, long value, string type)
        => Format("The key counter of '{0}.{1}' reached {2}, beyond what its type '{3}' can hold. Nothing was written. Use a wider key type (long), or reset the counter item if the values below it are free.", entityType, property, value, type);

    // --- loading and indexes from other providers' models ---

    /// <summary>The scan warning of loading a collection navigation whose foreign key no index has as partition key.</summary>
    public static string NavigationLoadScan(string navigation, string table, string dependent, string foreignKey)
        => Format("Loading '{0}' reads the whole table '{1}' with a Scan: neither the table nor a secondary index of '{2}' has {3} as its partition key. Call 'modelBuilder.MapIndexesToGlobalSecondaryIndexes()' (the index EF creates for the foreign key becomes a global secondary index) or declare a global secondary index on {3} to load it with a Query.", navigation, table, dependent, foreignKey);

    // --- relationship lookups by Query per key, item collections ---

    /// <summary>A lookup (navigation, Include, join) that reads a whole table because no table or index has its key as partition key.</summary>
    public static string LookupScan(string lookup, string table, string entityType, string key)
        => Format("The lookup of {0} reads the whole table '{1}' with a Scan: neither the table nor a secondary index of '{2}' has '{3}' as its partition key. Call 'modelBuilder.MapIndexesToGlobalSecondaryIndexes()' (the index EF creates for a foreign key becomes a global secondary index) or declare a global secondary index on '{3}' to look it up with a Query per key.", lookup, table, entityType, key);

    // --- unique indexes enforced with guard items ---

    /// <summary>A unique index value already claimed (values not shown: sensitive data logging is off).</summary>
    public static string UniqueIndexDuplicate(string entityType, string index, bool inSave)
        => Format("Cannot save the '{0}': the unique index {1} already holds its value{2}. Enable sensitive data logging to see the value.", entityType, index, inSave ? " for another entity of the same save" : "");

    /// <summary>A unique index value already claimed, with the value.</summary>
    public static string UniqueIndexDuplicateSensitive(string entityType, string index, string value, bool inSave)
        => Format("Cannot save the '{0}': the unique index {1} already holds the value {2}{3}.", entityType, index, value, inSave ? " for another entity of the same save" : "");

    /// <summary>A unique index over a property whose stored value is not a string, number, binary or boolean.</summary>
    public static string UniqueIndexValueNotScalar(string entityType, string index, string property)
        => Format("The unique index {1} of '{0}' includes '{2}', whose stored value is not a string, number, binary or boolean, so it cannot be enforced. Index scalar properties only.", entityType, index, property);

    /// <summary>A batch write of an entity type with a unique index.</summary>
    public static string BatchUniqueIndex(string method, string entityType, string index)
        => Format("{0} cannot write '{1}': it has the unique index {2}, whose guard items BatchWriteItem cannot write atomically with the items; nothing was sent. Use SaveChangesAsync, which enforces the index.", method, entityType, index);

    /// <summary>The LINQ translation failure reason for ExecuteUpdate setting a property of a unique index.</summary>
    public static string ExecuteUpdateUniqueIndex(string entityType, string property, string index)
        => Format("ExecuteUpdate cannot set '{0}.{1}': it is part of the unique index {2}, whose guard items a bulk update does not move. Load the entities and change them with SaveChangesAsync, which enforces the index.", entityType, property, index);

    /// <summary>The LINQ translation failure reason for ExecuteDelete of an entity type with a unique index.</summary>
    public static string ExecuteDeleteUniqueIndex(string entityType, string index)
        => Format("ExecuteDelete cannot delete '{0}': it has the unique index {1}, whose guard items a bulk delete does not delete (they would keep the values taken). Load the entities and remove them with SaveChangesAsync.", entityType, index);

    // --- deletes that reach dependents not loaded (cascade delete) ---

    /// <summary>The scan warning of finding a deleted principal's dependents through a foreign key no index has as partition key.</summary>
    public static string CascadeDeleteScan(string relationship, string table, string dependent, string foreignKey)
        => Format("Deleting through the relationship {0} reads the whole table '{1}' with a Scan to find the '{2}' items that refer to the deleted entities: neither the table nor a secondary index of '{2}' has {3} as its partition key. Call 'modelBuilder.MapIndexesToGlobalSecondaryIndexes()' (the index EF creates for the foreign key becomes a global secondary index) or declare a global secondary index on {3} to find them with a Query.", relationship, table, dependent, foreignKey);

    /// <summary>A cascade delete that would need more items than one transaction holds.</summary>
    public static string CascadeDeleteTooManyItems(string principal, string relationship, string behavior, int limit)
        => Format("Deleting '{0}' reaches its dependents through the relationship {1} ({2}): with them SaveChanges would write more than {3} items, but one DynamoDB transaction holds at most {3}. Nothing was sent. Delete the dependents in smaller saves first, or set 'Database.AutoTransactionBehavior = AutoTransactionBehavior.Never' to write each item independently (not atomically).", principal, relationship, behavior, limit);

    /// <summary>A deleted principal that untracked dependents still refer to, under a delete behavior that does not cascade in the database.</summary>
    public static string DeleteRestrictedByDependents(string principal, string dependent, string relationship, string behavior)
        => Format("Cannot delete '{0}': stored '{1}' items still refer to it through the relationship {2}, whose delete behavior is {3}, and they are not tracked, so nothing would change them (a relational database refuses this delete too). Nothing was sent. Delete or re-point those dependents first (or load them, so EF applies {3} to them), or configure the relationship with 'OnDelete(DeleteBehavior.Cascade)' or 'OnDelete(DeleteBehavior.SetNull)'.", principal, dependent, relationship, behavior);
}
