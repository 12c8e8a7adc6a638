namespace GptBook.Model;

/// <summary>
/// What a stretch of highlighted code is, in the few kinds every writer styles (the PDF in tints of black, the
/// EPUB and the site by class). Set once on the model (see <see cref="CodeBlock.Tokens"/>), so the three outputs
/// always agree.
/// </summary>
public enum CodeTokenKind : byte
{
    Plain,
    Keyword,
    Type,
    Function,
    String,
    Number,
    Constant,
    Comment,
    Operator,
    Tag,
    Attribute,
    Property,
}

/// <summary>A stretch of a code block's <see cref="CodeBlock.Code"/>, by UTF-16 offset and length.</summary>
public readonly record struct CodeToken(int Start, int Length, CodeTokenKind Kind);
