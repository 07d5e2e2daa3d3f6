package dev.hygge.csv;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The type of one CSV column, as written in a home's {@code schema:} map ({@code string}, {@code
 * int32}, {@code int64}, {@code float64}, {@code boolean}, {@code date}, {@code timestamp}, {@code
 * timestamptz}, {@code decimal(p,s)}), with its Arrow type.
 *
 * @param kind which type
 * @param precision total digits for {@link Kind#DECIMAL}, else 0
 * @param scale digits after the point for {@link Kind#DECIMAL}, else 0
 */
public record CsvColumnType(Kind kind, int precision, int scale) {
  /** Largest precision an Arrow 128-bit decimal holds. */
  static final int MAX_DECIMAL_PRECISION = 38;

  /** Arrow's 128-bit decimal layout holds every precision up to 38. */
  private static final int DECIMAL_BIT_WIDTH = 128;

  /** Timestamps with an offset are converted to this zone. */
  static final String UTC = "UTC";

  private static final Pattern DECIMAL =
      Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

  public static final CsvColumnType STRING = new CsvColumnType(Kind.STRING, 0, 0);
  public static final CsvColumnType INT32 = new CsvColumnType(Kind.INT32, 0, 0);
  public static final CsvColumnType INT64 = new CsvColumnType(Kind.INT64, 0, 0);
  public static final CsvColumnType FLOAT64 = new CsvColumnType(Kind.FLOAT64, 0, 0);
  public static final CsvColumnType BOOLEAN = new CsvColumnType(Kind.BOOLEAN, 0, 0);
  public static final CsvColumnType DATE = new CsvColumnType(Kind.DATE, 0, 0);
  public static final CsvColumnType TIMESTAMP = new CsvColumnType(Kind.TIMESTAMP, 0, 0);
  public static final CsvColumnType TIMESTAMPTZ = new CsvColumnType(Kind.TIMESTAMPTZ, 0, 0);

  /** The type words, without {@code decimal(p,s)}. */
  public enum Kind {
    STRING,
    INT32,
    INT64,
    FLOAT64,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    TIMESTAMPTZ,
    DECIMAL
  }

  public CsvColumnType {
    requireNonNull(kind, "kind is null");
    if (kind == Kind.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
        throw new IllegalArgumentException(
            "decimal precision must be between 1 and " + MAX_DECIMAL_PRECISION + ": " + precision);
      }
      if (scale < 0 || scale > precision) {
        throw new IllegalArgumentException(
            "decimal scale must be between 0 and the precision " + precision + ": " + scale);
      }
    } else if (precision != 0 || scale != 0) {
      throw new IllegalArgumentException(kind + " takes no precision or scale");
    }
  }

  /** A {@code decimal(p,s)} type. */
  public static CsvColumnType decimal(int precision, int scale) {
    return new CsvColumnType(Kind.DECIMAL, precision, scale);
  }

  /**
   * Parses a type word.
   *
   * @throws IllegalArgumentException naming the valid words when the word is not one of them
   */
  public static CsvColumnType parse(String word) {
    String text = word.trim().toLowerCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(text);
    if (decimal.matches()) {
      return decimal(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
    }
    for (Kind kind : Kind.values()) {
      if (kind != Kind.DECIMAL && kind.name().toLowerCase(Locale.ROOT).equals(text)) {
        return new CsvColumnType(kind, 0, 0);
      }
    }
    throw new IllegalArgumentException(
        "'"
            + word
            + "' is not a CSV column type; use one of string, int32, int64, float64, boolean,"
            + " date, timestamp, timestamptz, decimal(p,s)");
  }

  /** The word a user writes for this type, e.g. {@code decimal(10,2)}. */
  public String word() {
    return kind == Kind.DECIMAL
        ? "decimal(" + precision + "," + scale + ")"
        : kind.name().toLowerCase(Locale.ROOT);
  }

  /** The Arrow type of the column's vector. */
  public ArrowType arrowType() {
    return switch (kind) {
      case STRING -> ArrowType.Utf8.INSTANCE;
      case INT32 -> new ArrowType.Int(Integer.SIZE, true);
      case INT64 -> new ArrowType.Int(Long.SIZE, true);
      case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case TIMESTAMPTZ -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC);
      case DECIMAL -> new ArrowType.Decimal(precision, scale, DECIMAL_BIT_WIDTH);
    };
  }

  @Override
  public String toString() {
    return word();
  }
}
