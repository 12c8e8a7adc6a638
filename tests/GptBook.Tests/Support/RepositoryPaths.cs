namespace GptBook.Tests.Support;

/// <summary>Finds the repository from the test binaries, so tests can read content/, assets/ and fixtures.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string BookYml => Path.Combine(Root, "content", "book.yml");

    public static string Fixtures => Path.Combine(Root, "tests", "GptBook.Tests", "fixtures");

    public static string Expected => Path.Combine(Root, "tests", "GptBook.Tests", "expected");

    /// <summary>The native executable `dotnet cake` compiles ahead of time (build.cake's Build target).</summary>
    public static string NativeExecutable => Path.Combine(Root, "src", "GptBook.Cli", "bin", "Release",
        $"native-{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}", "gptbook");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GptBook.sln")))
                return dir.FullName;
        throw new InvalidOperationException("GptBook.sln not found above " + AppContext.BaseDirectory);
    }
}
