package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.jdbc.Database;
import dev.hygge.jdbc.DatabaseFile;
import dev.hygge.jdbc.Dialect;
import dev.hygge.jdbc.duckdb.DuckDbDialect;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state update that ran in the database but whose reply was lost (the connection broke after the
 * statement, SQLSTATE 08006) is an unknown outcome, not a conflict; re-reading shows what happened.
 */
class DatabaseUnknownOutcomeTest {
  private static final String CONNECTION_FAILURE = "08006";

  @TempDir Path dir;

  /** A DuckDB file whose updates run and then lose their reply while {@code losing} is set. */
  private static final class LosingReplies implements Database {
    private final DatabaseFile file;
    boolean losing;

    LosingReplies(DatabaseFile file) {
      this.file = file;
    }

    @Override
    public Dialect dialect() {
      return file.dialect();
    }

    @Override
    public String display() {
      return file.display();
    }

    @Override
    public Connection connect(String entity, ErrorKind kind) {
      Connection real = file.connect(entity, kind);
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                Object result = invoke(real, method, args);
                return result instanceof PreparedStatement statement
                    ? losingStatement(statement)
                    : result;
              });
    }

    private PreparedStatement losingStatement(PreparedStatement real) {
      return (PreparedStatement)
          Proxy.newProxyInstance(
              PreparedStatement.class.getClassLoader(),
              new Class<?>[] {PreparedStatement.class},
              (proxy, method, args) -> {
                Object result = invoke(real, method, args);
                if (losing && method.getName().equals("executeUpdate")) {
                  throw new SQLException("I/O error: connection reset", CONNECTION_FAILURE);
                }
                return result;
              });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
        throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Test
  void aLostReplyIsAnUnknownOutcomeAndTheNextReadTellsWhatHappened() {
    LosingReplies database =
        new LosingReplies(
            new DatabaseFile(new DuckDbDialect(), dir.resolve("state.duckdb"), "state.duckdb"));
    DatabaseStateStore store = new DatabaseStateStore(database, DatabaseStateStore.DEFAULT_TABLE);
    StateVersion first =
        store.write(StateStoreContract.ORDERS, StateStoreContract.sample(), Optional.empty());
    EntityState released = StateStoreContract.sample().withLease(Optional.empty());
    database.losing = true;

    assertThatThrownBy(() -> store.write(StateStoreContract.ORDERS, released, Optional.of(first)))
        .isInstanceOf(StateOutcomeUnknownException.class)
        .isNotInstanceOf(StateConflictException.class)
        .hasMessageStartingWith(
            "Cannot tell whether the state of entity shop.orders was saved to table hygge_state"
                + " of state.duckdb")
        .hasMessageContaining("I/O error: connection reset");

    database.losing = false;
    VersionedState after = store.read(StateStoreContract.ORDERS).orElseThrow();
    assertThat(after.state()).as("the update did run").isEqualTo(released);
    assertThat(after.version()).isEqualTo(new StateVersion("2"));
  }
}
