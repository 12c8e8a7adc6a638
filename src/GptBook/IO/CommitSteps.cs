namespace GptBook.IO;

/// <summary>
/// The named points of <see cref="OutputTransaction.Commit"/>, in order. The fault-injection tests stop a build at
/// each of them (the CLI kills itself there when GPTBOOK_TEST_KILL_AT names one) and check what the next build finds.
/// </summary>
public static class CommitSteps
{
    /// <summary>Every output is complete in the staging folder; nothing is written yet.</summary>
    public const string Staged = "staged";

    /// <summary>The journal (what will move where, and the new outputs' hashes) is written; nothing has moved yet.</summary>
    public const string Prepared = "prepared";

    /// <summary>All outputs are in place and the commit is marked done; only the previous outputs remain to delete.</summary>
    public const string Committed = "committed";

    /// <summary>One output (its path relative to the output folder) has just been moved into place.</summary>
    public static string Moved(string relativePath) => "moved:" + relativePath;
}
