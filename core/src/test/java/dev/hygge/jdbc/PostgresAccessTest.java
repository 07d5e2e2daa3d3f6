package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import dev.hygge.jdbc.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refused credentials, a missing schema and a missing table on a real PostgreSQL whose pg_hba.conf
 * asks every user but the test superuser for a SCRAM password.
 */
class PostgresAccessTest {
  private static final String LOADER = "loader";
  private static final String PASSWORD = "right-Passw0rd";
  private static PostgresTestServer postgres;
  private final RootAllocator allocator = new RootAllocator();

  @BeforeAll
  static void startPostgresWithPasswords() throws Exception {
    postgres = PostgresTestServer.start();
    postgres.execute("CREATE ROLE " + LOADER + " LOGIN PASSWORD '" + PASSWORD + "'");
    postgres.execute("GRANT ALL ON SCHEMA public TO " + LOADER);
    Path hba = Path.of(postgres.rows("SHOW hba_file").get(0).get(0));
    Files.writeString(
        hba,
        """
        local all all trust
        host all postgres 127.0.0.1/32 trust
        host all postgres ::1/128 trust
        host all all 127.0.0.1/32 scram-sha-256
        host all all ::1/128 scram-sha-256
        """);
    postgres.execute("SELECT pg_reload_conf()");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private PostgresServer loader(String password) {
    return new PostgresServer(postgres.url(), Optional.of(LOADER), Optional.of(password));
  }

  private void write(PostgresServer server, String table) {
    JdbcStore store = new JdbcStore(server, table, Optional.empty());
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 1, 2);
        var writer =
            store.open(
                new WriteRequest(
                    "shop.orders", batch.getSchema(), "r1", WriteMode.APPEND, allocator))) {
      writer.write(batch);
      writer.commit();
    }
  }

  @Test
  void theRightPasswordWrites() throws Exception {
    write(loader(PASSWORD), "granted");

    assertThat(postgres.rows("SELECT count(*) FROM granted")).containsExactly(List.of("2"));
  }

  @Test
  void aWrongPasswordIsACredentialErrorNamingTheUserAndWhatToCheck() {
    String wrong = "wrong-Passw0rd";
    assertThatThrownBy(() -> write(loader(wrong), "orders"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CREDENTIAL))
        .hasMessageStartingWith(
            "Cannot connect to PostgreSQL database "
                + postgres.url()
                + " as user loader for entity shop.orders: the server refused the credentials: ")
        .hasMessageContaining("password authentication failed for user \"loader\"")
        .hasMessageEndingWith(
            "(check user and password, and the variable or secret the password comes from; the"
                + " server's pg_hba.conf decides which method it asks for).")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
  }

  @Test
  void aMissingSchemaFailsTheStoreNamingIt() throws Exception {
    assertThatThrownBy(() -> write(loader(PASSWORD), "nowhere.orders"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
        .hasMessage(
            "Cannot write entity shop.orders into "
                + postgres.url()
                + " table nowhere.orders: schema 'nowhere' does not exist (create it, or fix the"
                + " schema in 'table:').");
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void aMissingTableFailsTheHomeNamingIt() {
    JdbcHome home = new JdbcHome(loader(PASSWORD), Optional.of("public.Missing"), Optional.empty());

    assertThatThrownBy(() -> home.open(new ReadRequest("shop.orders", List.of(), 10, allocator)))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME))
        .hasMessage(
            "Cannot read entity shop.orders from "
                + postgres.url()
                + " table public.Missing: table public.Missing does not exist (check 'table:' and"
                + " the schema; quoted names keep their case).");
  }
}
