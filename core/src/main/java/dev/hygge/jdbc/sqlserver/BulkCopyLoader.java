package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Loads rows with {@link SQLServerBulkCopy} on its own connection: a table lock (so parallel loads
 * into the heap staging table take bulk-update locks and log minimally), {@code batchSize} rows per
 * server batch, no timeout.
 */
final class BulkCopyLoader implements BulkLoader {
  private final Connection connection;
  private final String stagingTable;
  private final int batchSize;

  /**
   * @param connection the connection to load over, owned by the caller
   * @param stagingTable the staging table, quoted
   * @param batchSize rows per bulk-copy batch
   */
  BulkCopyLoader(Connection connection, String stagingTable, int batchSize) {
    this.connection = requireNonNull(connection, "connection is null");
    this.stagingTable = requireNonNull(stagingTable, "stagingTable is null");
    this.batchSize = batchSize;
  }

  @Override
  public void load(ArrowBulkData data) throws SQLException {
    SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
    options.setTableLock(true);
    options.setBatchSize(batchSize);
    options.setBulkCopyTimeout(0);
    options.setKeepNulls(true);
    try (SQLServerBulkCopy copy = new SQLServerBulkCopy(connection)) {
      copy.setDestinationTableName(stagingTable);
      copy.setBulkCopyOptions(options);
      for (int column = 1; column <= data.getColumnOrdinals().size(); column++) {
        copy.addColumnMapping(column, data.getColumnName(column));
      }
      copy.writeToServer(data);
    }
  }
}
