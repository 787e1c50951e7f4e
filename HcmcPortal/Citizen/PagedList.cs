namespace HcmcPortal.Citizen;

/// <summary>One page of a server-side list and the total count, for the grids and, later, the REST API.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total);
