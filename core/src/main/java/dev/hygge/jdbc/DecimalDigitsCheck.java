package dev.hygge.jdbc;

import java.math.BigDecimal;
import org.apache.arrow.vector.DecimalVector;

/** Checks a decimal vector's values against a number of digits before the point. */
final class DecimalDigitsCheck implements ValueCheck {
  private final DecimalVector vector;
  private final int integerDigits;

  DecimalDigitsCheck(DecimalVector vector, int integerDigits) {
    this.vector = vector;
    this.integerDigits = integerDigits;
  }

  @Override
  public int firstViolation(int rows) {
    for (int row = 0; row < rows; row++) {
      if (!vector.isNull(row)) {
        BigDecimal value = vector.getObject(row);
        if (value.signum() != 0 && value.precision() - value.scale() > integerDigits) {
          return row;
        }
      }
    }
    return NONE;
  }

  @Override
  public String value(int row) {
    return vector.getObject(row).toPlainString();
  }
}
