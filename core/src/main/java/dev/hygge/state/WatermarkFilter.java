package dev.hygge.state;

import static java.util.Objects.requireNonNull;

/**
 * The rows a watermarked read takes: {@code column >= bound} or {@code column > bound}.
 *
 * @param column the watermark column
 * @param bound the bound, already moved back by the lookback
 * @param comparison whether rows equal to the bound are included
 */
public record WatermarkFilter(String column, Watermark bound, Comparison comparison) {
  /** How rows compare with the bound. */
  public enum Comparison {
    /** {@code >=}: the first run, from {@code watermark_initial}. */
    AT_OR_AFTER(">="),
    /** {@code >}: later runs, past the last committed watermark. */
    AFTER(">");

    private final String operator;

    Comparison(String operator) {
      this.operator = operator;
    }

    /** The SQL operator. */
    public String operator() {
      return operator;
    }
  }

  public WatermarkFilter {
    requireNonNull(column, "column is null");
    requireNonNull(bound, "bound is null");
    requireNonNull(comparison, "comparison is null");
  }

  /** The predicate as shown in previews and history, e.g. {@code updated_at > 2024-05-01T10:00}. */
  public String describe() {
    return column + " " + comparison.operator() + " " + bound.text();
  }
}
