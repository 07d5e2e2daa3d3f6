package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which data types a column limit always holds, and the checks of values against it. */
class ValueLimitTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void anIntegerRangeHoldsEveryValueOfTheIntegerTypesInsideIt() {
    ValueLimit.IntegerRange tinyint = new ValueLimit.IntegerRange(0, 255);
    ValueLimit.IntegerRange smallint =
        new ValueLimit.IntegerRange(Short.MIN_VALUE, Short.MAX_VALUE);

    assertThat(tinyint.holdsEvery(new ArrowType.Int(8, false))).isTrue();
    assertThat(tinyint.holdsEvery(new ArrowType.Int(8, true))).isFalse();
    assertThat(smallint.holdsEvery(new ArrowType.Int(8, true))).isTrue();
    assertThat(smallint.holdsEvery(new ArrowType.Int(16, true))).isTrue();
    assertThat(smallint.holdsEvery(new ArrowType.Int(16, false))).isFalse();
    assertThat(
            new ValueLimit.IntegerRange(Long.MIN_VALUE, Long.MAX_VALUE)
                .holdsEvery(new ArrowType.Int(64, true)))
        .isFalse();
    assertThat(smallint.holdsEvery(ArrowType.Utf8.INSTANCE)).isFalse();
  }

  @Test
  void decimalDigitsHoldNarrowerDecimalsAndCheckIntegers() {
    ValueLimit.DecimalDigits digits = new ValueLimit.DecimalDigits(6, 2);

    assertThat(digits.holdsEvery(new ArrowType.Decimal(5, 1, 128))).isTrue();
    assertThat(digits.holdsEvery(new ArrowType.Decimal(8, 2, 128))).isFalse();
    assertThat(digits.holdsEvery(new ArrowType.Int(32, true))).isFalse();
    try (BigIntVector values = new BigIntVector("n", allocator)) {
      values.allocateNew(3);
      values.set(0, -9999);
      values.set(1, 9999);
      values.set(2, -10_000);
      values.setValueCount(3);
      ValueCheck check = digits.check(values).orElseThrow();

      assertThat(check.firstViolation(2)).isEqualTo(ValueCheck.NONE);
      assertThat(check.firstViolation(3)).isEqualTo(2);
      assertThat(check.value(2)).isEqualTo("-10000");
    }
    // Nineteen digits before the point take every long: no check is needed or possible.
    try (BigIntVector values = new BigIntVector("n", allocator)) {
      assertThat(new ValueLimit.DecimalDigits(38, 19).check(values)).isEmpty();
    }
  }

  @Test
  void textLimitsMeasureInUtf16UnitsOrEncodedBytes() {
    try (VarCharVector values = new VarCharVector("s", allocator)) {
      values.allocateNew();
      // Three code points, four UTF-16 units; then three code points in three units.
      values.setSafe(0, "𝄞ab".getBytes(StandardCharsets.UTF_8));
      values.setSafe(1, "ééé".getBytes(StandardCharsets.UTF_8));
      values.setValueCount(2);

      assertThat(new ValueLimit.Utf16Length(3).check(values).orElseThrow().firstViolation(2))
          .isZero();
      assertThat(new ValueLimit.Utf16Length(4).check(values).orElseThrow().firstViolation(2))
          .isEqualTo(ValueCheck.NONE);
      Charset latin1 = Charset.forName("windows-1252");
      assertThat(new ValueLimit.ByteLength(3, latin1).check(values).orElseThrow().firstViolation(2))
          .isEqualTo(ValueCheck.NONE);
      // Six UTF-8 bytes each.
      assertThat(
              new ValueLimit.ByteLength(5, StandardCharsets.UTF_8)
                  .check(values)
                  .orElseThrow()
                  .firstViolation(2))
          .isZero();
      assertThat(
              new ValueLimit.ByteLength(6, StandardCharsets.UTF_8)
                  .check(values)
                  .orElseThrow()
                  .firstViolation(2))
          .isEqualTo(ValueCheck.NONE);
    }
    assertThatThrownBy(() -> new ValueLimit.ByteLength(0, StandardCharsets.UTF_8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bytes must be positive, got 0");
  }
}
