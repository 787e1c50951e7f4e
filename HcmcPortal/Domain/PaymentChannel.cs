namespace HcmcPortal.Domain;

/// <summary>
/// How an applicant paid a fee or charge (status 6): at the desk, by bank transfer quoting the dossier code, or through
/// the e-payment gateway. Only the gateway counts as paid online for the service index (indicator 4.3).
/// </summary>
public enum PaymentChannel
{
    AtCounter = 1,
    BankTransfer = 2,
    EPayment = 3,
}
