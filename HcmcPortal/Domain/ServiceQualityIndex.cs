namespace HcmcPortal.Domain;

/// <summary>
/// Counts for one unit and one period, from which every rate of the service-quality index is computed (so each
/// rate can be explained as numerator ÷ denominator). Dossier counts refer to dossiers received in the period.
/// </summary>
public sealed record ServiceIndexInputs
{
    /// <summary>Procedures the unit handles.</summary>
    public int ProceduresTotal { get; init; }

    /// <summary>Procedures published completely and updated on time.</summary>
    public int ProceduresPublishedComplete { get; init; }

    /// <summary>Procedures offered as full online public services.</summary>
    public int ProceduresFullyOnline { get; init; }

    /// <summary>Dossiers received in the period.</summary>
    public int DossiersTotal { get; init; }

    /// <summary>Of those, submitted online.</summary>
    public int DossiersOnline { get; init; }

    /// <summary>Of those, whose progress is published/trackable on the portal.</summary>
    public int DossiersWithTrackedProgress { get; init; }

    /// <summary>Of those, finished (result ready, returned, rejected after appraisal).</summary>
    public int DossiersFinished { get; init; }

    /// <summary>Of the finished ones, finished on or before the appointment date (early included).</summary>
    public int FinishedOnTime { get; init; }

    /// <summary>Dossiers whose components were digitised.</summary>
    public int DossiersDigitised { get; init; }

    /// <summary>Finished dossiers whose result was issued/digitised electronically.</summary>
    public int ResultsDigitised { get; init; }

    /// <summary>Dossiers with a fee or charge to pay.</summary>
    public int FeeDossiers { get; init; }

    /// <summary>Of those, paid online.</summary>
    public int FeePaidOnline { get; init; }

    /// <summary>Dossiers overdue: finished late, or unfinished past their due time (more than one supplement request also counts, domain.md §5).</summary>
    public int Overdue { get; init; }

    /// <summary>Complaints and petitions (phản ánh, kiến nghị) about the handling of dossiers.</summary>
    public int Complaints { get; init; }

    /// <summary>Satisfaction ratings given by applicants.</summary>
    public int Ratings { get; init; }

    /// <summary>Of those, satisfied or very satisfied.</summary>
    public int RatingsSatisfied { get; init; }

    /// <summary>Residents' reports (phản ánh, kiến nghị, the 1022 channel) whose handling fell due: resolved, or still open past their due time.</summary>
    public int FeedbackDue { get; init; }

    /// <summary>Of those, resolved on or before their due time (and not reopened).</summary>
    public int FeedbackOnTime { get; init; }

    /// <summary>Answers to residents' reports rated by the reporter.</summary>
    public int FeedbackRatings { get; init; }

    /// <summary>Of those, rated satisfied.</summary>
    public int FeedbackRatingsSatisfied { get; init; }
}

/// <summary>One indicator: rate = Numerator ÷ Denominator; <see cref="Rate"/> is null when nothing was owed (denominator 0).</summary>
public sealed record ServiceIndexIndicator(
    string Code, string Name, int Numerator, int Denominator, double? Rate, double Threshold, double Max, double Points)
{
    /// <summary>True when the denominator is 0: nothing was owed, and the indicator earns full points.</summary>
    public bool NothingOwed => Denominator == 0;
}

/// <summary>One group of the index, with its maximum and points (sum of its indicators).</summary>
public sealed record ServiceIndexGroup(string Code, string Name, double Max, double Points, IReadOnlyList<ServiceIndexIndicator> Indicators);

/// <summary>The index for one unit and period: five groups, 100 points in all.</summary>
public sealed record ServiceIndexResult(IReadOnlyList<ServiceIndexGroup> Groups, double Total)
{
    public const double Max = 100;
}

/// <summary>
/// The service-quality index of Decision 766/QĐ-TTg (23/06/2022), domain.md §5: 100 points in five groups —
/// transparency 18, timeliness 20, digitisation 22, online services 22, satisfaction 18. Each indicator is a rate
/// scored with <see cref="RateScore.Threshold"/>.
/// <para>
/// UNVERIFIED DEFAULT (domain.md §5): the split of each group into indicators below, and the thresholds other than
/// 80 % (online provision, online payment, digitisation), 50 % (online submission) and 90 % (satisfaction), are our
/// choice; only the group maxima, the 4 points for published procedures, the 20 points for on-time processing and
/// the 6 points for the handling-satisfaction rate come from the sources. Replace with administrator data when known.
/// Group 5 also scores residents' reports (the 1022 channel, domain.md §5: accepted within 2 working days, resolved
/// within 15): 5.3 reports handled on time and 5.4 reporters satisfied with the answer, 3 points each, taken from the
/// 12 points the dossier ratings had before the portal received reports.
/// </para>
/// <para>
/// Denominator 0 rule: an indicator whose denominator is 0 earns full points, because nothing was owed (no fee
/// dossiers → online payment full; no dossiers finished → timeliness full; no ratings → ratings full). Its
/// <see cref="ServiceIndexIndicator.Rate"/> is null so that screens can show "không phát sinh" instead of 100 %.
/// </para>
/// </summary>
public static class ServiceQualityIndex
{
    public const double TransparencyMax = 18;
    public const double TimelinessMax = 20;
    public const double DigitisationMax = 22;
    public const double OnlineServicesMax = 22;
    public const double SatisfactionMax = 18;

    /// <summary>Computes the index. Throws <see cref="ArgumentException"/> for negative counts or a part larger than its whole.</summary>
    public static ServiceIndexResult Compute(ServiceIndexInputs x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Validate(x);

        // Satisfaction in handling (766): 100 % − (overdue rate + complaint rate), both over dossiers received.
        var satisfiedHandling = Math.Max(0, x.DossiersTotal - x.Overdue - x.Complaints);

        ServiceIndexGroup[] groups =
        [
            Group("1", "Công khai, minh bạch", TransparencyMax,
                Indicator("1.1", "Thủ tục hành chính được công khai đầy đủ, cập nhật đúng hạn", x.ProceduresPublishedComplete, x.ProceduresTotal, 1.0, 4),
                Indicator("1.2", "Hồ sơ được công khai, theo dõi tiến độ giải quyết", x.DossiersWithTrackedProgress, x.DossiersTotal, 1.0, 14)),
            Group("2", "Tiến độ, kết quả giải quyết", TimelinessMax,
                Indicator("2.1", "Hồ sơ giải quyết đúng hạn", x.FinishedOnTime, x.DossiersFinished, 1.0, 20)),
            Group("3", "Số hóa hồ sơ", DigitisationMax,
                Indicator("3.1", "Hồ sơ được số hóa thành phần", x.DossiersDigitised, x.DossiersTotal, 0.8, 11),
                Indicator("3.2", "Kết quả giải quyết được số hóa", x.ResultsDigitised, x.DossiersFinished, 0.8, 11)),
            Group("4", "Cung cấp dịch vụ trực tuyến", OnlineServicesMax,
                Indicator("4.1", "Thủ tục cung cấp dịch vụ công trực tuyến toàn trình", x.ProceduresFullyOnline, x.ProceduresTotal, 0.8, 8),
                Indicator("4.2", "Hồ sơ nộp trực tuyến", x.DossiersOnline, x.DossiersTotal, 0.5, 8),
                Indicator("4.3", "Hồ sơ thanh toán trực tuyến", x.FeePaidOnline, x.FeeDossiers, 0.8, 6)),
            Group("5", "Mức độ hài lòng", SatisfactionMax,
                Indicator("5.1", "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính (100% − tỷ lệ trễ hạn − tỷ lệ phản ánh)", satisfiedHandling, x.DossiersTotal, 0.9, 6),
                Indicator("5.2", "Đánh giá hài lòng của người dân, doanh nghiệp", x.RatingsSatisfied, x.Ratings, 0.9, 6),
                Indicator("5.3", "Phản ánh, kiến nghị được xử lý đúng hạn", x.FeedbackOnTime, x.FeedbackDue, 0.9, 3),
                Indicator("5.4", "Hài lòng với kết quả xử lý phản ánh, kiến nghị", x.FeedbackRatingsSatisfied, x.FeedbackRatings, 0.9, 3)),
        ];

        return new ServiceIndexResult(groups, groups.Sum(g => g.Points));
    }

    private static ServiceIndexGroup Group(string code, string name, double max, params ServiceIndexIndicator[] indicators)
    {
        var points = indicators.Sum(i => i.Points);
        return new ServiceIndexGroup(code, name, max, Math.Min(points, max), indicators);
    }

    private static ServiceIndexIndicator Indicator(string code, string name, int numerator, int denominator, double threshold, double max)
    {
        if (denominator == 0)
        {
            return new ServiceIndexIndicator(code, name, numerator, denominator, null, threshold, max, max);
        }

        var rate = (double)numerator / denominator;
        return new ServiceIndexIndicator(code, name, numerator, denominator, rate, threshold, max, RateScore.Threshold(rate, threshold, max));
    }

    private static void Validate(ServiceIndexInputs x)
    {
        void NonNegative(int value, string name)
        {
            if (value < 0)
            {
                throw new ArgumentException($"{name} cannot be negative ({value}).", nameof(x));
            }
        }

        void PartOf(int part, string partName, int whole, string wholeName)
        {
            if (part > whole)
            {
                throw new ArgumentException($"{partName} ({part}) cannot exceed {wholeName} ({whole}).", nameof(x));
            }
        }

        NonNegative(x.ProceduresTotal, nameof(x.ProceduresTotal));
        NonNegative(x.ProceduresPublishedComplete, nameof(x.ProceduresPublishedComplete));
        NonNegative(x.ProceduresFullyOnline, nameof(x.ProceduresFullyOnline));
        NonNegative(x.DossiersTotal, nameof(x.DossiersTotal));
        NonNegative(x.DossiersOnline, nameof(x.DossiersOnline));
        NonNegative(x.DossiersWithTrackedProgress, nameof(x.DossiersWithTrackedProgress));
        NonNegative(x.DossiersFinished, nameof(x.DossiersFinished));
        NonNegative(x.FinishedOnTime, nameof(x.FinishedOnTime));
        NonNegative(x.DossiersDigitised, nameof(x.DossiersDigitised));
        NonNegative(x.ResultsDigitised, nameof(x.ResultsDigitised));
        NonNegative(x.FeeDossiers, nameof(x.FeeDossiers));
        NonNegative(x.FeePaidOnline, nameof(x.FeePaidOnline));
        NonNegative(x.Overdue, nameof(x.Overdue));
        NonNegative(x.Complaints, nameof(x.Complaints));
        NonNegative(x.Ratings, nameof(x.Ratings));
        NonNegative(x.RatingsSatisfied, nameof(x.RatingsSatisfied));
        NonNegative(x.FeedbackDue, nameof(x.FeedbackDue));
        NonNegative(x.FeedbackOnTime, nameof(x.FeedbackOnTime));
        NonNegative(x.FeedbackRatings, nameof(x.FeedbackRatings));
        NonNegative(x.FeedbackRatingsSatisfied, nameof(x.FeedbackRatingsSatisfied));

        PartOf(x.ProceduresPublishedComplete, nameof(x.ProceduresPublishedComplete), x.ProceduresTotal, nameof(x.ProceduresTotal));
        PartOf(x.ProceduresFullyOnline, nameof(x.ProceduresFullyOnline), x.ProceduresTotal, nameof(x.ProceduresTotal));
        PartOf(x.DossiersOnline, nameof(x.DossiersOnline), x.DossiersTotal, nameof(x.DossiersTotal));
        PartOf(x.DossiersWithTrackedProgress, nameof(x.DossiersWithTrackedProgress), x.DossiersTotal, nameof(x.DossiersTotal));
        PartOf(x.DossiersFinished, nameof(x.DossiersFinished), x.DossiersTotal, nameof(x.DossiersTotal));
        PartOf(x.FinishedOnTime, nameof(x.FinishedOnTime), x.DossiersFinished, nameof(x.DossiersFinished));
        PartOf(x.DossiersDigitised, nameof(x.DossiersDigitised), x.DossiersTotal, nameof(x.DossiersTotal));
        PartOf(x.ResultsDigitised, nameof(x.ResultsDigitised), x.DossiersFinished, nameof(x.DossiersFinished));
        PartOf(x.FeeDossiers, nameof(x.FeeDossiers), x.DossiersTotal, nameof(x.DossiersTotal));
        PartOf(x.FeePaidOnline, nameof(x.FeePaidOnline), x.FeeDossiers, nameof(x.FeeDossiers));
        PartOf(x.Overdue, nameof(x.Overdue), x.DossiersTotal, nameof(x.DossiersTotal));
        PartOf(x.RatingsSatisfied, nameof(x.RatingsSatisfied), x.Ratings, nameof(x.Ratings));
        PartOf(x.FeedbackOnTime, nameof(x.FeedbackOnTime), x.FeedbackDue, nameof(x.FeedbackDue));
        PartOf(x.FeedbackRatingsSatisfied, nameof(x.FeedbackRatingsSatisfied), x.FeedbackRatings, nameof(x.FeedbackRatings));
    }
}
