using System.Reflection;
using System.Runtime.InteropServices;

namespace GptBook.IO;

/// <summary>
/// The code that makes the outputs, as "name version" lines in ordinal order: this library by its module version id
/// (deterministic compilation makes it a hash of the code), every package assembly it references directly or
/// through another package, by the informational version the package stamped on it (the package version, usually
/// with its source commit), and the .NET runtime (its Deflate, Brotli and text encoders write bytes into the
/// outputs). A new version of any of them makes a new build fingerprint and new derived-file cache keys, so an
/// updated dependency never leaves a stale "up to date".
/// </summary>
public static class CodeIdentity
{
    /// <summary>Computed once per process: loading the referenced assemblies costs a few milliseconds.</summary>
    public static IReadOnlyList<string> Parts { get; } = Compute();

    private static List<string> Compute()
    {
        var own = typeof(CodeIdentity).Assembly;
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
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
        frameworkDirectory.Length > 0 && !string.IsNullOrEmpty(assembly.Location)
        && string.Equals(Path.GetDirectoryName(assembly.Location), frameworkDirectory, StringComparison.Ordinal);

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unversioned";
}
