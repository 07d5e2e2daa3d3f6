package dev.hygge.jdbc.sqlserver;

import java.sql.Types;
import java.util.Optional;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Arrow types to T-SQL types. 8-bit integers widen to {@code SMALLINT} ({@code TINYINT} is unsigned
 * in T-SQL), unsigned integers widen to the next signed type, timestamps become {@code
 * DATETIME2(n)} or, with a time zone, {@code DATETIMEOFFSET(n)} with the digits of their unit
 * (nanoseconds keep 7: SQL Server counts in 100 ns).
 */
public final class SqlServerTypeMapping {
  /** {@code microsoft.sql.Types.DATETIMEOFFSET}, kept here so the driver stays optional. */
  public static final int DATETIMEOFFSET = -155;

  private static final int BYTE_BITS = 8;
  private static final int SHORT_BITS = 16;
  private static final int INT_BITS = 32;
  private static final int LONG_BITS = 64;
  private static final int DECIMAL_BITS = 128;
  private static final int SECOND_DIGITS = 0;
  private static final int MILLI_DIGITS = 3;
  private static final int MICRO_DIGITS = 6;
  /*
   * Temporal values travel as text (TemporalText), always with seven fractional digits; bulk copy
   * is told the length of that text as the precision, as a result set of DATETIME2(7) would.
   */
  private static final int DATE_TEXT = "yyyy-mm-dd".length();
  private static final int TIME_TEXT = "hh:mm:ss.fffffff".length();
  private static final int DATETIME_TEXT = DATE_TEXT + 1 + TIME_TEXT;
  private static final int OFFSET_TEXT = " +00:00".length();

  private SqlServerTypeMapping() {}

  /** The T-SQL type of an Arrow column of {@code type}; empty when SQL Server cannot hold it. */
  public static Optional<SqlServerType> of(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return plain("BIT", Types.BIT);
    }
    if (type instanceof ArrowType.Int integer) {
      return integer(integer);
    }
    if (type instanceof ArrowType.FloatingPoint floating) {
      return switch (floating.getPrecision()) {
        case SINGLE -> plain("REAL", Types.REAL);
        case DOUBLE -> plain("FLOAT", Types.DOUBLE);
        case HALF -> Optional.empty();
      };
    }
    if (type instanceof ArrowType.Decimal decimal) {
      return decimal(decimal);
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
      return Optional.of(
          new SqlServerType("NVARCHAR", Types.NVARCHAR, 0, 0, SqlServerType.Sizing.TEXT));
    }
    if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
      return Optional.of(
          new SqlServerType("VARBINARY", Types.VARBINARY, 0, 0, SqlServerType.Sizing.BINARY));
    }
    if (type instanceof ArrowType.FixedSizeBinary fixed
        && fixed.getByteWidth() <= ColumnSizing.MAX_VARBINARY) {
      return Optional.of(
          new SqlServerType(
              "BINARY", Types.BINARY, fixed.getByteWidth(), 0, SqlServerType.Sizing.FIXED));
    }
    if (type instanceof ArrowType.Date) {
      return Optional.of(new SqlServerType("DATE", Types.DATE, DATE_TEXT, 0, fixed()));
    }
    if (type instanceof ArrowType.Time time) {
      int digits = digits(time.getUnit());
      return Optional.of(new SqlServerType("TIME", Types.TIME, TIME_TEXT, digits, fixed()));
    }
    if (type instanceof ArrowType.Timestamp time) {
      int digits = digits(time.getUnit());
      return Optional.of(
          time.getTimezone() == null
              ? new SqlServerType("DATETIME2", Types.TIMESTAMP, DATETIME_TEXT, digits, fixed())
              : new SqlServerType(
                  "DATETIMEOFFSET", DATETIMEOFFSET, DATETIME_TEXT + OFFSET_TEXT, digits, fixed()));
    }
    return Optional.empty();
  }

  /** Whether {@code type} is a decimal too wide for T-SQL, which deserves its own message. */
  public static boolean isWideDecimal(ArrowType type) {
    return type instanceof ArrowType.Decimal decimal
        && decimal.getPrecision() > SqlServerType.MAX_DECIMAL_PRECISION;
  }

  private static Optional<SqlServerType> integer(ArrowType.Int integer) {
    int bits = integer.getBitWidth();
    if (integer.getIsSigned()) {
      return switch (bits) {
        case BYTE_BITS, SHORT_BITS -> plain("SMALLINT", Types.SMALLINT);
        case INT_BITS -> plain("INT", Types.INTEGER);
        case LONG_BITS -> plain("BIGINT", Types.BIGINT);
        default -> Optional.empty();
      };
    }
    return switch (bits) {
      case BYTE_BITS -> plain("SMALLINT", Types.SMALLINT);
      case SHORT_BITS -> plain("INT", Types.INTEGER);
      case INT_BITS -> plain("BIGINT", Types.BIGINT);
      default -> Optional.empty();
    };
  }

  private static Optional<SqlServerType> decimal(ArrowType.Decimal decimal) {
    if (decimal.getBitWidth() != DECIMAL_BITS
        || decimal.getPrecision() > SqlServerType.MAX_DECIMAL_PRECISION
        || decimal.getScale() < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new SqlServerType(
            "DECIMAL", Types.DECIMAL, decimal.getPrecision(), decimal.getScale(), fixed()));
  }

  /** Fractional-second digits of a time unit; nanoseconds keep the 7 SQL Server can hold. */
  static int digits(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> SECOND_DIGITS;
      case MILLISECOND -> MILLI_DIGITS;
      case MICROSECOND -> MICRO_DIGITS;
      case NANOSECOND -> SqlServerType.MAX_TIME_SCALE;
    };
  }

  private static Optional<SqlServerType> plain(String name, int jdbcType) {
    return Optional.of(SqlServerType.plain(name, jdbcType));
  }

  private static SqlServerType.Sizing fixed() {
    return SqlServerType.Sizing.FIXED;
  }
}
