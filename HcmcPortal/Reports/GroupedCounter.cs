using System.Linq.Expressions;
using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>A dossier with its satisfaction rating (at most one per dossier), the row every report predicate reads.</summary>
public sealed class MetricRow
{
    public Dossier D { get; set; } = null!;
    public SatisfactionLevel? Rating { get; set; }

    /// <summary>Dossiers left-joined with their rating: a plain column, so predicates on it can sit inside SUM on any provider.</summary>
    public static IQueryable<MetricRow> From(AppDbContext db, IQueryable<Dossier> dossiers) =>
        from d in dossiers
        join r in db.Ratings on d.Id equals r.DossierId into ratings
        from r in ratings.DefaultIfEmpty()
        select new MetricRow { D = d, Rating = r == null ? null : r.Level };
}

/// <summary>
/// Counts several predicates for every group in ONE grouped query (of dossier rows, feedback reports, any row): each predicate becomes
/// COUNT(CASE WHEN predicate THEN 1 END). The same predicate expressions filter the drill-down lists, so a list
/// and the count shown for it cannot disagree.
/// </summary>
public static class GroupedCounter
{
    public const int MaxPredicates = 32;

    public static async Task<Dictionary<TKey, int[]>> CountAsync<TRow, TKey>(
        IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, IReadOnlyList<Expression<Func<TRow, bool>>> predicates, CancellationToken ct)
        where TKey : notnull
    {
        var sums = await Query(rows, key, predicates).ToListAsync(ct);
        return sums.ToDictionary(s => s.Key, s => s.ToArray()[..predicates.Count]);
    }

    /// <summary>The grouped query itself (tests translate it for every provider).</summary>
    public static IQueryable<Flags<TKey>> Query<TRow, TKey>(
        IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, IReadOnlyList<Expression<Func<TRow, bool>>> predicates)
    {
        if (predicates.Count > MaxPredicates)
            throw new ArgumentException($"At most {MaxPredicates} predicates per query.", nameof(predicates));
        // g => new Flags<TKey> { Key = g.Key, P0 = g.Count(predicate0), P1 = g.Count(predicate1), ... }
        var group = Expression.Parameter(typeof(IGrouping<TKey, TRow>), "g");
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(Flags<TKey>).GetProperty(nameof(Flags<TKey>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, TRow>.Key))) };
        for (var i = 0; i < predicates.Count; i++)
            bindings.Add(Expression.Bind(typeof(Flags<TKey>).GetProperty("P" + i)!,
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(TRow)], group, predicates[i])));
        var selector = Expression.Lambda<Func<IGrouping<TKey, TRow>, Flags<TKey>>>(Expression.MemberInit(Expression.New(typeof(Flags<TKey>)), bindings), group);
        return rows.GroupBy(key).Select(selector);
    }

    /// <summary>a AND b over the same row.</summary>
    public static Expression<Func<TRow, bool>> And<TRow>(this Expression<Func<TRow, bool>> a, Expression<Func<TRow, bool>> b)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, bool>>(Expression.AndAlso(Rebind(a, row), Rebind(b, row)), row);
    }

    /// <summary>NOT a.</summary>
    public static Expression<Func<TRow, bool>> Not<TRow>(this Expression<Func<TRow, bool>> a)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, bool>>(Expression.Not(Rebind(a, row)), row);
    }

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression row) => new Replace(lambda.Parameters[0], row).Visit(lambda.Body);

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>One row of flags (then of sums); unused slots stay 0.</summary>
    public sealed class Flags<TKey>
    {
        public TKey Key { get; set; } = default!;
        public int P0 { get; set; }
        public int P1 { get; set; }
        public int P2 { get; set; }
        public int P3 { get; set; }
        public int P4 { get; set; }
        public int P5 { get; set; }
        public int P6 { get; set; }
        public int P7 { get; set; }
        public int P8 { get; set; }
        public int P9 { get; set; }
        public int P10 { get; set; }
        public int P11 { get; set; }
        public int P12 { get; set; }
        public int P13 { get; set; }
        public int P14 { get; set; }
        public int P15 { get; set; }
        public int P16 { get; set; }
        public int P17 { get; set; }
        public int P18 { get; set; }
        public int P19 { get; set; }
        public int P20 { get; set; }
        public int P21 { get; set; }
        public int P22 { get; set; }
        public int P23 { get; set; }
        public int P24 { get; set; }
        public int P25 { get; set; }
        public int P26 { get; set; }
        public int P27 { get; set; }
        public int P28 { get; set; }
        public int P29 { get; set; }
        public int P30 { get; set; }
        public int P31 { get; set; }

        public int[] ToArray() => [P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15, P16, P17, P18, P19, P20, P21, P22, P23, P24, P25, P26, P27, P28, P29, P30, P31];
    }
}
