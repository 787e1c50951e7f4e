using HcmcPortal.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HcmcPortal.Officer;

/// <summary>Officer pages read who acts from the authentication state; every query they make is scoped by it.</summary>
public abstract class OfficerPageBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected Actor? Actor { get; private set; }

    protected override async Task OnInitializedAsync() => Actor = Actor.From((await AuthenticationState).User);
}
