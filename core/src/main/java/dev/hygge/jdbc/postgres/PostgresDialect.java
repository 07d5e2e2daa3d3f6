package dev.hygge.jdbc.postgres;

import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.ReadMapping;
import dev.hygge.jdbc.RowStager;
import dev.hygge.jdbc.StandardDialect;
import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.TableStatements;
import dev.hygge.jdbc.TinyIntBinder;
import dev.hygge.jdbc.WriteMapping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * PostgreSQL through pgjdbc: the standard mappings with {@code TEXT}, {@code BYTEA} and {@code
 * DOUBLE PRECISION}; 8-bit integers widen to {@code SMALLINT} (PostgreSQL has no {@code TINYINT}).
 * Rows are staged with binary {@code COPY}.
 */
public final class PostgresDialect extends StandardDialect {
  /**
   * The type names read through the standard mappings. pgjdbc reports others under the same JDBC
   * codes ({@code timestamptz} as TIMESTAMP, {@code money} as DOUBLE, bit strings as BIT), which
   * would read wrongly, so they are refused and must be cast in a query.
   */
  private static final Set<String> READABLE_TYPES =
      Set.of(
          "bool",
          "int2",
          "int4",
          "int8",
          "float4",
          "float8",
          "text",
          "varchar",
          "bpchar",
          "name",
          "bytea",
          "date",
          "timestamp",
          "timestamptz",
          "time",
          "numeric");

  /** pgjdbc reports {@code timestamptz} under {@code Types.TIMESTAMP}; its name tells it apart. */
  private static final String TIMESTAMPTZ = "timestamptz";

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String driverClass() {
    return "org.postgresql.Driver";
  }

  @Override
  public String driverArtifact() {
    return "org.postgresql:postgresql";
  }

  @Override
  public Optional<WriteMapping> writeMapping(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Int integer
        && integer.getIsSigned()
        && integer.getBitWidth() == Byte.SIZE) {
      return Optional.of(new WriteMapping("SMALLINT", TinyIntBinder::new));
    }
    if (type instanceof ArrowType.FloatingPoint floating
        && floating.getPrecision() == FloatingPointPrecision.DOUBLE) {
      return Optional.of(new WriteMapping("DOUBLE PRECISION", dev.hygge.jdbc.Float8Binder::new));
    }
    return super.writeMapping(field);
  }

  @Override
  public Optional<ReadMapping> readMapping(ColumnType type) {
    if (!READABLE_TYPES.contains(type.typeName())) {
      return Optional.empty();
    }
    if (type.typeName().equals(TIMESTAMPTZ)) {
      return timestampTzRead();
    }
    return super.readMapping(type);
  }

  @Override
  protected String textType() {
    return "TEXT";
  }

  @Override
  protected String binaryType() {
    return "BYTEA";
  }

  /** Binary {@code COPY ... FROM STDIN}, encoded straight from the Arrow vectors. */
  @Override
  public RowStager stager(Connection connection, TableStatements sql, List<WriteMapping> mappings)
      throws SQLException {
    return new CopyStager(connection, sql);
  }

  @Override
  public boolean tableExists(Connection connection, TableName table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = coalesce(?, current_schema()) AND table_name = ?")) {
      query.setString(1, table.schema().orElse(null));
      query.setString(2, table.table());
      try (ResultSet count = query.executeQuery()) {
        return count.next() && count.getLong(1) > 0;
      }
    }
  }
}
