// GptBook's build. Thin on purpose: every task runs the CLI (src/GptBook.Cli) or dotnet; the logic lives in C#.
//   dotnet cake                         build every format into output/
//   dotnet cake --target=Render-Pdf     one format
//   dotnet cake --book=my.md --output=out --strict=true
// Tasks are Verb-Noun. See README.md.

var target = Argument("target", "Default");
// The only configuration (Directory.Build.props, GptBook.sln): `dotnet test` runs against the binaries built here.
const string configuration = "Release";
var book = Argument("book", "content/book.yml");
var output = Argument("output", "output");
var strict = Argument("strict", false);

var cliProject = "./src/GptBook.Cli/GptBook.Cli.csproj";
// The CLI is published as one native executable compiled ahead of time (its project file sets NativeAOT for this
// machine's runtime and processor), so a build's process starts without a JIT, type loading or tiering: half the
// time of the JIT-compiled tool for a long book, a third for the article (README, Performance).
var cliRuntime = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
var cliDirectory = $"./src/GptBook.Cli/bin/{configuration}/native-{cliRuntime}";
var cliExecutable = $"{cliDirectory}/gptbook";
// Written after each publish: the native linker leaves an unchanged executable with its old time, so the file's own
// time says nothing about when the CLI was last brought up to date.
var cliStamp = $"{cliDirectory}/.published";

void RunCli(params string[] arguments)
{
    var args = new ProcessArgumentBuilder();
    foreach (var a in arguments) args.AppendQuoted(a);
    var exit = StartProcess(cliExecutable, new ProcessSettings { Arguments = args });
    if (exit != 0) throw new CakeException(exit, $"gptbook exited with {exit}");
}

void Render(string formats) =>
    RunCli(new[] { "build", book, "--output", output, "--format", formats }
        .Concat(strict ? new[] { "--strict" } : Array.Empty<string>()).ToArray());

// MSBuild's own up-to-date check costs seconds; comparing timestamps costs milliseconds, which is what makes a
// rerun of `dotnet cake` with nothing changed quick.
bool CliIsUpToDate()
{
    var stamp = new System.IO.FileInfo(cliStamp);
    if (!stamp.Exists || !System.IO.File.Exists(cliExecutable)) return false;
    // The CLI's own projects only, without their bin/ and obj/ (building the benchmarks or the tests rewrites
    // generated files there, which says nothing about the CLI).
    var inputs = (GetFiles("./src/GptBook/**/*.cs") + GetFiles("./src/GptBook.Cli/**/*.cs") + GetFiles("./src/GptBook*/GptBook*.csproj")
            + GetFiles("./src/GptBook/Site/Assets/*")
            + GetFiles("./Directory.*.props") + GetFiles("./src/Directory.Build.props") + GetFiles("./.editorconfig") + GetFiles("./global.json")
            + GetFiles("./assets/fonts/*.ttf"))
        .Where(f => !f.FullPath.Contains("/obj/") && !f.FullPath.Contains("/bin/"));
    return inputs.All(f => System.IO.File.GetLastWriteTimeUtc(f.FullPath) <= stamp.LastWriteTimeUtc);
}

// NativeAOT links the executable with the system's C toolchain (gcc or clang, and binutils). Without one the CLI
// is published ReadyToRun instead, to the same place: the same outputs, a slower start (README, Performance).
bool HasCToolchain() =>
    new[] { "clang", "gcc" }.Any(tool => (EnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
        .Any(dir => dir.Length > 0 && System.IO.File.Exists(System.IO.Path.Combine(dir, tool))));

Task("Build")
    .Description("Compile the CLI ahead of time into a native executable (skipped when no source is newer than the last build).")
    .WithCriteria(() => !CliIsUpToDate(), "the CLI is up to date")
    .Does(() =>
    {
        var native = HasCToolchain();
        if (!native)
            Warning("No C toolchain (gcc or clang) on the PATH: the CLI is published ReadyToRun instead of as a native executable.");
        // Emptied first, so that the folder holds one kind of CLI: a ReadyToRun publish leaves a dozen assemblies
        // that a native executable published over them would not use.
        CleanDirectory(cliDirectory);
        DotNetPublish(cliProject, new DotNetPublishSettings
        {
            Configuration = configuration,
            OutputDirectory = cliDirectory,
            NoLogo = true,
            MSBuildSettings = native ? null : new DotNetMSBuildSettings()
                .WithProperty("PublishAot", "false").WithProperty("PublishReadyToRun", "true"),
        });
        System.IO.File.WriteAllText(cliStamp, "");
    });

Task("Run-Tests")
    .Description("Run the test suite (dotnet test GptBook.sln).")
    .Does(() => DotNetTest("./GptBook.sln", new DotNetTestSettings { NoLogo = true }));

Task("Render-Epub").Description("Write <output>/<id>.epub.").IsDependentOn("Build").Does(() => Render("epub"));
Task("Render-Pdf").Description("Write <output>/<id>.pdf.").IsDependentOn("Build").Does(() => Render("pdf"));
Task("Render-Site").Description("Write <output>/site/.").IsDependentOn("Build").Does(() => Render("site"));

Task("Render-All")
    .Description("Write every format in one run (the stages they share run once).")
    .IsDependentOn("Build")
    .Does(() => Render("epub,pdf,site"));

Task("Validate-Epub")
    .Description("Check the EPUB with epubcheck (apt-get install epubcheck).")
    .Does(() =>
    {
        var epubs = GetFiles($"{output}/*.epub");
        if (epubs.Count == 0) throw new CakeException("no EPUB in " + output + "; run Render-Epub first");
        // Debian installs /usr/bin/epubcheck as the jar itself, which runs only where binfmt_misc knows jars.
        var jar = "/usr/share/java/epubcheck.jar";
        foreach (var epub in epubs)
        {
            var exit = System.IO.File.Exists(jar)
                ? StartProcess("java", new ProcessSettings { Arguments = new ProcessArgumentBuilder().Append("-jar").AppendQuoted(jar).AppendQuoted(epub.FullPath) })
                : StartProcess("epubcheck", new ProcessSettings { Arguments = new ProcessArgumentBuilder().AppendQuoted(epub.FullPath) });
            if (exit != 0) throw new CakeException(exit, $"epubcheck found problems in {epub}");
        }
    });

Task("Preview")
    .Description("Build the site, serve it on http://127.0.0.1 and rebuild when the content changes (Ctrl+C stops).")
    .IsDependentOn("Build")
    .Does(() => RunCli("serve", book, "--output", output));

Task("Bench")
    .Description("Whole-process benchmark: the article and synthetic books of 40/80 chapters, PDF alone and all formats, against Typst (installed from npm into output/bench/) and pandoc if installed; writes output/bench/results.md.")
    .IsDependentOn("Build")
    .Does(() => DotNetRun("./src/GptBook.Benchmarks/GptBook.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("e2e").Append("--cli").AppendQuoted(cliExecutable).Append("--out").AppendQuoted($"{output}/bench"),
        new DotNetRunSettings { Configuration = "Release" }));

Task("Bench-Micro")
    .Description("BenchmarkDotNet micro-benchmarks of the hot paths (width measurement, line breaking, pagination, font subsetting, PDFsharp face loading, the PDF writer against a reopen-and-save).")
    .Does(() => DotNetRun("./src/GptBook.Benchmarks/GptBook.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("micro").Append("--filter").Append("*"),
        new DotNetRunSettings { Configuration = "Release" }));

Task("Default").IsDependentOn("Render-All");

RunTarget(target);
