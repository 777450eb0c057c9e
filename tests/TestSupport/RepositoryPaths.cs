namespace ParticipaBot.TestSupport;

/// <summary>Finds the checkout's root and the shared folder beside it, wherever the test runs from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds ParticipaBot.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>../shared beside the checkout: docs, schemas and seeds.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The node tools installed by scripts/setup.sh (tools/node_modules/.bin).</summary>
    public static string NodeBin => Path.Combine(Root, "tools", "node_modules", ".bin");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ParticipaBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ParticipaBot.sln not found above " + AppContext.BaseDirectory);
    }
}
