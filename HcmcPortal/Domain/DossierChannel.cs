namespace HcmcPortal.Domain;

/// <summary>How a dossier reached the agency: online, or on paper at the one-stop desk (domain.md §2, art. 18).</summary>
public enum DossierChannel
{
    Online = 0,
    InPerson = 1,
}
