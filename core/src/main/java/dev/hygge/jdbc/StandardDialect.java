package dev.hygge.jdbc;

import java.sql.Types;
import java.util.Optional;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The SQL-standard base: double-quoted identifiers and the common type mappings (booleans, signed
 * integers, floats, strings, binary, dates, microsecond timestamps without time zone, decimals). A
 * database class overrides only what differs.
 */
public abstract class StandardDialect implements Dialect {
  /** The most digits a {@code DECIMAL} column holds in the standard mapping. */
  protected static final int MAX_DECIMAL_PRECISION = 38;

  private static final int BYTE_BITS = 8;
  private static final int SHORT_BITS = 16;
  private static final int INT_BITS = 32;
  private static final int LONG_BITS = 64;
  private static final int DECIMAL_BITS = 128;

  @Override
  public String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public boolean schemaExists(java.sql.Connection connection, String schema)
      throws java.sql.SQLException {
    return new StandardCatalog(this).schemaExists(connection, schema);
  }

  @Override
  public java.util.List<TargetColumn> columns(java.sql.Connection connection, TableName table)
      throws java.sql.SQLException {
    StandardCatalog catalog = new StandardCatalog(this);
    return catalog.columns(connection, table, catalog.notNullColumns(connection, table));
  }

  @Override
  public java.util.List<java.util.Set<String>> uniqueKeys(
      java.sql.Connection connection, TableName table) throws java.sql.SQLException {
    return new StandardCatalog(this).uniqueKeys(connection, table);
  }

  /** {@code INSERT ... ON CONFLICT (key) DO UPDATE}, which PostgreSQL, DuckDB and SQLite share. */
  @Override
  public String upsert(
      TableStatements sql, java.util.List<String> columns, java.util.List<String> key) {
    return sql.upsertFromStaging(columns, key);
  }

  /**
   * Integer widths by JDBC type, digits before the point of a {@code DECIMAL(p,s)}, and the length
   * of a {@code VARCHAR(n)} or {@code CHAR(n)} whose driver reports one.
   */
  @Override
  public Optional<ValueLimit> valueLimit(TargetColumn column) {
    ColumnType type = column.type();
    return switch (type.jdbcType()) {
      case Types.TINYINT ->
          Optional.of(new ValueLimit.IntegerRange(Byte.MIN_VALUE, Byte.MAX_VALUE));
      case Types.SMALLINT ->
          Optional.of(new ValueLimit.IntegerRange(Short.MIN_VALUE, Short.MAX_VALUE));
      case Types.INTEGER ->
          Optional.of(new ValueLimit.IntegerRange(Integer.MIN_VALUE, Integer.MAX_VALUE));
      case Types.DECIMAL, Types.NUMERIC ->
          type.precision() > 0 && type.scale() >= 0 && type.scale() <= type.precision()
              ? Optional.of(new ValueLimit.DecimalDigits(type.precision(), type.scale()))
              : Optional.empty();
      case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR ->
          type.precision() > 0 && type.precision() < Integer.MAX_VALUE
              ? Optional.of(new ValueLimit.TextLength(type.precision()))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** Nothing to ready: the database locks what each statement touches. */
  @Override
  public void prepareWriteTransaction(java.sql.Connection connection)
      throws java.sql.SQLException {}

  /** Prepared-statement batches: {@link InsertStager}. */
  @Override
  public RowStager stager(
      java.sql.Connection connection, TableStatements sql, java.util.List<WriteMapping> mappings)
      throws java.sql.SQLException {
    return new InsertStager(connection, sql, mappings);
  }

  @Override
  public Optional<WriteMapping> writeMapping(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Bool) {
      return Optional.of(new WriteMapping("BOOLEAN", BitBinder::new));
    }
    if (type instanceof ArrowType.Int integer && integer.getIsSigned()) {
      return integerMapping(integer.getBitWidth());
    }
    if (type instanceof ArrowType.FloatingPoint floating) {
      return floatingMapping(floating.getPrecision());
    }
    if (type instanceof ArrowType.Utf8) {
      return Optional.of(new WriteMapping(textType(), VarCharBinder::new));
    }
    if (type instanceof ArrowType.LargeUtf8) {
      return Optional.of(new WriteMapping(textType(), LargeVarCharBinder::new));
    }
    if (type instanceof ArrowType.Binary) {
      return Optional.of(new WriteMapping(binaryType(), VarBinaryBinder::new));
    }
    if (type instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY) {
      return dateMapping();
    }
    if (type instanceof ArrowType.Timestamp time
        && time.getUnit() == TimeUnit.MICROSECOND
        && time.getTimezone() == null) {
      return timestampMapping();
    }
    if (type instanceof ArrowType.Timestamp time && time.getUnit() == TimeUnit.MICROSECOND) {
      return timestampTzMapping();
    }
    if (type instanceof ArrowType.Time time
        && time.getUnit() == TimeUnit.MICROSECOND
        && time.getBitWidth() == LONG_BITS) {
      return timeMapping();
    }
    if (type instanceof ArrowType.Decimal decimal) {
      return decimalMapping(decimal);
    }
    return Optional.empty();
  }

  /** {@code TEXT}-like type for strings. */
  protected String textType() {
    return "VARCHAR";
  }

  /** Type for byte strings. */
  protected String binaryType() {
    return "BLOB";
  }

  /** The mapping of {@code DATE}. */
  protected Optional<WriteMapping> dateMapping() {
    return Optional.of(new WriteMapping("DATE", DateDayBinder::new));
  }

  /** The mapping of microsecond timestamps without time zone. */
  protected Optional<WriteMapping> timestampMapping() {
    return Optional.of(new WriteMapping("TIMESTAMP", TimeStampMicroBinder::new));
  }

  /** The mapping of microsecond timestamps with a time zone: instants, read back as UTC. */
  protected Optional<WriteMapping> timestampTzMapping() {
    return Optional.of(new WriteMapping("TIMESTAMP WITH TIME ZONE", TimeStampMicroTzBinder::new));
  }

  /** The mapping of microsecond times of day. */
  protected Optional<WriteMapping> timeMapping() {
    return Optional.of(new WriteMapping("TIME", TimeMicroBinder::new));
  }

  /** The mapping of a 128-bit decimal. */
  protected Optional<WriteMapping> decimalMapping(ArrowType.Decimal decimal) {
    if (decimal.getBitWidth() != DECIMAL_BITS || decimal.getPrecision() > MAX_DECIMAL_PRECISION) {
      return Optional.empty();
    }
    return Optional.of(
        new WriteMapping(
            "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")",
            DecimalBinder::new));
  }

  private static Optional<WriteMapping> integerMapping(int bits) {
    return switch (bits) {
      case BYTE_BITS -> Optional.of(new WriteMapping("TINYINT", TinyIntBinder::new));
      case SHORT_BITS -> Optional.of(new WriteMapping("SMALLINT", SmallIntBinder::new));
      case INT_BITS -> Optional.of(new WriteMapping("INTEGER", IntBinder::new));
      case LONG_BITS -> Optional.of(new WriteMapping("BIGINT", BigIntBinder::new));
      default -> Optional.empty();
    };
  }

  private static Optional<WriteMapping> floatingMapping(FloatingPointPrecision precision) {
    return switch (precision) {
      case SINGLE -> Optional.of(new WriteMapping("REAL", Float4Binder::new));
      case DOUBLE -> Optional.of(new WriteMapping("DOUBLE", Float8Binder::new));
      case HALF -> Optional.empty();
    };
  }

  @Override
  public Optional<ReadMapping> readMapping(ColumnType type) {
    return switch (type.jdbcType()) {
      case Types.BOOLEAN, Types.BIT -> read(ArrowType.Bool.INSTANCE, BitConsumer::new);
      case Types.TINYINT -> read(new ArrowType.Int(BYTE_BITS, true), TinyIntConsumer::new);
      case Types.SMALLINT -> read(new ArrowType.Int(SHORT_BITS, true), SmallIntConsumer::new);
      case Types.INTEGER -> read(new ArrowType.Int(INT_BITS, true), IntConsumer::new);
      case Types.BIGINT -> read(new ArrowType.Int(LONG_BITS, true), BigIntConsumer::new);
      case Types.REAL ->
          read(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), Float4Consumer::new);
      case Types.FLOAT, Types.DOUBLE ->
          read(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), Float8Consumer::new);
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR ->
          read(ArrowType.Utf8.INSTANCE, VarCharConsumer::new);
      case Types.BLOB, Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY ->
          read(ArrowType.Binary.INSTANCE, VarBinaryConsumer::new);
      case Types.DATE -> read(new ArrowType.Date(DateUnit.DAY), DateDayConsumer::new);
      case Types.TIMESTAMP ->
          read(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), TimeStampMicroConsumer::new);
      case Types.TIMESTAMP_WITH_TIMEZONE -> timestampTzRead();
      case Types.TIME ->
          read(new ArrowType.Time(TimeUnit.MICROSECOND, LONG_BITS), TimeMicroConsumer::new);
      case Types.DECIMAL, Types.NUMERIC -> decimalRead(type);
      default -> Optional.empty();
    };
  }

  /** The read mapping of a timestamp-with-time-zone column: UTC microseconds. */
  protected static Optional<ReadMapping> timestampTzRead() {
    return read(
        new ArrowType.Timestamp(TimeUnit.MICROSECOND, TimeStampMicroTzConsumer.ZONE),
        TimeStampMicroTzConsumer::new);
  }

  private static Optional<ReadMapping> decimalRead(ColumnType type) {
    if (type.precision() <= 0 || type.precision() > MAX_DECIMAL_PRECISION) {
      return Optional.empty();
    }
    return read(
        new ArrowType.Decimal(type.precision(), type.scale(), DECIMAL_BITS), DecimalConsumer::new);
  }

  /** A read mapping, wrapped for the {@code readMapping} switch. */
  protected static Optional<ReadMapping> read(
      ArrowType type,
      java.util.function.Function<org.apache.arrow.vector.FieldVector, ColumnConsumer> consumers) {
    return Optional.of(new ReadMapping(type, consumers));
  }
}
