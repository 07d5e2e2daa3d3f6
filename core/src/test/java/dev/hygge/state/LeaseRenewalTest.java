package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.RunType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running entity's lease is renewed in the background and given back when the run ends. */
class LeaseRenewalTest {
  private static final EntityKey EVENTS = new EntityKey("shop", "events");
  private static final long SEVERAL_RENEWALS_MILLIS = 1_500;

  @TempDir Path dir;

  @Test
  void theLeaseOfARunningEntityIsRenewedAndReleased() throws Exception {
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: shop
        state:
          lease_timeout: 1s
        flows:
          shop:
            home: {type: duckdb, database: source.duckdb, table: events}
            store: {type: duckdb, database: lake.duckdb}
            run_type: incremental
            entities:
              events: {watermark_column: id}
        """);
    Project project = ProjectLoader.load(dir);
    EntityConfig events = project.flows().get(0).entities().get(0);
    LocalStateStore store = new LocalStateStore(project.state().directory());

    try (EntityStates states = EntityStates.of(project);
        EntityStateStep step = states.step(events, RunType.INCREMENTAL, "run-long")) {
      step.begin();
      Instant firstExpiry =
          store.read(EVENTS).orElseThrow().state().lease().orElseThrow().expires();

      Thread.sleep(SEVERAL_RENEWALS_MILLIS);

      Lease renewed = store.read(EVENTS).orElseThrow().state().lease().orElseThrow();
      assertThat(renewed.runId()).isEqualTo("run-long");
      assertThat(renewed.expires()).isAfter(firstExpiry.plusMillis(SEVERAL_RENEWALS_MILLIS / 2));
      assertThatThrownBy(
              () ->
                  new Leases(store, project.state().leaseTimeout(), Clock.systemUTC())
                      .acquire(EVENTS, "run-other"))
          .hasMessageContaining("is already being run by run run-long");
    }
    assertThat(store.read(EVENTS).orElseThrow().state().lease()).isEmpty();
  }
}
