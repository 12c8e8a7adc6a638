using GptBook.Diagnostics;

namespace GptBook.Images;

/// <summary>Why a source image cannot be used: the diagnostic to report and the text its placeholder carries.</summary>
internal sealed record ImageProblem(DiagnosticCode Code, string Message);
