package dev.hygge.jdbc.sqlserver;

import dev.hygge.jdbc.BigIntConsumer;
import dev.hygge.jdbc.BitConsumer;
import dev.hygge.jdbc.ColumnConsumer;
import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.DateDayConsumer;
import dev.hygge.jdbc.DecimalConsumer;
import dev.hygge.jdbc.Float4Consumer;
import dev.hygge.jdbc.Float8Consumer;
import dev.hygge.jdbc.IntConsumer;
import dev.hygge.jdbc.ReadMapping;
import dev.hygge.jdbc.SmallIntConsumer;
import dev.hygge.jdbc.TimeStampMicroConsumer;
import dev.hygge.jdbc.VarBinaryConsumer;
import dev.hygge.jdbc.VarCharConsumer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * T-SQL column types to Arrow, by the type name mssql-jdbc reports. {@code TINYINT} (0 to 255)
 * reads as a 16-bit integer; temporal types read to microseconds ({@code DATETIME2(7)} and {@code
 * TIME(7)} lose their last digit); {@code DATETIMEOFFSET} reads as a UTC timestamp. Anything else
 * ({@code sql_variant}, {@code xml}, spatial types, {@code rowversion}) is refused and must be cast
 * in a query.
 */
public final class SqlServerReadMapping {
  private static final int SHORT_BITS = 16;
  private static final int INT_BITS = 32;
  private static final int LONG_BITS = 64;
  private static final int DECIMAL_BITS = 128;
  private static final String IDENTITY_SUFFIX = " identity";
  private static final String UTC = "UTC";

  private static final ReadMapping TEXT =
      new ReadMapping(ArrowType.Utf8.INSTANCE, VarCharConsumer::new);
  private static final ReadMapping BINARY =
      new ReadMapping(ArrowType.Binary.INSTANCE, VarBinaryConsumer::new);
  private static final ReadMapping TIMESTAMP =
      new ReadMapping(
          new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), TimeStampMicroConsumer::new);

  private static final Map<String, ReadMapping> BY_NAME =
      Map.ofEntries(
          Map.entry("bit", read(ArrowType.Bool.INSTANCE, BitConsumer::new)),
          Map.entry("tinyint", read(new ArrowType.Int(SHORT_BITS, true), SmallIntConsumer::new)),
          Map.entry("smallint", read(new ArrowType.Int(SHORT_BITS, true), SmallIntConsumer::new)),
          Map.entry("int", read(new ArrowType.Int(INT_BITS, true), IntConsumer::new)),
          Map.entry("bigint", read(new ArrowType.Int(LONG_BITS, true), BigIntConsumer::new)),
          Map.entry(
              "real",
              read(
                  new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), Float4Consumer::new)),
          Map.entry(
              "float",
              read(
                  new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), Float8Consumer::new)),
          Map.entry("char", TEXT),
          Map.entry("varchar", TEXT),
          Map.entry("text", TEXT),
          Map.entry("nchar", TEXT),
          Map.entry("nvarchar", TEXT),
          Map.entry("ntext", TEXT),
          Map.entry("uniqueidentifier", TEXT),
          Map.entry("binary", BINARY),
          Map.entry("varbinary", BINARY),
          Map.entry("image", BINARY),
          Map.entry("date", read(new ArrowType.Date(DateUnit.DAY), DateDayConsumer::new)),
          Map.entry(
              "time",
              read(new ArrowType.Time(TimeUnit.MICROSECOND, LONG_BITS), TimeMicroConsumer::new)),
          Map.entry("datetime", TIMESTAMP),
          Map.entry("smalldatetime", TIMESTAMP),
          Map.entry("datetime2", TIMESTAMP),
          Map.entry(
              "datetimeoffset",
              read(
                  new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC),
                  DateTimeOffsetConsumer::new)));

  private static final java.util.Set<String> DECIMALS =
      java.util.Set.of("decimal", "numeric", "money", "smallmoney");

  private SqlServerReadMapping() {}

  /** How a column of {@code type} is read; empty when hygge cannot read it. */
  public static Optional<ReadMapping> of(ColumnType type) {
    String name = type.typeName().toLowerCase(Locale.ROOT);
    if (name.endsWith(IDENTITY_SUFFIX)) {
      name = name.substring(0, name.length() - IDENTITY_SUFFIX.length());
    }
    if (DECIMALS.contains(name)) {
      if (type.precision() <= 0 || type.precision() > SqlServerType.MAX_DECIMAL_PRECISION) {
        return Optional.empty();
      }
      return Optional.of(
          read(
              new ArrowType.Decimal(type.precision(), type.scale(), DECIMAL_BITS),
              DecimalConsumer::new));
    }
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static ReadMapping read(ArrowType type, Function<FieldVector, ColumnConsumer> consumers) {
    return new ReadMapping(type, consumers);
  }
}
