namespace HcmcPortal.Domain;

/// <summary>Internal workflow stage; maps onto the national status codes.</summary>
public enum DossierStage
{
    Submitted,
    Received,
    Assigned,
    AwaitingApproval,
    SentBack,
    SupplementRequested,
    FinancialObligation,
    ResultReady,
    Returned,
    Refused,
    Withdrawn,
    Stopped,
}
