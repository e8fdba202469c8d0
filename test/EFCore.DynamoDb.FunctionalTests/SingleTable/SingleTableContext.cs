using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>
/// Single-table design: customers, orders, invoices and a payment hierarchy in the table "App" (keys PK, SK; the
/// orders' index ByStatus); notes and labels in "Kinds" with the discriminator renamed to "kind" and values of
/// their own; one type alone in "Standalone".
/// </summary>
public class SingleTableContext(DbContextOptions<SingleTableContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<CardPayment> CardPayments => Set<CardPayment>();

    public DbSet<BankPayment> BankPayments => Set<BankPayment>();

    public DbSet<Standalone> Standalones => Set<Standalone>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Label> Labels => Set<Label>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(b => b.ToTable("App").HasKey(c => new { c.PK, c.SK }));
        modelBuilder.Entity<Order>(b =>
        {
            b.ToTable("App").HasKey(o => new { o.PK, o.SK });
            b.HasGlobalSecondaryIndex("ByStatus", o => o.Status, o => o.SK);
        });
        modelBuilder.Entity<Invoice>(b => b.ToTable("App").HasKey(i => new { i.PK, i.SK }));
        modelBuilder.Entity<Payment>(b => b.ToTable("App").HasKey(p => new { p.PK, p.SK }));
        modelBuilder.Entity<CardPayment>();
        modelBuilder.Entity<BankPayment>();
        modelBuilder.Entity<Standalone>().ToTable("Standalone");
        modelBuilder.Entity<Note>(b =>
        {
            b.ToTable("Kinds");
            b.HasDiscriminator<string>("kind").HasValue("N");
        });
        modelBuilder.Entity<Label>(b =>
        {
            b.ToTable("Kinds");
            b.HasDiscriminator<string>("kind").HasValue("L");
        });
    }
}
