package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sqlserver home and store blocks as users write them in hygge.yml. */
class SqlServerConfigTest {
  private static final String URL = "jdbc:sqlserver://sql.internal:1433;databaseName=shop";
  private static final String STORE =
      "type: sqlserver\nurl: " + URL + "\nuser: loader\npassword: pw\n";
  @TempDir Path project;

  private Project load(String home, String store) throws Exception {
    return TestProject.load(project, home, store);
  }

  private void assertConfigError(String store, String... parts) {
    assertThatThrownBy(() -> load("type: parquet\npath: landing", store))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageContainingAll(parts);
  }

  @Test
  void describesTheBoundHomeAndStoreWithoutUrlProperties() throws Exception {
    Project loaded =
        load(
            "type: sqlserver\nurl: "
                + URL
                + ";password=hidden\nuser: r\ntable: sales.{entity}\npartition_column: id\n"
                + "partitions: 4",
            STORE
                + "table: raw.{entity}\nwrite_strategy: merge\nprimary_key: [id]\n"
                + "schema_overrides:\n  code: NCHAR(3)\nparallel_writers: 2");

    EntityConfig orders = loaded.flows().get(0).entities().get(0);

    assertThat(orders.home().describe())
        .isEqualTo(
            "sqlserver jdbc:sqlserver://sql.internal:1433 table sales.orders in 4 partitions"
                + " by id");
    assertThat(orders.store().describe())
        .isEqualTo("sqlserver jdbc:sqlserver://sql.internal:1433 table raw.orders");
  }

  @Test
  void entraIdMethodsNeedNoPassword() throws Exception {
    Project loaded =
        load(
            "type: parquet\npath: landing",
            "type: sqlserver\nurl: " + URL + "\nauthentication: ActiveDirectoryManagedIdentity");

    assertThat(loaded.flows().get(0).entities().get(0).store().describe()).startsWith("sqlserver");
  }

  @Test
  void aUrlOfAnotherDatabaseFails() {
    assertConfigError(
        "type: sqlserver\nurl: jdbc:postgresql://db/shop\nuser: u",
        "Invalid value for 'url'",
        "must start with jdbc:sqlserver:");
  }

  @Test
  void anUnknownAuthenticationFailsListingTheKnownOnes() {
    assertConfigError(
        STORE + "authentication: ActiveDirectoryPassword",
        "Invalid value for 'authentication'",
        "SqlPassword, ActiveDirectoryDefault, ActiveDirectoryServicePrincipal,"
            + " ActiveDirectoryManagedIdentity");
  }

  @Test
  void aServicePrincipalNeedsItsIdAndSecret() {
    assertConfigError(
        "type: sqlserver\nurl: " + URL + "\nauthentication: ActiveDirectoryServicePrincipal",
        "Invalid value for 'authentication'",
        "needs user (the client id) and password (the secret)");
  }

  @Test
  void aSqlLoginNeedsAUser() {
    assertConfigError("type: sqlserver\nurl: " + URL, "Invalid value for 'user'", "SQL login");
  }

  @Test
  void mergeNeedsAPrimaryKey() {
    assertConfigError(
        STORE + "write_strategy: merge",
        "Invalid value for 'write_strategy'",
        "write_strategy merge needs primary_key");
  }

  @Test
  void aPrimaryKeyWithoutMergeFails() {
    assertConfigError(
        STORE + "primary_key: [id]",
        "Invalid value for 'primary_key'",
        "primary_key is only used by write_strategy merge");
  }

  @Test
  void tempSwapCannotAppend() {
    assertConfigError(
        STORE + "write_strategy: temp_swap\nif_exists: append",
        "Invalid value for 'if_exists'",
        "temp_swap replaces the table");
  }

  @Test
  void anUnknownStrategyFailsWithTheNearestOne() {
    assertConfigError(
        STORE + "write_strategy: tempswap",
        "Invalid value for 'write_strategy'",
        "direct_insert, temp_swap, merge");
  }

  @Test
  void aSchemaOverrideThatIsNoSqlServerTypeFailsAtLoad() {
    assertConfigError(
        STORE + "schema_overrides:\n  amount: DECIMAL(40,2)",
        "Invalid value for 'schema_overrides'",
        "column 'amount': 'DECIMAL(40,2)': the size must be between 1 and 38");
  }

  @Test
  void schemaEvolutionIsDeclaredAndChecked() throws Exception {
    Project loaded = load("type: parquet\npath: landing", STORE + "schema_evolution: add_columns");

    assertThat(loaded.flows().get(0).entities().get(0).store().describe()).startsWith("sqlserver");
    assertConfigError(
        STORE + "schema_evolution: grow",
        "Invalid value for 'schema_evolution'",
        "fail, add_columns");
  }

  @Test
  void batchSizeMustBePositive() {
    assertConfigError(
        STORE + "batch_size: 0", "Invalid value for 'batch_size'", "must be greater than 0");
  }

  @Test
  void partitionsWithoutAColumnFail() {
    assertThatThrownBy(
            () ->
                load(
                    "type: sqlserver\nurl: " + URL + "\nuser: u\npartitions: 4",
                    "type: parquet\npath: lake"))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Invalid value for 'partitions'")
        .hasMessageContaining("more than 1 partition needs a partition_column");
  }
}
