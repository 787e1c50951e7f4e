namespace HcmcPortal.Domain;

/// <summary>
/// Status codes used to synchronise with the national public-service portal (domain.md §2, "Status codes").
/// The numeric values are part of the contract (API, reports) and must never change.
/// </summary>
public enum DossierStatus
{
    Submitted = 1,
    Received = 2,
    Refused = 3,
    Processing = 4,
    SupplementRequested = 5,
    FinancialObligation = 6,
    Withdrawn = 7,
    Stopped = 8,
    ResultReady = 9,
    Returned = 10,
}
