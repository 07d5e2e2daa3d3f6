package dev.hygge.jdbc.duckdb;

import dev.hygge.flow.LocalFileSet;
import dev.hygge.jdbc.Dialect;
import dev.hygge.jdbc.RowStager;
import dev.hygge.jdbc.StagesLocalFiles;
import dev.hygge.jdbc.TableStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.duckdb.DuckDBConnection;

/**
 * Stages each batch by handing it to DuckDB as an Arrow C stream (no copy of the data, no row
 * loop): the stream is registered as a temporary view and {@code INSERT ... SELECT} reads it into
 * the staging table, in the connection's open transaction.
 */
final class ArrowStreamStager implements RowStager, StagesLocalFiles {
  /** The temporary view each batch is registered as, replaced batch after batch. */
  static final String VIEW = "hygge_arrow_batch";

  private final DuckDBConnection duckdb;
  private final String insert;
  private final ParquetFileStager files;
  private boolean registered;
  private boolean closed;

  ArrowStreamStager(Connection connection, TableStatements sql) throws SQLException {
    this.duckdb = connection.unwrap(DuckDBConnection.class);
    this.files = new ParquetFileStager(connection, sql);
    Dialect dialect = sql.dialect();
    String columns = sql.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    this.insert =
        "INSERT INTO "
            + dialect.quote(sql.staging())
            + " ("
            + columns
            + ") SELECT "
            + columns
            + " FROM "
            + dialect.quote(VIEW);
  }

  /** Whether Arrow's C data interface (the optional arrow-c-data jar) is on the class path. */
  static boolean available() {
    try {
      Class.forName("org.apache.arrow.c.Data", false, ArrowStreamStager.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Override
  public void stage(VectorSchemaRoot batch) throws SQLException {
    if (batch.getRowCount() == 0) {
      return;
    }
    BufferAllocator allocator = batch.getFieldVectors().get(0).getAllocator();
    try (SingleBatchReader reader = new SingleBatchReader(allocator, batch);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      duckdb.registerArrowStream(VIEW, stream);
      registered = true;
      try (Statement statement = duckdb.createStatement()) {
        statement.executeUpdate(insert);
      }
    } catch (java.io.IOException e) {
      throw new SQLException("cannot close the Arrow stream of a batch: " + e.getMessage(), e);
    }
  }

  /** Lets DuckDB read local Parquet files itself ({@link ParquetFileStager}). */
  @Override
  public OptionalLong stage(LocalFileSet local) throws SQLException {
    return files.stage(local);
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (registered) {
      try (Statement statement = duckdb.createStatement()) {
        statement.execute("DROP VIEW IF EXISTS " + new DuckDbDialect().quote(VIEW));
      }
    }
  }
}
