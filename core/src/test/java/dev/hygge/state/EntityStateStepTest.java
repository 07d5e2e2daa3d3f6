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

/**
 * The state step around one entity's run: its lease is renewed in the background and given back,
 * and state changed underneath the run is a conflict, not overwritten.
 */
class EntityStateStepTest {
  private static final EntityKey EVENTS = new EntityKey("shop", "events");
  private static final long SEVERAL_RENEWALS_MILLIS = 1_500;

  @TempDir Path dir;

  private Project project(String leaseTimeout) throws Exception {
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: shop
        state:
          lease_timeout: %s
        flows:
          shop:
            home: {type: duckdb, database: source.duckdb, table: events}
            store: {type: duckdb, database: lake.duckdb}
            run_type: incremental
            entities:
              events: {watermark_column: id}
        """
            .formatted(leaseTimeout));
    return ProjectLoader.load(dir);
  }

  @Test
  void theLeaseOfARunningEntityIsRenewedAndReleased() throws Exception {
    Project project = project("1s");
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

  @Test
  void stateChangedUnderneathARunIsAConflictAfterTheCommitNotAnOverwrite() throws Exception {
    Project project = project("10m");
    EntityConfig events = project.flows().get(0).entities().get(0);
    LocalStateStore store = new LocalStateStore(project.state().directory());

    try (EntityStates states = EntityStates.of(project);
        EntityStateStep step = states.step(events, RunType.INCREMENTAL, "run-a")) {
      step.begin();
      VersionedState held = store.read(EVENTS).orElseThrow();
      EntityState elsewhere =
          EntityState.initial(EVENTS)
              .advanced(
                  java.util.Optional.of(new StoredWatermark("id", new Watermark.Whole(7))),
                  ObjectJournal.empty(),
                  "run-elsewhere");
      store.write(EVENTS, elsewhere, java.util.Optional.of(held.version()));

      assertThatThrownBy(step::committed)
          .isInstanceOf(dev.hygge.HyggeException.class)
          .hasFieldOrPropertyWithValue("kind", dev.hygge.ErrorKind.STATE)
          .hasMessageStartingWith(
              "Entity shop.events was committed to its store, but its state could not be"
                  + " advanced: The state of entity shop.events in "
                  + store.file(EVENTS)
                  + " changed while this run held it")
          .hasMessageEndingWith("The next run reads this run's window again.")
          .hasCauseInstanceOf(StateConflictException.class);
    }
    assertThat(store.read(EVENTS).orElseThrow().state().lastRunId()).contains("run-elsewhere");
  }
}
