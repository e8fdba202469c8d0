using Microsoft.EntityFrameworkCore;

namespace Operations;

/// <summary>One table, Notes.</summary>
public class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}
