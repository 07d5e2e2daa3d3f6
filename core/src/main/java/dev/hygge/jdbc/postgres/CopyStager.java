package dev.hygge.jdbc.postgres;

import dev.hygge.jdbc.Dialect;
import dev.hygge.jdbc.RowStager;
import dev.hygge.jdbc.TableStatements;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Stages rows with one binary {@code COPY ... FROM STDIN} into the staging table, encoding
 * PostgreSQL's binary copy format straight from the Arrow vectors.
 */
final class CopyStager implements RowStager {
  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final int NO_FLAGS = 0;
  private static final int NO_HEADER_EXTENSION = 0;
  private static final short TRAILER = -1;

  private final CopyIn copy;
  private final CopyBuffer out;
  private boolean closed;

  CopyStager(Connection connection, TableStatements sql) throws SQLException {
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql(sql));
    this.out = new CopyBuffer(copy);
    try {
      out.reserve(SIGNATURE.length + Integer.BYTES + Integer.BYTES);
      out.putBytes(SIGNATURE);
      out.putInt(NO_FLAGS);
      out.putInt(NO_HEADER_EXTENSION);
    } catch (SQLException | RuntimeException e) {
      cancel(e);
      throw e;
    }
  }

  private static String copySql(TableStatements sql) {
    Dialect dialect = sql.dialect();
    return "COPY "
        + dialect.quote(sql.staging())
        + " ("
        + sql.columns().stream().map(dialect::quote).collect(Collectors.joining(", "))
        + ") FROM STDIN (FORMAT binary)";
  }

  @Override
  public void stage(VectorSchemaRoot batch) throws SQLException {
    List<FieldVector> vectors = batch.getFieldVectors();
    CopyColumn[] columns = new CopyColumn[vectors.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = CopyColumn.of(vectors.get(i));
    }
    short fieldCount = (short) columns.length;
    int rows = batch.getRowCount();
    try {
      for (int row = 0; row < rows; row++) {
        out.reserve(Short.BYTES);
        out.putShort(fieldCount);
        for (CopyColumn column : columns) {
          column.write(row, out);
        }
      }
    } catch (SQLException | RuntimeException e) {
      cancel(e);
      throw e;
    }
  }

  /** Ends the copy: the staged rows become visible in the transaction. */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.reserve(Short.BYTES);
      out.putShort(TRAILER);
      out.flush();
      copy.endCopy();
    } catch (SQLException | RuntimeException e) {
      cancel(e);
      throw e;
    }
  }

  private void cancel(Exception cause) {
    closed = true;
    if (copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
