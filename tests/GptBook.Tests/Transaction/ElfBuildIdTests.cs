using System.Buffers.Binary;
using GptBook.IO;
using GptBook.Tests.Support;

namespace GptBook.Tests.Transaction;

/// <summary>The native executable's code identity is the build ID its linker wrote; these read it from real files.</summary>
public class ElfBuildIdTests
{
    [SkippableFact]
    public void Reads_the_build_id_readelf_shows_in_the_native_executable()
    {
        var executable = RepositoryPaths.NativeExecutable;
        Skip.IfNot(File.Exists(executable), "the native executable is built by `dotnet cake`");
        var readelf = ExternalTool.Run("readelf", ["-n", executable]);

        var shown = readelf.StdOut.Split('\n').Single(l => l.Contains("Build ID:", StringComparison.Ordinal)).Split(':')[1].Trim();
        Assert.Matches("^[0-9a-f]{40}$", shown);
        Assert.Equal(shown, ElfBuildId.Read(executable));
    }

    [Fact]
    public void Finds_the_gnu_build_id_after_other_notes_in_a_note_segment()
    {
        using var dir = new TemporaryDirectory();
        var id = new byte[] { 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03 };
        var path = dir.Combine("a.out");
        File.WriteAllBytes(path, Elf(Note(1, "GNU\0"u8, new byte[16]), Note(3, "Go\0\0"u8, [9, 9]), Note(3, "GNU\0"u8, id)));

        Assert.Equal("deadbeef010203", ElfBuildId.Read(path));
    }

    [Theory]
    [InlineData("not an executable at all, just text long enough to fill an ELF header of sixty-four bytes")]
    [InlineData("\u007fELF")]
    public void Gives_none_for_a_file_that_is_not_an_elf_executable(string content)
    {
        using var dir = new TemporaryDirectory();
        Assert.Null(ElfBuildId.Read(dir.Write("file", content)));
    }

    [Fact]
    public void Gives_none_for_an_executable_without_a_build_id_or_with_a_note_cut_short()
    {
        using var dir = new TemporaryDirectory();
        var withoutId = dir.Combine("without");
        File.WriteAllBytes(withoutId, Elf(Note(1, "GNU\0"u8, new byte[16])));
        var cutShort = dir.Combine("short");
        var bytes = Elf(Note(3, "GNU\0"u8, new byte[20]));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(64 + 56 + 4), 4000); // the description claims more than the segment holds
        File.WriteAllBytes(cutShort, bytes);

        Assert.Null(ElfBuildId.Read(withoutId));
        Assert.Null(ElfBuildId.Read(cutShort));
    }

    /// <summary>A 64-bit little-endian ELF header, one PT_NOTE program header, and the notes.</summary>
    private static byte[] Elf(params byte[][] notes)
    {
        var body = notes.SelectMany(n => n).ToArray();
        var file = new byte[64 + 56 + body.Length];
        "\u007fELF"u8.CopyTo(file);
        file[4] = 2; // 64-bit
        file[5] = 1; // little-endian
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(32), 64); // program headers follow the file header
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(54), 56);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(56), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(64), 4); // PT_NOTE
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(64 + 8), 64 + 56);
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(64 + 32), body.Length);
        body.CopyTo(file, 64 + 56);
        return file;
    }

    private static byte[] Note(uint type, ReadOnlySpan<byte> name, byte[] description)
    {
        var padded = (description.Length + 3) & ~3;
        var note = new byte[12 + name.Length + padded];
        BinaryPrimitives.WriteUInt32LittleEndian(note, (uint)name.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(note.AsSpan(4), (uint)description.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(note.AsSpan(8), type);
        name.CopyTo(note.AsSpan(12));
        description.CopyTo(note, 12 + name.Length);
        return note;
    }
}
