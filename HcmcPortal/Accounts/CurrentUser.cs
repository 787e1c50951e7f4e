using System.Security.Claims;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Accounts;

/// <summary>Claims added at sign-in so that scope checks need no query: the officer's unit and its path in the unit tree.</summary>
public static class PortalClaims
{
    public const string FullName = "hcmc:fullname";
    public const string UnitId = "hcmc:unit";
    public const string UnitPath = "hcmc:unitpath";
    public const string UnitName = "hcmc:unitname";
}

/// <summary>Who is acting, read from the principal. Feature services take it to scope every query on the server.</summary>
public sealed record Actor(string UserId, string Name, int? UnitId, string? UnitPath, string? UnitName, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);
    public bool IsOfficer => Roles.Overlaps(Domain.Roles.Officers);
    /// <summary>Evaluators and administrators work city-wide; leaders are scoped by their unit (the city leader's unit is the city).</summary>
    public bool SeesWholeCity => Roles.Contains(Domain.Roles.DxEvaluator) || Roles.Contains(Domain.Roles.Admin);

    /// <summary>The same rule as <see cref="ActorQueries.VisibleTo"/>, for one dossier already in memory.</summary>
    public bool CanSee(int unitId, string unitPath, string? applicantUserId) =>
        SeesWholeCity
        || (IsInRole(Domain.Roles.CityLeader) && UnitPath is not null && unitPath.StartsWith(UnitPath, StringComparison.Ordinal))
        || (IsOfficer && UnitId == unitId)
        || applicantUserId == UserId;

    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
            return null;
        return new Actor(
            id,
            user.FindFirstValue(PortalClaims.FullName) ?? user.Identity.Name ?? "",
            int.TryParse(user.FindFirstValue(PortalClaims.UnitId), out var unit) ? unit : null,
            user.FindFirstValue(PortalClaims.UnitPath),
            user.FindFirstValue(PortalClaims.UnitName),
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
    }
}

public static class ActorQueries
{
    /// <summary>
    /// Unit scope (domain.md §1): officers see the dossiers of their own unit; a district or city leader sees
    /// their unit and every unit below it; evaluators and administrators see all; citizens only their own.
    /// </summary>
    public static IQueryable<Dossier> VisibleTo(this IQueryable<Dossier> dossiers, Actor actor)
    {
        if (actor.SeesWholeCity)
            return dossiers;
        if (actor.IsInRole(Roles.CityLeader) && actor.UnitPath is { } path)
            return dossiers.Where(d => d.UnitPath.StartsWith(path));
        if (actor.IsOfficer)
            return actor.UnitId is int unit ? dossiers.Where(d => d.UnitId == unit) : dossiers.Where(_ => false);
        return dossiers.Where(d => d.ApplicantUserId == actor.UserId);
    }
}
