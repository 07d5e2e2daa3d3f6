package dev.hygge.jdbc.duckdb;

import dev.hygge.flow.LocalFileSet;
import dev.hygge.jdbc.RowStager;
import dev.hygge.jdbc.StagesLocalFiles;
import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.TableStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Stages rows through DuckDB's appender, in the connection's open transaction. */
final class AppenderStager implements RowStager, StagesLocalFiles {
  private final DuckDBAppender appender;
  private final ParquetFileStager files;
  private boolean closed;

  AppenderStager(Connection connection, TableStatements sql) throws SQLException {
    DuckDBConnection duckdb = connection.unwrap(DuckDBConnection.class);
    TableName staging = sql.staging();
    this.files = new ParquetFileStager(connection, sql);
    this.appender =
        duckdb.createAppender(
            staging.schema().orElse(DuckDBConnection.DEFAULT_SCHEMA), staging.table());
  }

  @Override
  public void stage(VectorSchemaRoot batch) throws SQLException {
    List<FieldVector> vectors = batch.getFieldVectors();
    AppenderColumn[] columns = new AppenderColumn[vectors.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = AppenderColumn.of(vectors.get(i));
    }
    int rows = batch.getRowCount();
    for (int row = 0; row < rows; row++) {
      appender.beginRow();
      for (AppenderColumn column : columns) {
        column.append(appender, row);
      }
      appender.endRow();
    }
    appender.flush();
  }

  /** Lets DuckDB read local Parquet files itself ({@link ParquetFileStager}). */
  @Override
  public OptionalLong stage(LocalFileSet local) throws SQLException {
    return files.stage(local);
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      appender.close();
    }
  }
}
