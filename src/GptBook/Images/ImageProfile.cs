namespace GptBook.Images;

/// <summary>The outputs an image is prepared for; each has its own size and format rules (see ImageOptions).</summary>
public enum ImageProfile { Print, Epub, Site }
