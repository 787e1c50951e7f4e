using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace HcmcPortal.Shell;

/// <summary>
/// An <see cref="InputFile"/> that stays disabled until its script listens for changes. InputFile wires its listener
/// by a JS call after its first render; files picked in between would be dropped without a word.
/// </summary>
public sealed class ReadyInputFile : InputFile
{
    private bool listening;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "file");
        builder.AddAttribute(3, "disabled", !listening);
        builder.AddElementReferenceCapture(4, element => Element = element);
        builder.CloseElement();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The base awaits the JS call that attaches the listener; only then is the input enabled.
        await base.OnAfterRenderAsync(firstRender);
        if (firstRender && RendererInfo.IsInteractive)
        {
            listening = true;
            StateHasChanged();
        }
    }
}
