using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace GptBook.IO;

/// <summary>
/// The code that makes the outputs, as "name version" lines in ordinal order: this library by its module version id
/// (deterministic compilation makes it a hash of the code), every package assembly it references directly or
/// through another package, by the informational version the package stamped on it (the package version, usually
/// with its source commit), and the .NET runtime (its Deflate, Brotli and text encoders write bytes into the
/// outputs). A new version of any of them makes a new build fingerprint and new derived-file cache keys, so an
/// updated dependency never leaves a stale "up to date". In the native executable (the CLI compiled ahead of time)
/// the code, the packages and the runtime are all in that one file and no assembly has a file of its own, so the
/// identity is the file's: the build ID its linker computed over it (<see cref="ElfBuildId"/>), else its SHA-256.
/// </summary>
public static class CodeIdentity
{
    /// <summary>Computed once per process: loading the referenced assemblies costs a few milliseconds.</summary>
    public static IReadOnlyList<string> Parts { get; } = Compute();

    private static List<string> Compute() =>
        string.IsNullOrEmpty(AssemblyFile(typeof(CodeIdentity).Assembly)) ? FromExecutable() : FromAssemblies();

    private static List<string> FromExecutable()
    {
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("the running executable has no path");
        if (ElfBuildId.Read(executable) is { } buildId) return [$"{Path.GetFileName(executable)} build {buildId}"];
        using var stream = File.OpenRead(executable);
        return [$"{Path.GetFileName(executable)} {Convert.ToHexStringLower(SHA256.HashData(stream))}"];
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026",
        Justification = "Only reached when the assemblies are files of their own (JIT-compiled or ReadyToRun), which the trimmer never sees.")]
    private static List<string> FromAssemblies()
    {
        var own = typeof(CodeIdentity).Assembly;
        var frameworkDirectory = Path.GetDirectoryName(AssemblyFile(typeof(object).Assembly)) ?? "";
        var packages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal) { own.GetName().Name! };
        var pending = new Queue<Assembly>([own]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name == null || !visited.Add(reference.Name)) continue;
                Assembly loaded;
                try
                {
                    loaded = Assembly.Load(reference);
                }
                catch (FileNotFoundException)
                {
                    // A reference the code never reaches at run time (an optional dependency not shipped): named by
                    // the version it was compiled against.
                    packages[reference.Name] = $"{reference.Version} (not shipped)";
                    continue;
                }
                if (IsFramework(loaded, frameworkDirectory)) continue; // the runtime's version covers it
                packages[reference.Name] = VersionOf(loaded);
                pending.Enqueue(loaded);
            }
        }
        return
        [
            $"{own.GetName().Name} {own.ManifestModule.ModuleVersionId}",
            $".NET {RuntimeInformation.FrameworkDescription}",
            .. packages.Select(p => $"{p.Key} {p.Value}"),
        ];
    }

    private static bool IsFramework(Assembly assembly, string frameworkDirectory) =>
        frameworkDirectory.Length > 0 && AssemblyFile(assembly) is { Length: > 0 } file
        && string.Equals(Path.GetDirectoryName(file), frameworkDirectory, StringComparison.Ordinal);

    /// <summary>The assembly's file, or empty when it was compiled into the executable.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "The empty location of an assembly inside the executable is what tells the two cases apart.")]
    private static string AssemblyFile(Assembly assembly) => assembly.Location;

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unversioned";
}
