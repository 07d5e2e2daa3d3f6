package dev.hygge.jdbc.postgres;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.jdbc.ColumnType;
import dev.hygge.jdbc.Dialect;
import dev.hygge.jdbc.ReadMapping;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads a query's rows with {@code COPY (query) TO STDOUT (FORMAT binary)}, decoding each field
 * straight into Arrow vectors through one {@link CopyFieldReader} per column. The columns' Arrow
 * types come from the dialect's read mappings of the query's described result, so they are the ones
 * the JDBC reader gives.
 */
final class CopyBatchReader implements BatchReader {
  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final int NULL_LENGTH = -1;
  private static final short TRAILER = -1;

  private final String entity;
  private final String where;
  private final Connection connection;
  private final VectorSchemaRoot root;
  private final CopyFieldReader[] fields;
  private final int batchSize;
  private final CopyOut copy;
  private final CopyInput in;
  private long bytes;
  private boolean exhausted;

  /**
   * Starts the copy of {@code query}'s rows; the reader owns {@code connection} and closes it.
   *
   * @throws HyggeException of kind HOME when the query fails or a column type is unsupported
   */
  CopyBatchReader(
      String entity,
      String where,
      Connection connection,
      Dialect dialect,
      String query,
      int batchSize,
      BufferAllocator allocator) {
    this.entity = requireNonNull(entity, "entity is null");
    this.where = requireNonNull(where, "where is null");
    this.connection = requireNonNull(connection, "connection is null");
    this.batchSize = batchSize;
    VectorSchemaRoot created = null;
    CopyOut started = null;
    try {
      created = VectorSchemaRoot.create(schema(dialect, query), allocator);
      this.fields = new CopyFieldReader[created.getFieldVectors().size()];
      for (int i = 0; i < fields.length; i++) {
        FieldVector vector = created.getVector(i);
        vector.setInitialCapacity(batchSize);
        fields[i] = CopyFieldReader.of(vector);
      }
      started =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyOut("COPY (" + query + ") TO STDOUT (FORMAT binary)");
      this.in = new CopyInput(started);
      readHeader();
    } catch (SQLException | RuntimeException e) {
      if (created != null) {
        created.close();
      }
      closeQuietly(started, e);
      throw e instanceof HyggeException h ? h : failure("cannot start the COPY", e);
    }
    this.root = created;
    this.copy = started;
  }

  /**
   * The Arrow schema of {@code query}'s result, from an empty run of it: a plain statement, so a
   * query's own {@code ?} (PostgreSQL's jsonb operator) is not taken for a parameter.
   */
  private Schema schema(Dialect dialect, String query) throws SQLException {
    List<Field> fields = new ArrayList<>();
    try (Statement described = connection.createStatement();
        ResultSet empty =
            described.executeQuery("SELECT * FROM (" + query + ") AS hygge_described LIMIT 0")) {
      ResultSetMetaData meta = empty.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        ColumnType type =
            new ColumnType(
                meta.getColumnType(i),
                meta.getColumnTypeName(i),
                meta.getPrecision(i),
                meta.getScale(i));
        String column = meta.getColumnLabel(i);
        ReadMapping mapping =
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
                            null));
        fields.add(new Field(column, FieldType.nullable(mapping.arrowType()), null));
      }
    }
    return new Schema(fields);
  }

  private void readHeader() throws SQLException {
    in.require(SIGNATURE.length + Integer.BYTES + Integer.BYTES);
    byte[] signature =
        Arrays.copyOfRange(in.array(), in.position(), in.position() + SIGNATURE.length);
    if (!Arrays.equals(signature, SIGNATURE)) {
      throw new SQLException("the server sent no binary COPY signature");
    }
    in.skip(SIGNATURE.length);
    in.readInt(); // flags: bit 16 (OIDs) is never set for a COPY of a query
    int extension = in.readInt();
    in.require(extension);
    in.skip(extension);
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
        in.require(Short.BYTES);
        short count = in.readShort();
        if (count == TRAILER) {
          exhausted = true;
          in.drain();
          break;
        }
        if (count != fields.length) {
          throw new SQLException(
              "a row of the COPY has " + count + " fields, the query " + fields.length);
        }
        for (CopyFieldReader field : fields) {
          in.require(Integer.BYTES);
          int length = in.readInt();
          if (length == NULL_LENGTH) {
            field.setNull(row);
          } else {
            in.require(length);
            field.read(in, length, row);
          }
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
      HyggeException failed = null;
      try {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException e) {
        failed = failure("cannot cancel the COPY", e);
      }
      try {
        connection.close();
      } catch (SQLException e) {
        if (failed == null) {
          failed = failure("cannot close the connection", e);
        } else {
          failed.addSuppressed(e);
        }
      }
      if (failed != null) {
        throw failed;
      }
    } finally {
      root.close();
    }
  }

  private void closeQuietly(CopyOut started, Exception cause) {
    try (connection) {
      if (started != null && started.isActive()) {
        started.cancelCopy();
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private HyggeException failure(String what, Exception cause) {
    return HyggeException.home(
        "Cannot read entity " + entity + " from " + where + ": " + what + ": " + cause.getMessage(),
        cause);
  }
}
