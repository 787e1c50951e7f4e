namespace HcmcPortal.Domain;

/// <summary>
/// Turning a rate (0..1) into points. Rates outside 0..1 are clamped and NaN counts as 0; a threshold or target
/// of 0 or less is met by any rate (full points), so nothing divides by zero.
/// </summary>
public static class RateScore
{
    /// <summary>
    /// Decision 766/QĐ-TTg formula shape (domain.md §5): full <paramref name="max"/> at or above
    /// <paramref name="threshold"/>, else rate × max ÷ threshold.
    /// </summary>
    public static double Threshold(double rate, double threshold, double max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var r = Clamp(rate);
        return threshold <= 0 || r >= threshold ? max : r * max / threshold;
    }

    /// <summary>The usual DX component shape (domain.md §6): min(rate ÷ target, 1) × max.</summary>
    public static double Capped(double rate, double target, double max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var r = Clamp(rate);
        return target <= 0 ? max : Math.Min(r / target, 1) * max;
    }

    private static double Clamp(double rate) => double.IsNaN(rate) ? 0 : Math.Clamp(rate, 0, 1);
}
