namespace GptBook.Benchmarks.Typst;

/// <summary>
/// Typst, the benchmark's anchor, through its Node compiler from npm (the Typst compiler built as a native Node
/// module). The Bench target installs it on first use into <c>&lt;cache&gt;/node_modules</c> (outside the
/// repository's tracked files) with npm, beside a small script that compiles one document to a PDF. Typst sees
/// only our bundled fonts: the script names the font folder, and <c>FONTCONFIG_FILE</c> points at a fontconfig
/// file that lists just that folder, so that no system font is scanned or picked.
/// </summary>
public sealed class TypstCompiler
{
    /// <summary>Pinned so that runs stay comparable; 0.7.0 was the newest served when the benchmark was written.</summary>
    public const string Package = "@myriaddreamin/typst-ts-node-compiler";
    public const string Version = "0.7.0";

    private const string Script = """
        // Compiles one Typst document to a PDF: node compile.mjs MAIN WORKSPACE FONTS OUT
        import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
        import { writeFileSync } from 'node:fs';
        const [main, workspace, fonts, out] = process.argv.slice(2);
        const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [fonts] }] });
        const compiled = compiler.compile({ mainFilePath: main });
        if (!compiled.result) {
          console.error(JSON.stringify(compiler.fetchDiagnostics(compiled.takeDiagnostics()), null, 1));
          process.exit(1);
        }
        writeFileSync(out, compiler.pdf(compiled.result));
        """;

    private readonly string _directory;
    private readonly string _fonts;

    private TypstCompiler(string directory, string fonts)
    {
        _directory = directory;
        _fonts = fonts;
    }

    /// <summary>The compiler in <paramref name="cacheDirectory"/>, installed there first if needed; null (with the
    /// reason in <paramref name="problem"/>) where node or npm is missing or the install fails.</summary>
    public static TypstCompiler? Prepare(string cacheDirectory, string fontDirectory, out string? problem)
    {
        problem = null;
        if (!ProcessMeasurement.Installed("node") || !ProcessMeasurement.Installed("npm"))
        {
            problem = "node and npm are not installed";
            return null;
        }
        Directory.CreateDirectory(cacheDirectory);
        var installed = Path.Combine(cacheDirectory, "node_modules", "@myriaddreamin", "typst-ts-node-compiler", "package.json");
        if (!File.Exists(installed) || !File.ReadAllText(installed).Contains($"\"version\": \"{Version}\"", StringComparison.Ordinal))
        {
            Console.WriteLine($"Installing {Package}@{Version} into {cacheDirectory} …");
            var npm = ProcessMeasurement.Run("npm", ["install", "--prefix", cacheDirectory, "--no-save", "--no-audit", "--no-fund", $"{Package}@{Version}"], cacheDirectory);
            if (npm.ExitCode != 0 || !File.Exists(installed))
            {
                problem = $"npm install {Package}@{Version} failed: {npm.Output.Trim()}";
                return null;
            }
        }
        File.WriteAllText(Path.Combine(cacheDirectory, "compile.mjs"), Script);
        File.WriteAllText(Path.Combine(cacheDirectory, "fonts.conf"), $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>{fontDirectory}</dir><cachedir>{Path.Combine(cacheDirectory, "fontconfig")}</cachedir></fontconfig>
            """);
        return new TypstCompiler(cacheDirectory, fontDirectory);
    }

    /// <summary>Compiles <paramref name="mainFile"/> (inside <paramref name="workspace"/>) to <paramref name="pdf"/>, measured as a whole process.</summary>
    public ProcessMeasurement.Measured Compile(string mainFile, string workspace, string pdf) =>
        ProcessMeasurement.Run("node", [Path.Combine(_directory, "compile.mjs"), mainFile, workspace, _fonts, pdf], _directory,
            new Dictionary<string, string> { ["FONTCONFIG_FILE"] = Path.Combine(_directory, "fonts.conf") });
}
