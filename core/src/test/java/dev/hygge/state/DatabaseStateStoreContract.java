package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state store contract on a table of a real database, plus the table-only behaviour. */
public abstract class DatabaseStateStoreContract extends StateStoreContract {
  private DatabaseStateStore store;

  /** The database under test, empty of state. */
  protected abstract Database database();

  @Override
  protected StateStore store() {
    if (store == null) {
      store = new DatabaseStateStore(database(), DatabaseStateStore.DEFAULT_TABLE);
    }
    return store;
  }

  @Override
  protected void overwriteRaw(EntityKey key, byte[] bytes) {
    try (Connection connection = database().connect("test", ErrorKind.STATE);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE hygge_state SET state = ? WHERE flow = ? AND entity = ?")) {
      update.setString(1, new String(bytes, StandardCharsets.UTF_8));
      update.setString(2, key.flow());
      update.setString(3, key.entity());
      assertThat(update.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theVersionColumnIsTheCompareAndSwapToken() {
    StateVersion first = store().write(ORDERS, sample(), Optional.empty());
    StateVersion second = store().write(ORDERS, sample(), Optional.of(first));

    assertThat(first.token()).isEqualTo("1");
    assertThat(second.token()).isEqualTo("2");
    assertThatThrownBy(() -> store().write(ORDERS, sample(), Optional.of(first)))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("expected version 1, found 2");
  }

  @Test
  void aTableNameThatIsNotAnIdentifierIsRefused() {
    assertThatThrownBy(() -> new DatabaseStateStore(database(), "state; DROP TABLE x"))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "State table 'state; DROP TABLE x' is not a plain table name: use letters, digits and"
                + " underscores.");
  }
}
