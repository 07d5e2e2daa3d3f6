package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.ReadMapping;
import dev.hygge.jdbc.StandardDialect;
import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.WriteMapping;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
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
            "SELECT count(*) FROM " + master + " WHERE type = 'table' AND name = ?")) {
      query.setString(1, table.table());
      try (ResultSet count = query.executeQuery()) {
        return count.next() && count.getLong(1) > 0;
      }
    }
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
      default -> Optional.empty();
    };
  }
}
