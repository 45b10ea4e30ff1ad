using System.Linq.Expressions;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Web.Features.Circles;

/// <summary>
/// The database half of a radius search over the <see cref="GeoGrid"/> index: keeps the rows whose
/// cell lies in one of the circle's cell ranges (<c>cell BETWEEN from AND to</c> per grid row,
/// ORed). The bounds are query parameters, not literals, so EF Core caches one plan per number of
/// ranges instead of one per circle. The exact distance is then checked in memory by the caller
/// (<see cref="GeoPoint.DistanceKmTo"/>), the same code on both providers.
/// </summary>
public static class GeoSearch
{
    /// <summary>Rows whose cell (<paramref name="cell"/>) lies in <paramref name="ranges"/>; none when there are no ranges.</summary>
    public static IQueryable<T> InCells<T>(this IQueryable<T> query, Expression<Func<T, long>> cell, IReadOnlyList<CellRange> ranges) =>
        query.Where(Predicate<T>(cell.Parameters[0], cell.Body, ranges));

    /// <summary>Rows whose nullable cell lies in <paramref name="ranges"/> (rows without a cell never match).</summary>
    public static IQueryable<T> InCells<T>(this IQueryable<T> query, Expression<Func<T, long?>> cell, IReadOnlyList<CellRange> ranges) =>
        query.Where(Predicate<T>(cell.Parameters[0], cell.Body, ranges));

    private static Expression<Func<T, bool>> Predicate<T>(ParameterExpression parameter, Expression cell, IReadOnlyList<CellRange> ranges)
    {
        if (ranges.Count == 0)
        {
            return Expression.Lambda<Func<T, bool>>(Expression.Constant(false), parameter);
        }

        var terms = ranges
            .Select(r => (Expression)Expression.AndAlso(
                Expression.GreaterThanOrEqual(cell, Bound(r.From, cell.Type)),
                Expression.LessThanOrEqual(cell, Bound(r.To, cell.Type))))
            .ToList();
        return Expression.Lambda<Func<T, bool>>(Balanced(terms, 0, terms.Count), parameter);
    }

    /// <summary>A balanced OR tree, so that SQLite's expression-depth limit is never near even for large radii.</summary>
    private static Expression Balanced(List<Expression> terms, int start, int count) =>
        count == 1 ? terms[start] : Expression.OrElse(Balanced(terms, start, count / 2), Balanced(terms, start + (count / 2), count - (count / 2)));

    /// <summary>A member access on a closure object, which EF Core turns into a parameter.</summary>
    private static Expression Bound(long value, Type type)
    {
        Expression access = Expression.Property(Expression.Constant(new Holder(value)), nameof(Holder.Value));
        return type == typeof(long) ? access : Expression.Convert(access, type);
    }

    private sealed class Holder(long value)
    {
        public long Value { get; } = value;
    }
}
