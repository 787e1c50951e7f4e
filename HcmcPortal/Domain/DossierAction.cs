namespace HcmcPortal.Domain;

/// <summary>An action that moves a dossier between <see cref="DossierStage"/>s (see <see cref="DossierWorkflow"/>).</summary>
public enum DossierAction
{
    /// <summary>Reception accepts a valid dossier (Decree 61/2018 art. 17): receipt and appointment slip.</summary>
    Receive = 0,

    /// <summary>Reception asks, once and in full, for what is missing (art. 15(3), art. 17).</summary>
    RequestSupplement = 1,

    /// <summary>Reception refuses the dossier with a reason (art. 17).</summary>
    Refuse = 2,

    /// <summary>A unit leader assigns the dossier to a specialist (art. 19).</summary>
    Assign = 3,

    /// <summary>The specialist submits a proposed result for approval.</summary>
    ProposeResult = 4,

    /// <summary>The specialist proposes a rejection after appraisal (art. 19(8)).</summary>
    ProposeRejection = 5,

    /// <summary>The specialist asks for a supplement during processing (art. 19(4)); processing time restarts.</summary>
    RequestSupplementInProcessing = 6,

    /// <summary>The applicant hands in the requested supplement.</summary>
    SubmitSupplement = 7,

    /// <summary>The unit leader approves (and signs) the proposal.</summary>
    Approve = 8,

    /// <summary>The unit leader sends the proposal back for rework.</summary>
    SendBack = 9,

    /// <summary>Inter-agency routing (liên thông) to another unit, with its history.</summary>
    Transfer = 10,

    /// <summary>Ask the applicant to pay a fee or tax (status 6).</summary>
    RequestPayment = 11,

    /// <summary>The fee or tax has been paid.</summary>
    ConfirmPayment = 12,

    /// <summary>Processing is stopped (status 8).</summary>
    Stop = 13,

    /// <summary>The applicant withdraws the dossier (status 7).</summary>
    Withdraw = 14,

    /// <summary>The result is handed to the applicant (art. 20).</summary>
    Return = 15,
}
