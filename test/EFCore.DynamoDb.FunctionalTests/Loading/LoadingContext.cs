using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Loading;

/// <summary>Shoppers and their baskets, with EF's indexes mapped to GSIs (the foreign key's is IX_Basket_ShopperId).</summary>
public class LoadingContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The principals.</summary>
    public DbSet<Shopper> Shoppers => Set<Shopper>();

    /// <summary>The dependents.</summary>
    public DbSet<Basket> Baskets => Set<Basket>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Basket>().HasOne(b => b.Shopper).WithMany(s => s.Baskets).HasForeignKey(b => b.ShopperId);
        if (MapsIndexes)
        {
            modelBuilder.MapIndexesToGlobalSecondaryIndexes();
        }
    }

    /// <summary>False for the model whose foreign key has no index, so loading its collection has to Scan.</summary>
    protected virtual bool MapsIndexes => true;
}

/// <summary>The same model without <c>MapIndexesToGlobalSecondaryIndexes</c>.</summary>
public class UnindexedLoadingContext(DbContextOptions options) : LoadingContext(options)
{
    /// <inheritdoc />
    protected override bool MapsIndexes => false;
}
