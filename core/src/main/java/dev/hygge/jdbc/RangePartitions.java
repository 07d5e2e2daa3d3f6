package dev.hygge.jdbc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an integer key's range {@code [min, max]} into contiguous, non-overlapping predicates of
 * about equal width. The first also takes NULL keys and everything below {@code min}, the last
 * everything from its bound up, so together they read every row exactly once even when rows were
 * added after the bounds were taken.
 */
public final class RangePartitions {
  private RangePartitions() {}

  /**
   * The predicates, at most {@code partitions} of them (fewer when the range has fewer values).
   *
   * @param column the key column, already quoted
   */
  public static List<String> predicates(String column, long min, long max, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " exceeds max " + max);
    }
    BigInteger values =
        BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
    int count = values.min(BigInteger.valueOf(partitions)).intValueExact();
    if (count == 1) {
      return List.of("1 = 1");
    }
    List<Long> bounds = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      bounds.add(
          BigInteger.valueOf(min)
              .add(values.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count)))
              .longValueExact());
    }
    List<String> predicates = new ArrayList<>();
    predicates.add(column + " < " + bounds.get(0) + " OR " + column + " IS NULL");
    for (int i = 1; i < bounds.size(); i++) {
      predicates.add(
          column + " >= " + bounds.get(i - 1) + " AND " + column + " < " + bounds.get(i));
    }
    predicates.add(column + " >= " + bounds.get(bounds.size() - 1));
    return predicates;
  }
}
