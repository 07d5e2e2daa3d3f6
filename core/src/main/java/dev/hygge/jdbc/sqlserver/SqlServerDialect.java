package dev.hygge.jdbc.sqlserver;

import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.ReadMapping;
import dev.hygge.jdbc.StandardDialect;
import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.TargetColumn;
import dev.hygge.jdbc.ValueLimit;
import dev.hygge.jdbc.WriteMapping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * SQL Server and Azure SQL through mssql-jdbc: {@code [bracket]} quoting, the T-SQL types of {@link
 * SqlServerTypeMapping} for writing and of {@link SqlServerReadMapping} for reading.
 */
public final class SqlServerDialect extends StandardDialect {
  private static final int TINYINT_MAX = 255;

  @Override
  public String name() {
    return "SQL Server";
  }

  @Override
  public String driverClass() {
    return "com.microsoft.sqlserver.jdbc.SQLServerDriver";
  }

  @Override
  public String driverArtifact() {
    return "com.microsoft.sqlserver:mssql-jdbc";
  }

  /** {@code [identifier]}, with {@code ]} doubled. */
  @Override
  public String quote(String identifier) {
    return '[' + identifier.replace("]", "]]") + ']';
  }

  /** {@code N'text'}, with {@code '} doubled: a Unicode string literal. */
  public String literal(String text) {
    return "N'" + text.replace("'", "''") + "'";
  }

  @Override
  public boolean tableExists(Connection connection, TableName table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT OBJECT_ID(?, N'U')")) {
      query.setString(1, quote(table));
      try (ResultSet id = query.executeQuery()) {
        return id.next() && id.getObject(1) != null;
      }
    }
  }

  /**
   * The T-SQL type of {@code field} (strings as {@code NVARCHAR(MAX)}: the store sizes them from
   * the data), bound as the bulk-copy value object.
   */
  @Override
  public Optional<WriteMapping> writeMapping(Field field) {
    return SqlServerTypeMapping.of(field.getType())
        .map(type -> new WriteMapping(type.stagingDdl(), BulkColumnBinder::new));
  }

  /** The columns from {@code INFORMATION_SCHEMA.COLUMNS}, as {@link SqlServerColumn} reads them. */
  @Override
  public List<TargetColumn> columns(Connection connection, TableName table) throws SQLException {
    return new SqlServerCatalog(connection, this)
        .columns(table).stream().map(SqlServerColumn::target).toList();
  }

  /**
   * T-SQL's limits: {@code TINYINT} holds 0 to 255 and {@code NVARCHAR(n)} counts UTF-16 code
   * units. A {@code VARCHAR(n)} counts bytes in its collation's code page, which a {@link
   * TargetColumn} does not carry: {@link SqlServerColumn#limit()} has that limit.
   */
  @Override
  public Optional<ValueLimit> valueLimit(TargetColumn column) {
    ColumnType type = column.type();
    return switch (type.jdbcType()) {
      case Types.TINYINT -> Optional.of(new ValueLimit.IntegerRange(0, TINYINT_MAX));
      case Types.NCHAR, Types.NVARCHAR ->
          type.precision() > 0
              ? Optional.of(new ValueLimit.Utf16Length(type.precision()))
              : Optional.empty();
      case Types.CHAR, Types.VARCHAR -> Optional.empty();
      default -> super.valueLimit(column);
    };
  }

  @Override
  public Optional<ReadMapping> readMapping(ColumnType type) {
    return SqlServerReadMapping.of(type);
  }
}
