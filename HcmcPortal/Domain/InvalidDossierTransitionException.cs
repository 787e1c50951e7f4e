namespace HcmcPortal.Domain;

/// <summary>An action was applied to a dossier in a stage that does not allow it. The message is Vietnamese, fit for the user.</summary>
public sealed class InvalidDossierTransitionException : InvalidOperationException
{
    public InvalidDossierTransitionException(DossierStage from, DossierAction action)
        : base($"Không thể thực hiện thao tác «{DossierText.ActionName(action)}» khi hồ sơ đang ở trạng thái «{DossierText.StageName(from)}».")
    {
        From = from;
        Action = action;
    }

    public DossierStage From { get; }

    public DossierAction Action { get; }
}
