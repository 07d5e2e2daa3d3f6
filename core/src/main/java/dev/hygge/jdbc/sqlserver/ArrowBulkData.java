package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import dev.hygge.jdbc.BatchSource;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Feeds bulk copy rows read straight from Arrow batches: one {@link BulkColumn} per column, chosen
 * once per batch, and one row array reused for every row (the driver writes a row out before it
 * asks for the next). Each batch is closed as soon as its last row has been handed over.
 */
final class ArrowBulkData implements ISQLServerBulkData, AutoCloseable {
  private static final long serialVersionUID = 1L;

  private final transient List<String> names;
  private final transient List<SqlServerType> types;
  private final transient BatchSource source;
  private final transient Object[] rowData;
  private transient VectorSchemaRoot batch;
  private transient BulkColumn[] columns;
  private transient int row;
  private transient long rows;

  /**
   * @param names the column names, in order
   * @param types each column's type, in the same order
   * @param source where the batches come from
   */
  ArrowBulkData(List<String> names, List<SqlServerType> types, BatchSource source) {
    this.names = List.copyOf(requireNonNull(names, "names is null"));
    this.types = List.copyOf(requireNonNull(types, "types is null"));
    this.source = requireNonNull(source, "source is null");
    if (names.size() != types.size()) {
      throw new IllegalArgumentException("names and types differ in length");
    }
    this.rowData = new Object[names.size()];
  }

  @Override
  public Set<Integer> getColumnOrdinals() {
    Set<Integer> ordinals = new LinkedHashSet<>();
    for (int i = 1; i <= names.size(); i++) {
      ordinals.add(i);
    }
    return ordinals;
  }

  @Override
  public String getColumnName(int column) {
    return names.get(column - 1);
  }

  @Override
  public int getColumnType(int column) {
    return types.get(column - 1).jdbcType();
  }

  @Override
  public int getPrecision(int column) {
    return types.get(column - 1).precision();
  }

  @Override
  public int getScale(int column) {
    return types.get(column - 1).scale();
  }

  @Override
  public Object[] getRowData() {
    for (int i = 0; i < columns.length; i++) {
      rowData[i] = columns[i].value(row);
    }
    return rowData;
  }

  @Override
  public boolean next() throws SQLException {
    row++;
    while (batch == null || row >= batch.getRowCount()) {
      release();
      batch = source.take();
      if (batch == null) {
        return false;
      }
      columns = new BulkColumn[names.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = BulkColumn.of(batch.getVector(i));
      }
      row = 0;
    }
    rows++;
    return true;
  }

  /** Rows handed to the driver so far. */
  long rows() {
    return rows;
  }

  /** Closes the batch being read, if any. */
  @Override
  public void close() {
    release();
  }

  private void release() {
    if (batch != null) {
      batch.close();
      batch = null;
    }
  }
}
