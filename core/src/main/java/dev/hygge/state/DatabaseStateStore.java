package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Entity state in a table of a database hygge connects to (PostgreSQL, DuckDB, SQLite): one row per
 * entity, {@code (flow, entity, version, state)}, the state in the local store's JSON format. A
 * write is a compare-and-swap on the version column: {@code UPDATE ... WHERE version = ?} (or an
 * insert that does nothing when a row exists) that must change exactly one row. The table is
 * created on first use.
 */
public final class DatabaseStateStore implements StateStore {
  /** The table when {@code state: table} is not given. */
  public static final String DEFAULT_TABLE = "hygge_state";

  /** SQLSTATE class of connection failures: the statement may or may not have run. */
  private static final String CONNECTION_FAILURE_CLASS = "08";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String CONNECTING_FOR = "state";

  private final Database database;
  private final String table;
  private volatile boolean tableReady;

  /**
   * @param database where the table is
   * @param table the table's name: letters, digits and underscores
   * @throws HyggeException of kind CONFIG when the table name is not a plain identifier
   */
  public DatabaseStateStore(Database database, String table) {
    this.database = requireNonNull(database, "database is null");
    this.table = requireNonNull(table, "table is null");
    if (!TABLE_NAME.matcher(table).matches()) {
      throw HyggeException.config(
          "State table '"
              + table
              + "' is not a plain table name: use letters, digits and underscores.");
    }
  }

  @Override
  public Optional<VersionedState> read(EntityKey key) {
    return select(key)
        .map(
            row ->
                new VersionedState(
                    StateFileFormat.decode(
                            row.state().getBytes(StandardCharsets.UTF_8), describe(key), key)
                        .state(),
                    version(row.version())));
  }

  @Override
  public StateVersion write(EntityKey key, EntityState state, Optional<StateVersion> expected) {
    requireNonNull(state, "state is null");
    requireNonNull(expected, "expected is null");
    long next = expected.map(v -> number(key, v) + 1).orElse(1L);
    String json = new String(StateFileFormat.encode(state, next), StandardCharsets.UTF_8);
    int changed;
    if (expected.isEmpty()) {
      changed =
          update(
              key,
              "INSERT INTO "
                  + table
                  + " (flow, entity, version, state) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (flow, entity) DO NOTHING",
              key.flow(),
              key.entity(),
              next,
              json);
    } else {
      changed =
          update(
              key,
              "UPDATE "
                  + table
                  + " SET version = ?, state = ? WHERE flow = ? AND entity = ? AND version = ?",
              next,
              json,
              key.flow(),
              key.entity(),
              number(key, expected.get()));
    }
    if (changed != 1) {
      throw new StateConflictException(
          "The state of entity "
              + key.qualifiedName()
              + " in "
              + describe(key)
              + " changed while this run held it (expected version "
              + expected.map(StateVersion::token).orElse("none")
              + select(key).map(row -> ", found " + row.version()).orElse(", found none")
              + "): another run or a reset wrote it. Nothing was written; run the entity again.");
    }
    return version(next);
  }

  @Override
  public void delete(EntityKey key, StateVersion expected) {
    requireNonNull(expected, "expected is null");
    int changed =
        update(
            key,
            "DELETE FROM " + table + " WHERE flow = ? AND entity = ? AND version = ?",
            key.flow(),
            key.entity(),
            number(key, expected));
    if (changed != 1) {
      throw new StateConflictException(
          "The state of entity "
              + key.qualifiedName()
              + " in "
              + describe(key)
              + " changed since it was read, or is gone; nothing was deleted. Try again.");
    }
  }

  @Override
  public Optional<StateVersion> versionForReset(EntityKey key) {
    return select(key).map(row -> version(row.version()));
  }

  @Override
  public String describe(EntityKey key) {
    return "table "
        + table
        + " of "
        + database.display()
        + " (row flow = '"
        + key.flow()
        + "', entity = '"
        + key.entity()
        + "')";
  }

  /** One stored row. */
  private record Row(long version, String state) {}

  private Optional<Row> select(EntityKey key) {
    try (Connection connection = connect(key);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT version, state FROM " + table + " WHERE flow = ? AND entity = ?")) {
      statement.setString(1, key.flow());
      statement.setString(2, key.entity());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(new Row(rows.getLong(1), rows.getString(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot read the state of entity "
              + key.qualifiedName()
              + " from "
              + describe(key)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private int update(EntityKey key, String sql, Object... values) {
    try (Connection connection = connect(key);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      if (isUnknownOutcome(e)) {
        throw new StateOutcomeUnknownException(
            "Cannot tell whether the state of entity "
                + key.qualifiedName()
                + " was saved to "
                + describe(key)
                + " ("
                + e.getMessage()
                + "). The next run reads whatever the row holds and repeats the last window if it"
                + " was not saved.",
            e);
      }
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot save the state of entity "
              + key.qualifiedName()
              + " to "
              + describe(key)
              + ": "
              + e.getMessage()
              + ". Nothing was written; check that the user may write table "
              + table
              + ".",
          e);
    }
  }

  private static boolean isUnknownOutcome(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLRecoverableException
        || e instanceof SQLTimeoutException
        || (state != null && state.startsWith(CONNECTION_FAILURE_CLASS));
  }

  private Connection connect(EntityKey key) throws SQLException {
    Connection connection = database.connect(key.qualifiedName(), ErrorKind.STATE);
    if (!tableReady) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS "
                + table
                + " (flow VARCHAR(255) NOT NULL, entity VARCHAR(255) NOT NULL,"
                + " version BIGINT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (flow, entity))");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      tableReady = true;
    }
    return connection;
  }

  private long number(EntityKey key, StateVersion version) {
    try {
      return Long.parseLong(version.token());
    } catch (NumberFormatException e) {
      throw new StateConflictException(
          "The state of entity "
              + key.qualifiedName()
              + " in "
              + describe(key)
              + " has no version "
              + version.token()
              + "; nothing was written. Run the entity again.");
    }
  }

  private static StateVersion version(long number) {
    return new StateVersion(Long.toString(number));
  }
}
