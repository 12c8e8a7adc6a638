using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace GptBook.Loading;

/// <summary>
/// VuePress and VitePress containers (<c>::: tip 标题</c> … <c>:::</c>, also <c>warning</c>, <c>danger</c>,
/// <c>details</c>), which books written for those sites use where GitHub has alerts. Only Markdig's block parser is
/// installed, not its inline <c>::text::</c> form: that would take the colons of <c>std::vector::size</c> in prose for
/// markup. The chapter reader maps each container to the model (<see cref="ChapterReader"/>).
/// </summary>
public sealed class ContainerBlocksExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.BlockParsers.Contains<CustomContainerParser>())
            pipeline.BlockParsers.Insert(0, new CustomContainerParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
