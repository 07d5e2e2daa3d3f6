package dev.hygge.jdbc;

import dev.hygge.state.DatabaseStateStoreContract;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The database state store on embedded PostgreSQL. */
class PostgresStateStoreTest extends DatabaseStateStoreContract {
  private static PostgresTestServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresTestServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyDatabase() throws SQLException {
    postgres.reset();
  }

  @Override
  protected Database database() {
    return postgres.server();
  }
}
