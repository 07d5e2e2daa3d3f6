package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Stages rows with a prepared {@code INSERT}, one JDBC batch per Arrow batch. */
public final class InsertStager implements RowStager {
  private final PreparedStatement insert;
  private final List<WriteMapping> mappings;

  /**
   * Prepares the insert into the staging table on {@code connection}.
   *
   * @throws SQLException when the statement cannot be prepared
   */
  public InsertStager(Connection connection, TableStatements sql, List<WriteMapping> mappings)
      throws SQLException {
    this.mappings = List.copyOf(requireNonNull(mappings, "mappings is null"));
    this.insert = connection.prepareStatement(sql.insertStaging());
  }

  @Override
  public void stage(VectorSchemaRoot batch) throws SQLException {
    List<FieldVector> vectors = batch.getFieldVectors();
    ColumnBinder[] binders = new ColumnBinder[mappings.size()];
    for (int i = 0; i < binders.length; i++) {
      binders[i] = mappings.get(i).binder(vectors.get(i));
    }
    int rows = batch.getRowCount();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < binders.length; column++) {
        binders[column].bind(insert, column + 1, row);
      }
      insert.addBatch();
    }
    insert.executeBatch();
  }

  @Override
  public void close() throws SQLException {
    insert.close();
  }
}
