package dev.hygge.state;

import static java.util.Objects.requireNonNull;

/**
 * A watermark as kept in state, with the column it follows (so a changed {@code watermark_column}
 * is noticed rather than compared with values of another column).
 *
 * @param column the watermark column
 * @param value the highest value committed
 */
public record StoredWatermark(String column, Watermark value) {
  public StoredWatermark {
    requireNonNull(column, "column is null");
    requireNonNull(value, "value is null");
  }

  @Override
  public String toString() {
    return column + " = " + value.text();
  }
}
