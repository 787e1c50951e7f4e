namespace HcmcPortal.Citizen.Submission;

/// <summary>A file already accepted into an upload slot; <see cref="Href"/> is null while it exists only in memory.</summary>
public sealed record SlotFile(Guid Id, string FileName, long Size, string? Href);
