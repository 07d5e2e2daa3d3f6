package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run history in a table next to the state table ({@code hygge_runs} beside {@code
 * hygge_state}): one row per entity run, {@code (run_id, flow, entity, started_micros, record)}
 * with the record's JSON in {@code record}. Rows are only inserted and deleted, never updated, so
 * concurrent runs do not contend. Once the table holds a tenth more rows than the limit, the oldest
 * are deleted (for the whole project, not per entity). The table is created on first use.
 */
public final class DatabaseRunJournal implements RunJournal {
  /** The run table beside the default state table. */
  public static final String DEFAULT_TABLE = "hygge_runs";

  /** What a run table's name adds to a state table's other than the default. */
  public static final String TABLE_SUFFIX = "_runs";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRunJournal.class);
  private static final String CONNECTING_FOR = "run history";
  private static final int SLACK_DIVISOR = 10;

  private final Database database;
  private final String table;
  private final int limit;
  private volatile boolean tableReady;

  /**
   * @param database where the table is
   * @param table the run table, a plain identifier (checked by the state table's rules)
   * @param limit how many entity runs to keep, across the project
   */
  public DatabaseRunJournal(Database database, String table, int limit) {
    this.database = requireNonNull(database, "database is null");
    this.table = requireNonNull(table, "table is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  /** The run table that goes with a state table. */
  public static String tableFor(String stateTable) {
    return stateTable.equals(DatabaseStateStore.DEFAULT_TABLE)
        ? DEFAULT_TABLE
        : stateTable + TABLE_SUFFIX;
  }

  @Override
  public void append(RunRecord record) {
    try (Connection connection = connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (run_id, flow, entity, started_micros, record) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, record.runId());
      insert.setString(2, record.flow());
      insert.setString(3, record.entity());
      insert.setLong(4, ChronoUnit.MICROS.between(java.time.Instant.EPOCH, record.started()));
      insert.setString(5, RunRecordJson.encode(record));
      insert.executeUpdate();
      cutBack(connection);
    } catch (SQLException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot record run "
              + record.runId()
              + " of entity "
              + record.qualifiedName()
              + " in "
              + describe()
              + ": "
              + e.getMessage()
              + ". Check that the user may write table "
              + table
              + ".",
          e);
    }
  }

  private void cutBack(Connection connection) throws SQLException {
    long rows;
    try (Statement count = connection.createStatement();
        ResultSet result = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      rows = result.getLong(1);
    }
    if (rows <= limit + limit / SLACK_DIVISOR) {
      return;
    }
    // The limit is a validated integer, not text from outside: written into the statement because
    // not every database takes a parameter in OFFSET.
    try (Statement delete = connection.createStatement()) {
      delete.executeUpdate(
          "DELETE FROM "
              + table
              + " WHERE started_micros < (SELECT started_micros FROM "
              + table
              + " ORDER BY started_micros DESC LIMIT 1 OFFSET "
              + (limit - 1)
              + ")");
    }
    LOG.debug("Cut the run history {} back to its last {} runs", describe(), limit);
  }

  @Override
  public List<RunRecord> last(int count, RunFilter filter) {
    StringBuilder sql =
        new StringBuilder("SELECT record FROM ").append(table).append(" WHERE 1 = 1");
    List<String> parameters = new ArrayList<>();
    filter
        .flow()
        .ifPresent(
            flow -> {
              sql.append(" AND flow = ?");
              parameters.add(flow);
            });
    filter
        .entity()
        .ifPresent(
            entity -> {
              sql.append(" AND flow || '.' || entity = ?");
              parameters.add(entity);
            });
    sql.append(" ORDER BY started_micros DESC, run_id DESC LIMIT ").append(count);
    List<RunRecord> newestFirst = new ArrayList<>();
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        select.setString(i + 1, parameters.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          try {
            newestFirst.add(RunRecordJson.decode(rows.getString(1)));
          } catch (IllegalArgumentException e) {
            LOG.warn(
                "Skipping a row of {}: it is not a run record ({})", describe(), e.getMessage());
          }
        }
      }
    } catch (SQLException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot read the run history in " + describe() + ": " + e.getMessage(),
          e);
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Override
  public String describe() {
    return "table " + table + " of " + database.display();
  }

  private Connection connect() throws SQLException {
    Connection connection = database.connect(CONNECTING_FOR, ErrorKind.STATE);
    if (!tableReady) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS "
                + table
                + " (run_id VARCHAR(64) NOT NULL, flow VARCHAR(255) NOT NULL,"
                + " entity VARCHAR(255) NOT NULL, started_micros BIGINT NOT NULL,"
                + " record TEXT NOT NULL, PRIMARY KEY (run_id, flow, entity))");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      tableReady = true;
    }
    return connection;
  }
}
