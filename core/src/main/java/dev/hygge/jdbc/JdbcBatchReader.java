package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Reads a query's result set into Arrow batches through one consumer per column. */
final class JdbcBatchReader implements BatchReader {
  private final String entity;
  private final String where;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet results;
  private final VectorSchemaRoot root;
  private final ColumnConsumer[] consumers;
  private final int batchSize;
  private long bytes;
  private boolean exhausted;

  /**
   * Runs {@code query} with its {@code ?} parameters bound to {@code parameters}; the reader owns
   * {@code connection} and closes it.
   *
   * @throws HyggeException of kind HOME when the query fails or a column type is unsupported
   */
  JdbcBatchReader(
      String entity,
      String where,
      Connection connection,
      Dialect dialect,
      String query,
      List<Object> parameters,
      int batchSize,
      BufferAllocator allocator) {
    this.entity = requireNonNull(entity, "entity is null");
    this.where = requireNonNull(where, "where is null");
    this.connection = requireNonNull(connection, "connection is null");
    this.batchSize = batchSize;
    Statement opened = null;
    ResultSet rows = null;
    try {
      // Outside autocommit a fetch size streams the rows (PostgreSQL opens a server-side cursor).
      connection.setAutoCommit(false);
      if (parameters.isEmpty()) {
        // A plain statement, so a query's own '?' (PostgreSQL's jsonb operator) is not a parameter.
        opened = connection.createStatement();
        opened.setFetchSize(batchSize);
        rows = opened.executeQuery(query);
      } else {
        PreparedStatement prepared = connection.prepareStatement(query);
        opened = prepared;
        prepared.setFetchSize(batchSize);
        for (int i = 0; i < parameters.size(); i++) {
          prepared.setObject(i + 1, parameters.get(i));
        }
        rows = prepared.executeQuery();
      }
      List<ReadMapping> mappings = mappings(dialect, rows.getMetaData());
      List<Field> fields = new ArrayList<>();
      ResultSetMetaData meta = rows.getMetaData();
      for (int i = 0; i < mappings.size(); i++) {
        fields.add(
            new Field(
                meta.getColumnLabel(i + 1), FieldType.nullable(mappings.get(i).arrowType()), null));
      }
      this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
      this.consumers = new ColumnConsumer[mappings.size()];
      List<FieldVector> vectors = root.getFieldVectors();
      for (int i = 0; i < consumers.length; i++) {
        consumers[i] = mappings.get(i).consumer(vectors.get(i));
      }
    } catch (SQLException | RuntimeException e) {
      closeAll(rows, opened, e);
      throw e instanceof HyggeException h ? h : failure("cannot run the query", e);
    }
    this.statement = opened;
    this.results = rows;
  }

  private List<ReadMapping> mappings(Dialect dialect, ResultSetMetaData meta) throws SQLException {
    List<ReadMapping> mappings = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      ColumnType type =
          new ColumnType(
              meta.getColumnType(i),
              meta.getColumnTypeName(i),
              meta.getPrecision(i),
              meta.getScale(i));
      String column = meta.getColumnLabel(i);
      mappings.add(
          dialect
              .readMapping(type)
              .orElseThrow(
                  () ->
                      HyggeException.home(
                          "Cannot read entity "
                              + entity
                              + " from "
                              + where
                              + ": column '"
                              + column
                              + "' has type "
                              + type.typeName()
                              + ", which hygge cannot read from "
                              + dialect.name()
                              + " (cast it in a query:).",
                          null)));
    }
    return mappings;
  }

  @Override
  public Schema schema() {
    return root.getSchema();
  }

  @Override
  public boolean loadNextBatch() {
    root.allocateNew();
    int row = 0;
    try {
      while (row < batchSize && !exhausted) {
        if (!results.next()) {
          exhausted = true;
          break;
        }
        for (int column = 0; column < consumers.length; column++) {
          consumers[column].consume(results, column + 1, row);
        }
        row++;
      }
    } catch (SQLException e) {
      throw failure("cannot read row " + (row + 1) + " of the batch", e);
    }
    root.setRowCount(row);
    for (FieldVector vector : root.getFieldVectors()) {
      bytes += vector.getBufferSize();
    }
    return row > 0;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
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
    try {
      closeAll(results, statement, null);
    } finally {
      root.close();
    }
  }

  private void closeAll(ResultSet rows, Statement opened, Exception cause) {
    try (connection;
        Statement s = opened;
        ResultSet r = rows) {
      // try-with-resources closes rows, then the statement, then the connection
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      } else {
        throw failure("cannot close the connection", e);
      }
    }
  }

  private HyggeException failure(String what, Exception cause) {
    return HyggeException.home(
        "Cannot read entity " + entity + " from " + where + ": " + what + ": " + cause.getMessage(),
        cause);
  }
}
