package dev.hygge.jdbc.duckdb;

import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.Float4Consumer;
import dev.hygge.jdbc.ReadMapping;
import dev.hygge.jdbc.RowStager;
import dev.hygge.jdbc.StandardDialect;
import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.TableStatements;
import dev.hygge.jdbc.WriteMapping;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** DuckDB through duckdb_jdbc: the standard mappings, schemas checked in information_schema. */
public final class DuckDbDialect extends StandardDialect implements dev.hygge.jdbc.FileDialect {
  private static final String SINGLE_FLOAT = "FLOAT";

  @Override
  public String name() {
    return "DuckDB";
  }

  @Override
  public String driverClass() {
    return "org.duckdb.DuckDBDriver";
  }

  @Override
  public String driverArtifact() {
    return "org.duckdb:duckdb_jdbc";
  }

  @Override
  public String url(Path database) {
    return "jdbc:duckdb:" + database.toAbsolutePath();
  }

  /**
   * DuckDB reports its 4-byte {@code FLOAT} (alias {@code REAL}) as {@code Types.FLOAT}; its {@code
   * TIME} values come only as plain objects.
   */
  @Override
  public Optional<ReadMapping> readMapping(ColumnType type) {
    if (type.jdbcType() == Types.FLOAT && SINGLE_FLOAT.equalsIgnoreCase(type.typeName())) {
      return read(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), Float4Consumer::new);
    }
    if (type.jdbcType() == Types.TIME) {
      return read(
          new ArrowType.Time(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, Long.SIZE),
          TimeObjectConsumer::new);
    }
    return super.readMapping(type);
  }

  /**
   * Batches handed to DuckDB as Arrow streams ({@link ArrowStreamStager}); DuckDB's appender, row
   * by row, when Arrow's C data interface (the optional arrow-c-data jar) is not on the class path.
   * Either stages local Parquet files by letting DuckDB read them ({@link ParquetFileStager}).
   */
  @Override
  public RowStager stager(Connection connection, TableStatements sql, List<WriteMapping> mappings)
      throws SQLException {
    if (ArrowStreamStager.available()) {
      return new ArrowStreamStager(connection, sql);
    }
    return new AppenderStager(connection, sql);
  }

  /**
   * The result as DuckDB's own Arrow stream ({@link ArrowResultReader}) when Arrow's C data
   * interface is on the class path and every column exports the Arrow type of its read mapping;
   * otherwise (e.g. a {@code TIMESTAMP_NS} column, or no arrow-c-data jar) through JDBC, row by
   * row.
   */
  @Override
  public dev.hygge.flow.BatchReader reader(
      String entity,
      String where,
      Connection connection,
      String query,
      List<Object> parameters,
      int batchSize,
      org.apache.arrow.memory.BufferAllocator allocator) {
    if (ArrowStreamStager.available()) {
      try {
        Optional<dev.hygge.flow.BatchReader> arrow =
            ArrowResultReader.open(
                entity, where, connection, this, query, parameters, batchSize, allocator);
        if (arrow.isPresent()) {
          return arrow.get();
        }
      } catch (SQLException e) {
        dev.hygge.HyggeException failed =
            dev.hygge.HyggeException.home(
                "Cannot read entity "
                    + entity
                    + " from "
                    + where
                    + ": cannot run the query: "
                    + e.getMessage(),
                e);
        try {
          connection.close();
        } catch (SQLException closing) {
          failed.addSuppressed(closing);
        }
        throw failed;
      }
    }
    return super.reader(entity, where, connection, query, parameters, batchSize, allocator);
  }

  /** DuckDB's primary keys and unique constraints, from {@code duckdb_constraints()}. */
  @Override
  public List<java.util.Set<String>> uniqueKeys(Connection connection, TableName table)
      throws SQLException {
    List<java.util.Set<String>> keys = new java.util.ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT constraint_column_names FROM duckdb_constraints()"
                + " WHERE schema_name = coalesce(?, current_schema()) AND table_name = ?"
                + " AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')")) {
      query.setString(1, table.schema().orElse(null));
      query.setString(2, table.table());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Object[] names = (Object[]) rows.getArray(1).getArray();
          java.util.Set<String> key = new java.util.LinkedHashSet<>();
          for (Object name : names) {
            key.add((String) name);
          }
          keys.add(key);
        }
      }
    }
    return keys;
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
