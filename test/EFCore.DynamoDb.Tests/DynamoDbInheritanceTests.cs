using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>A TPH hierarchy is stored in its root's table, told apart by EF's discriminator.</summary>
public sealed class DynamoDbInheritanceTests : IDisposable
{
    private readonly ScenarioContext _db = TestContexts.Scenario(
        b =>
        {
            b.Entity<Animal>();
            b.Entity<Dog>();
            b.Entity<Puppy>();
            b.Entity<Cat>();
        },
        scenario: nameof(DynamoDbInheritanceTests));

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_hierarchy_has_one_table()
    {
        // Besides the key counters table of its generated int key.
        Assert.Equal(["Animal", "EFKeyCounters"], _db.Database.GetCreateTableRequests().Select(r => r.TableName));
        Assert.Equal("Animal", _db.Model.FindEntityType(typeof(Puppy))!.GetTableName());
    }

    [Fact]
    public void A_derived_entity_is_written_to_the_root_table_with_its_discriminator()
    {
        var dog = new Dog { Id = 1, Name = "Rex", Barks = true };
        _db.Add(dog);

        var command = _db.GetService<DynamoDbWriteCommandFactory>().Create(_db.Entry(dog).GetInfrastructure())!;

        Assert.Equal("Animal", command.TableName);
        Assert.Equal(
            new Dictionary<string, string> { ["Id"] = "N:1", ["$type"] = "S:Dog", ["Name"] = "S:Rex", ["Barks"] = "BOOL:true" },
            AttributeValues.Describe(command.KeyOrItem));
    }

    [Fact]
    public void A_query_on_the_root_type_reads_every_item()
    {
        var request = RequestJson.Of(_db.Set<Animal>());

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void A_keyless_view_over_the_hierarchys_table_is_no_other_kind_of_item_there()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Animal>();
                b.Entity<Dog>();
                b.Entity<AnimalName>().HasNoKey().ToTable("Animal");
            },
            scenario: nameof(A_keyless_view_over_the_hierarchys_table_is_no_other_kind_of_item_there));

        var animals = RequestJson.Of(db.Set<Animal>());
        var names = RequestJson.Of(db.Set<AnimalName>());

        // The root type reads every item of its table, as without the view; the view reads them all too.
        Assert.Equal("Scan", animals.Member("Operation"));
        Assert.Null(animals.Member("FilterExpression"));
        Assert.Equal("Scan", names.Member("Operation"));
        Assert.Equal("Animal", names.Member("TableName"));
        Assert.Null(names.Member("FilterExpression"));
    }

    [Fact]
    public void A_query_on_a_derived_type_reads_only_its_items_and_those_of_its_derived_types()
    {
        var request = RequestJson.Of(_db.Set<Dog>());

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("Animal", request.Member("TableName"));
        Assert.Equal("#n0 IN (:v0, :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "$type" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:Dog", [":v1"] = "S:Puppy" }, request.Values());
    }

    [Fact]
    public void A_key_lookup_on_a_derived_type_is_a_GetItem_that_checks_the_discriminator_on_the_item()
    {
        var query = _db.Set<Cat>().Where(c => c.Id == 7);
        var request = RequestJson.Of(query);

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal(new Dictionary<string, string> { ["Id"] = "N:7" }, request.Map("Key"));
        Assert.Null(request.Member("FilterExpression"));
        Assert.Contains("Then checked on each returned item", query.ToQueryString());
        Assert.Contains("$type", query.ToQueryString());
    }

    [Theory]
    [InlineData("ByName")]
    [InlineData("ByAge")]
    public void WithIndex_on_a_derived_type_finds_an_index_of_its_base_type_or_its_own(string indexName)
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Animal>().HasGlobalSecondaryIndex("ByName", a => a.Name);
                b.Entity<Dog>();
                b.Entity<Puppy>().HasGlobalSecondaryIndex("ByAge", p => p.AgeInWeeks);
            },
            scenario: nameof(WithIndex_on_a_derived_type_finds_an_index_of_its_base_type_or_its_own));

        var request = RequestJson.Of(indexName == "ByName"
            ? db.Set<Puppy>().WithIndex(indexName).Where(p => p.Name == "Rex")
            : db.Set<Puppy>().WithIndex(indexName).Where(p => p.AgeInWeeks == 8));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal(indexName, request.Member("IndexName"));
    }

    [Fact]
    public void A_key_lookup_on_the_root_type_is_a_GetItem()
        => Assert.Equal("GetItem", RequestJson.Of(_db.Set<Animal>().Where(a => a.Id == 7)).Member("Operation"));

    public class Animal
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";
    }

    public class Dog : Animal
    {
        public bool Barks { get; set; }
    }

    public class Puppy : Dog
    {
        public int AgeInWeeks { get; set; }
    }

    public class AnimalName
    {
        public string Name { get; set; } = "";
    }

    public class Cat : Animal
    {
        public int Lives { get; set; }
    }
}
