package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.ReadMapping;
import dev.hygge.jdbc.StandardCatalog;
import dev.hygge.jdbc.StandardDialect;
import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.TargetColumn;
import dev.hygge.jdbc.WriteMapping;
import dev.hygge.state.Watermark;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * SQLite through sqlite-jdbc. Dates and timestamps are stored as ISO-8601 text in {@code DATE} and
 * {@code TIMESTAMP} columns; decimals are not supported, since SQLite's numeric affinity turns them
 * into doubles. Columns are read by their declared type name.
 */
public final class SqliteDialect extends StandardDialect implements dev.hygge.jdbc.FileDialect {
  private static final String MAIN_SCHEMA = "main";
  private static final String TIMESTAMPTZ = "TIMESTAMPTZ";
  private static final String TIME = "TIME";

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public String driverClass() {
    return "org.sqlite.JDBC";
  }

  @Override
  public String driverArtifact() {
    return "org.xerial:sqlite-jdbc";
  }

  @Override
  public String url(Path database) {
    return "jdbc:sqlite:" + database.toAbsolutePath();
  }

  @Override
  public boolean tableExists(Connection connection, TableName table) throws SQLException {
    String master = quote(table.schema().orElse(MAIN_SCHEMA)) + ".sqlite_master";
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT count(*) FROM " + master + " WHERE type IN ('table', 'view') AND name = ?")) {
      query.setString(1, table.table());
      try (ResultSet count = query.executeQuery()) {
        return count.next() && count.getLong(1) > 0;
      }
    }
  }

  /**
   * The write transaction begins {@code IMMEDIATE}: a deferred one that reads the catalog first
   * could not upgrade to writing while another writer waits, and would fail at once instead of
   * waiting for the busy timeout.
   */
  @Override
  public void prepareWriteTransaction(Connection connection) throws SQLException {
    connection
        .unwrap(org.sqlite.SQLiteConnection.class)
        .getConnectionConfig()
        .setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
  }

  /** Attached databases are SQLite's schemas: {@code main}, {@code temp} and attached ones. */
  @Override
  public boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT count(*) FROM pragma_database_list WHERE name = ?")) {
      query.setString(1, schema);
      try (ResultSet count = query.executeQuery()) {
        return count.next() && count.getLong(1) > 0;
      }
    }
  }

  /** Nullability from {@code pragma_table_info}: SQLite has no information_schema. */
  @Override
  public List<TargetColumn> columns(Connection connection, TableName table) throws SQLException {
    Set<String> notNull = new HashSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT name FROM pragma_table_info(?, ?) WHERE \"notnull\" = 1")) {
      query.setString(1, table.table());
      query.setString(2, table.schema().orElse(MAIN_SCHEMA));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          notNull.add(rows.getString(1));
        }
      }
    }
    return new StandardCatalog(this).columns(connection, table, notNull);
  }

  @Override
  protected String textType() {
    return "TEXT";
  }

  @Override
  protected Optional<WriteMapping> dateMapping() {
    return Optional.of(new WriteMapping("DATE", DateTextBinder::new));
  }

  @Override
  protected Optional<WriteMapping> timestampMapping() {
    return Optional.of(new WriteMapping("TIMESTAMP", TimestampTextBinder::new));
  }

  /** A timestamptz bound as the UTC text {@link TimestampTzTextBinder} writes, which sorts. */
  @Override
  public Object watermarkParameter(Watermark bound) {
    if (bound instanceof Watermark.Moment moment) {
      return TimestampTzTextBinder.FORMAT.format(
          java.time.LocalDateTime.ofInstant(moment.value(), java.time.ZoneOffset.UTC));
    }
    return bound.sqlValue();
  }

  @Override
  protected Optional<WriteMapping> timestampTzMapping() {
    return Optional.of(new WriteMapping(TIMESTAMPTZ, TimestampTzTextBinder::new));
  }

  @Override
  protected Optional<WriteMapping> timeMapping() {
    return Optional.of(new WriteMapping(TIME, TimeTextBinder::new));
  }

  @Override
  protected Optional<WriteMapping> decimalMapping(ArrowType.Decimal decimal) {
    return Optional.empty();
  }

  @Override
  public Optional<ReadMapping> readMapping(ColumnType type) {
    String declared = type.typeName().toUpperCase(Locale.ROOT);
    return switch (declared) {
      case "DATE" -> read(new ArrowType.Date(DateUnit.DAY), DateTextConsumer::new);
      case "TIMESTAMP" ->
          read(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), TimestampTextConsumer::new);
      case TIMESTAMPTZ ->
          read(
              new ArrowType.Timestamp(
                  TimeUnit.MICROSECOND, dev.hygge.jdbc.TimeStampMicroTzConsumer.ZONE),
              TimestampTzTextConsumer::new);
      case TIME -> read(new ArrowType.Time(TimeUnit.MICROSECOND, Long.SIZE), TimeTextConsumer::new);
      case "TEXT" -> read(ArrowType.Utf8.INSTANCE, dev.hygge.jdbc.VarCharConsumer::new);
      case "BLOB" -> read(ArrowType.Binary.INSTANCE, dev.hygge.jdbc.VarBinaryConsumer::new);
      case "BOOLEAN" -> read(ArrowType.Bool.INSTANCE, dev.hygge.jdbc.BitConsumer::new);
      case "TINYINT" ->
          read(new ArrowType.Int(Byte.SIZE, true), dev.hygge.jdbc.TinyIntConsumer::new);
      case "SMALLINT" ->
          read(new ArrowType.Int(Short.SIZE, true), dev.hygge.jdbc.SmallIntConsumer::new);
      case "INTEGER" ->
          read(new ArrowType.Int(Integer.SIZE, true), dev.hygge.jdbc.IntConsumer::new);
      case "BIGINT" -> read(new ArrowType.Int(Long.SIZE, true), dev.hygge.jdbc.BigIntConsumer::new);
      case "REAL" ->
          read(
              new ArrowType.FloatingPoint(
                  org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE),
              dev.hygge.jdbc.Float4Consumer::new);
      case "DOUBLE" ->
          read(
              new ArrowType.FloatingPoint(
                  org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
              dev.hygge.jdbc.Float8Consumer::new);
      default -> byAffinity(declared);
    };
  }

  /**
   * SQLite's type affinity rules for declared types hygge does not write itself ({@code
   * VARCHAR(40)}, {@code INT}, {@code DOUBLE PRECISION}, ...): integers read as 64-bit, text,
   * blobs, and floating point as doubles. {@code NUMERIC} affinity (e.g. {@code DECIMAL}) is
   * refused, since its values may be integers, doubles or text row by row.
   */
  private static Optional<ReadMapping> byAffinity(String declared) {
    if (declared.contains("INT")) {
      return read(new ArrowType.Int(Long.SIZE, true), dev.hygge.jdbc.BigIntConsumer::new);
    }
    if (declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT")) {
      return read(ArrowType.Utf8.INSTANCE, dev.hygge.jdbc.VarCharConsumer::new);
    }
    if (declared.contains("BLOB")) {
      return read(ArrowType.Binary.INSTANCE, dev.hygge.jdbc.VarBinaryConsumer::new);
    }
    if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
      return read(
          new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
          dev.hygge.jdbc.Float8Consumer::new);
    }
    return Optional.empty();
  }
}
