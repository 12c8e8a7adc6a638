using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Layout;

/// <summary>
/// The body's boxes, set on several threads. Setting a block's rows (styling, line breaking, formulas, tables) is
/// most of the layout's time and depends on nothing but the block, so the top-level blocks of all chapters are cut
/// into runs of consecutive blocks, and each run is set on a thread of its own with its own
/// <see cref="BlockBoxBuilder"/> over a <see cref="LayoutContext.Detached"/> context. Then, on the calling thread and
/// in reading order, each block's diagnostics are taken over (<see cref="LayoutContext.Adopt"/>) and the chapter's
/// footnotes are attached to its rows (a note goes with its first reference, which only a walk in order can tell),
/// so that the boxes and the diagnostics, their order included, are those a single thread makes, whatever the
/// number of threads.
/// </summary>
public sealed class BodyBoxBuilder(LayoutContext context, string bookLanguage, int parallelism)
{
    // More runs than threads, so that a thread that drew light chapters takes another run while the other finishes.
    private const int RunsPerThread = 4;

    public List<LayoutBox> Build(IReadOnlyList<Chapter> chapters, StructureNode root)
    {
        var blocks = new List<(Chapter Chapter, int Index)>();
        foreach (var chapter in chapters)
            for (var i = 0; i < chapter.Blocks.Count; i++) blocks.Add((chapter, i));
        var threads = Math.Max(1, parallelism);
        var runs = new Run[Math.Clamp(threads * RunsPerThread, 1, Math.Max(1, blocks.Count))];
        void SetRun(int r)
        {
            var (from, to) = (blocks.Count * r / runs.Length, blocks.Count * (r + 1) / runs.Length);
            var worker = context.Detached();
            var builder = new BlockBoxBuilder(worker, bookLanguage);
            var rows = new TopLevelRows[to - from];
            var reportedBy = new int[to - from];
            for (var k = from; k < to; k++)
            {
                rows[k - from] = builder.TopLevel(blocks[k].Chapter, blocks[k].Index, root);
                reportedBy[k - from] = worker.Diagnostics.Count;
            }
            runs[r] = new Run(from, worker, rows, reportedBy);
        }
        if (threads == 1 || runs.Length == 1)
            for (var r = 0; r < runs.Length; r++) SetRun(r);
        else
            Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, SetRun);

        var boxes = new List<LayoutBox>();
        var main = new BlockBoxBuilder(context, bookLanguage);
        var (run, k0) = (0, 0);
        foreach (var chapter in chapters)
        {
            main.BeginChapter(chapter);
            for (var i = 0; i < chapter.Blocks.Count; i++, k0++)
            {
                while (k0 >= runs[run].From + runs[run].Rows.Length) run++;
                var part = runs[run];
                var local = k0 - part.From;
                context.Adopt(part.Context, part.Reported(local));
                boxes.Add(main.Box(part.Rows[local]));
            }
            boxes.AddRange(main.Unplaced(chapter, root));
        }
        return boxes;
    }

    /// <summary>One run of consecutive blocks from <see cref="From"/>, and how many findings its context held after each.</summary>
    private sealed record Run(int From, LayoutContext Context, TopLevelRows[] Rows, int[] ReportedBy)
    {
        private readonly IReadOnlyList<Diagnostic> _all = Context.Diagnostics.Items;

        /// <summary>The findings reported while block <paramref name="local"/> of the run was set.</summary>
        public IEnumerable<Diagnostic> Reported(int local)
        {
            var start = local == 0 ? 0 : ReportedBy[local - 1];
            for (var i = start; i < ReportedBy[local]; i++) yield return _all[i];
        }
    }
}
