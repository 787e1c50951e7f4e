namespace HcmcPortal.Domain;

/// <summary>
/// The internal workflow stage of a dossier. It is richer than the national status codes and maps onto them
/// through <see cref="DossierWorkflow.StatusOf"/> (domain.md §2). Persist the stage; derive the status.
/// </summary>
public enum DossierStage
{
    Submitted = 0,
    Received = 1,
    Assigned = 2,
    AwaitingApproval = 3,
    SentBack = 4,
    SupplementRequested = 5,
    FinancialObligation = 6,
    ResultReady = 7,
    Returned = 8,
    Refused = 9,
    Withdrawn = 10,
    Stopped = 11,
}
