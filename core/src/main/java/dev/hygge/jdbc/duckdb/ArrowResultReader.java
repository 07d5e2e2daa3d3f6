package dev.hygge.jdbc.duckdb;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.Dialect;
import dev.hygge.jdbc.ReadMapping;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;

/**
 * Reads a DuckDB result as the Arrow stream DuckDB exports ({@code arrowExportStream}): whole
 * column batches, no row loop in Java. Used only when every column's exported Arrow type is the one
 * the JDBC reader would give, so both read the same values.
 */
final class ArrowResultReader implements BatchReader {
  private final String entity;
  private final String where;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet results;
  private final ArrowReader arrow;
  private long bytes;

  private ArrowResultReader(
      String entity,
      String where,
      Connection connection,
      Statement statement,
      ResultSet results,
      ArrowReader arrow) {
    this.entity = requireNonNull(entity, "entity is null");
    this.where = requireNonNull(where, "where is null");
    this.connection = connection;
    this.statement = statement;
    this.results = results;
    this.arrow = arrow;
  }

  /**
   * Runs {@code query} and opens its Arrow stream; empty (with the statement closed, the connection
   * still open) when a column has no read mapping or exports another Arrow type than its mapping.
   *
   * @throws SQLException when the query fails
   */
  static Optional<BatchReader> open(
      String entity,
      String where,
      Connection connection,
      Dialect dialect,
      String query,
      List<Object> parameters,
      int batchSize,
      BufferAllocator allocator)
      throws SQLException {
    Statement statement;
    ResultSet results;
    if (parameters.isEmpty()) {
      statement = connection.createStatement();
      results = statement.executeQuery(query);
    } else {
      PreparedStatement prepared = connection.prepareStatement(query);
      statement = prepared;
      for (int i = 0; i < parameters.size(); i++) {
        prepared.setObject(i + 1, parameters.get(i));
      }
      results = prepared.executeQuery();
    }
    ArrowReader arrow = null;
    try {
      List<ArrowType> expected = mappedTypes(dialect, results.getMetaData());
      if (expected.isEmpty()) {
        results.close();
        statement.close();
        return Optional.empty();
      }
      arrow =
          (ArrowReader)
              results.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, batchSize);
      Schema exported = arrow.getVectorSchemaRoot().getSchema();
      List<ArrowType> got = exported.getFields().stream().map(f -> f.getType()).toList();
      if (!got.equals(expected)) {
        arrow.close();
        results.close();
        statement.close();
        return Optional.empty();
      }
      return Optional.of(
          new ArrowResultReader(entity, where, connection, statement, results, arrow));
    } catch (SQLException | IOException | RuntimeException e) {
      try (statement;
          results) {
        if (arrow != null) {
          arrow.close();
        }
      } catch (SQLException | IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
    }
  }

  /**
   * Every column's mapped Arrow type; empty when a column has none (the JDBC reader says which).
   */
  private static List<ArrowType> mappedTypes(Dialect dialect, ResultSetMetaData meta)
      throws SQLException {
    List<ArrowType> types = new java.util.ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      Optional<ReadMapping> mapping =
          dialect.readMapping(
              new ColumnType(
                  meta.getColumnType(i),
                  meta.getColumnTypeName(i),
                  meta.getPrecision(i),
                  meta.getScale(i)));
      if (mapping.isEmpty()) {
        return List.of();
      }
      types.add(mapping.get().arrowType());
    }
    return types;
  }

  @Override
  public Schema schema() {
    return root().getSchema();
  }

  @Override
  public boolean loadNextBatch() {
    try {
      boolean loaded = arrow.loadNextBatch() && root().getRowCount() > 0;
      if (loaded) {
        for (FieldVector vector : root().getFieldVectors()) {
          bytes += vector.getBufferSize();
        }
      }
      return loaded;
    } catch (IOException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + " from "
              + where
              + ": cannot read the Arrow stream: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public VectorSchemaRoot root() {
    try {
      return arrow.getVectorSchemaRoot();
    } catch (IOException e) {
      throw HyggeException.home(
          "Cannot read entity " + entity + " from " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long bytesRead() {
    return bytes;
  }

  @Override
  public int filesRead() {
    return 1;
  }

  @Override
  public void close() {
    try (connection;
        statement;
        results) {
      arrow.close();
    } catch (SQLException | IOException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + " from "
              + where
              + ": cannot close the connection: "
              + e.getMessage(),
          e);
    }
  }
}
