package dev.hygge.jdbc.sqlserver;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Says whether a SQL Server failure is worth retrying: the error numbers Azure SQL documents as
 * transient (a database moving, throttled or briefly unavailable), deadlock victims, and lost
 * connections (SQL state class {@code 08}). Every exception in the chain is looked at.
 */
public final class TransientErrors {
  /** Deadlock victim: the transaction was rolled back and can run again. */
  public static final int DEADLOCK = 1205;

  /** Error numbers after which the same work can simply run again. */
  public static final Set<Integer> CODES =
      Set.of(
          40613, // database not currently available
          40197, // service error processing the request (failover, upgrade)
          40501, // service is busy
          49918, // not enough resources to process the request
          49919, // too many create or update operations
          49920, // too many operations in progress
          4060, // cannot open database (often while it moves)
          10928, // resource limit reached
          10929, // minimum guarantee not met
          DEADLOCK);

  private static final String CONNECTION_STATE_CLASS = "08";

  private TransientErrors() {}

  /** Whether {@code error}, or anything it wraps or chains, is transient. */
  public static boolean isTransient(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isTransient(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransient(SQLException first) {
    for (SQLException e = first; e != null; e = e.getNextException()) {
      if (CODES.contains(e.getErrorCode())
          || e instanceof SQLTransientException
          || e instanceof SQLRecoverableException
          || (e.getSQLState() != null && e.getSQLState().startsWith(CONNECTION_STATE_CLASS))) {
        return true;
      }
    }
    return false;
  }
}
