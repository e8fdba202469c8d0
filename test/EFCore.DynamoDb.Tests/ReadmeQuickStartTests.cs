namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The README's quick start compiles and runs as pasted: it is the Program.cs of samples/QuickStart, which the
/// solution builds with warnings as errors, and this test keeps the two texts identical.
/// </summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void The_README_quick_start_is_the_QuickStart_sample_s_Program()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var program = File.ReadAllText(Path.Combine(root, "samples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");

        var section = readme[readme.IndexOf("\n## Quick start\n", StringComparison.Ordinal)..];
        var start = section.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var end = section.IndexOf("```\n", start, StringComparison.Ordinal);

        Assert.Equal(program, section[start..end]);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EFCore.DynamoDb.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (the folder of EFCore.DynamoDb.sln) is not above " + AppContext.BaseDirectory);
    }
}
