package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of connections opened together for one load or read, one per parallel worker, all
 * closed together. Each connection is held for the whole load, so a general-purpose pool such as
 * HikariCP (a housekeeping thread, validation, idle eviction, another jar in every function
 * artifact) would add nothing but weight; connection retries live in {@link SqlServerDatabase}.
 */
final class ConnectionPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

  private final List<Connection> connections;

  private ConnectionPool(List<Connection> connections) {
    this.connections = List.copyOf(connections);
  }

  /**
   * Opens {@code size} connections; when one cannot be opened, those already open are closed.
   *
   * @throws HyggeException of {@code kind} when a connection cannot be opened
   */
  static ConnectionPool open(Database database, String entity, ErrorKind kind, int size) {
    requireNonNull(database, "database is null");
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1: " + size);
    }
    List<Connection> opened = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        opened.add(database.connect(entity, kind));
      }
    } catch (RuntimeException e) {
      new ConnectionPool(opened).close();
      throw e;
    }
    return new ConnectionPool(opened);
  }

  /** Connection {@code index}, from 0. */
  Connection get(int index) {
    return connections.get(index);
  }

  /** How many connections there are. */
  int size() {
    return connections.size();
  }

  @Override
  public void close() {
    for (Connection connection : connections) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("Closing a SQL Server connection failed", e);
      }
    }
  }
}
