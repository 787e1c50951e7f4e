namespace HcmcPortal.Domain;

/// <summary>Agency bands of Circular 01/2018/TT-VPCP arts. 13–15 (average of the per-dossier scores).</summary>
public enum AgencyBand
{
    Excellent = 0,
    Good = 1,
    Fair = 2,
    Average = 3,
    Weak = 4,
}

/// <summary>Ranking of units by score, and the agency bands.</summary>
public static class Ranking
{
    /// <summary>
    /// Standard competition ranking ("1224"): higher is better, equal scores share a rank and the next rank skips.
    /// Scores are compared after rounding to 2 decimals (away from zero), so 87.004 and 86.999 tie (both 87.00).
    /// Ranks are returned in the order of the input.
    /// </summary>
    /// <exception cref="ArgumentException">A score is NaN.</exception>
    public static IReadOnlyList<int> CompetitionRanks(IReadOnlyList<double> scoresInOrder)
    {
        ArgumentNullException.ThrowIfNull(scoresInOrder);
        if (scoresInOrder.Any(double.IsNaN))
        {
            throw new ArgumentException("A score cannot be NaN.", nameof(scoresInOrder));
        }

        var rounded = scoresInOrder.Select(s => Math.Round(s, 2, MidpointRounding.AwayFromZero)).ToArray();
        return [.. rounded.Select(s => 1 + rounded.Count(other => other > s))];
    }

    /// <summary>
    /// The band for an agency's average score (Circular 01/2018/TT-VPCP arts. 13–15): ≥ 15 excellent,
    /// 12–&lt;15 good, 9–&lt;12 fair, 6–&lt;9 average, &lt; 6 weak.
    /// </summary>
    public static AgencyBand BandOf(double averageScore) => averageScore switch
    {
        >= 15 => AgencyBand.Excellent,
        >= 12 => AgencyBand.Good,
        >= 9 => AgencyBand.Fair,
        >= 6 => AgencyBand.Average,
        _ => AgencyBand.Weak,
    };

    /// <summary>Vietnamese name of a band.</summary>
    public static string BandName(AgencyBand band) => band switch
    {
        AgencyBand.Excellent => "Xuất sắc",
        AgencyBand.Good => "Tốt",
        AgencyBand.Fair => "Khá",
        AgencyBand.Average => "Trung bình",
        AgencyBand.Weak => "Yếu",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown band."),
    };

    /// <summary>
    /// The timeliness indicator of one dossier (Circular 01/2018/TT-VPCP art. 13; domain.md §2): finished before the
    /// due date = 2, on time = 1, late = 0. Only finished states have points.
    /// </summary>
    public static int TimelinessPoints(DeadlineState state) => state switch
    {
        DeadlineState.Early => 2,
        DeadlineState.OnTime => 1,
        DeadlineState.Late => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Only a finished dossier has timeliness points."),
    };
}
