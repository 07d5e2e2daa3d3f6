package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.FlowRunner;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunListener;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.WriteOutcomeUnknownException;
import dev.hygge.testing.ReplyLosingProxy;
import dev.hygge.testing.ReplyLosingProxy.Loss;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conditional state write around which the network fails, on a cloud emulator reached through
 * {@link ReplyLosingProxy}: a lost reply (the write happened, nobody heard) and a lost request (it
 * never happened) are unknown outcomes, never conflicts; a client retry that hears its own earlier
 * attempt as a lost race is settled by reading back; and the entity's following run neither loads a
 * committed window twice nor skips one. Subclasses start the emulator.
 */
public abstract class UnknownOutcomeContract {
  /** Attempts the clients under test make per request, retries included. */
  protected static final int MAX_ATTEMPTS = 3;

  private static final EntityKey EVENTS = new EntityKey("shop", "events");

  @TempDir Path dir;

  private ReplyLosingProxy proxy;
  private Location root;

  /** The emulator's endpoint; the proxy forwards to its host and port. */
  protected abstract URI target();

  /**
   * A new object store whose client reaches the emulator at {@code endpoint} and makes {@link
   * #MAX_ATTEMPTS} attempts with short backoffs; the caller closes it.
   */
  protected abstract ObjectStore newObjectStore(URI endpoint);

  /** The bucket or container URL, e.g. {@code gs://bucket}. */
  protected abstract String bucket();

  /** Which requests are the conditional writes of state objects. */
  protected abstract Predicate<ReplyLosingProxy.Request> conditionalWrite();

  @BeforeEach
  void startProxy() {
    proxy = ReplyLosingProxy.to(target());
    root = Location.parse(bucket() + "/" + UUID.randomUUID() + "/state");
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  private ObjectStateStore stateStore() {
    return new ObjectStateStore(newObjectStore(proxy.endpoint()), root);
  }

  /** The version counter inside the stored state object, read past the proxy. */
  private long storedCounter(ObjectStateStore store) {
    try (ObjectStore direct = newObjectStore(target())) {
      byte[] bytes =
          ((SupportsConditionalWrite) direct)
              .readVersioned(store.location(StateStoreContract.ORDERS))
              .orElseThrow()
              .bytes();
      return StateFileFormat.decode(
              bytes, new String(bytes, StandardCharsets.UTF_8), StateStoreContract.ORDERS)
          .version();
    }
  }

  @Test
  void aWriteWhoseRepliesAreAllLostIsAnUnknownOutcomeAndHappenedOnce() {
    try (ObjectStateStore store = stateStore()) {
      StateVersion first =
          store.write(StateStoreContract.ORDERS, StateStoreContract.sample(), Optional.empty());
      EntityState released = StateStoreContract.sample().withLease(Optional.empty());
      proxy.lose(Loss.REPLY, conditionalWrite(), 0, MAX_ATTEMPTS);

      assertThatThrownBy(() -> store.write(StateStoreContract.ORDERS, released, Optional.of(first)))
          .isInstanceOf(StateOutcomeUnknownException.class)
          .isNotInstanceOf(StateConflictException.class)
          .hasMessageStartingWith(
              "Cannot tell whether the state of entity shop.orders was saved to "
                  + store.location(StateStoreContract.ORDERS))
          .hasMessageContaining("repeats the last window if it was not saved")
          .hasCauseInstanceOf(WriteOutcomeUnknownException.class);

      assertThat(proxy.lost()).isNotEmpty();
      VersionedState after = store.read(StateStoreContract.ORDERS).orElseThrow();
      assertThat(after.state()).as("the first attempt did happen").isEqualTo(released);
      assertThat(after.version()).isNotEqualTo(first);
      assertThat(storedCounter(store)).as("written once, not once per attempt").isEqualTo(2);
    }
  }

  @Test
  void aRetryThatHearsItsOwnEarlierAttemptAsALostRaceSucceeds() {
    try (ObjectStateStore store = stateStore()) {
      proxy.lose(Loss.REPLY, conditionalWrite(), 0, 1);
      StateVersion first =
          store.write(StateStoreContract.ORDERS, StateStoreContract.sample(), Optional.empty());
      assertThat(proxy.lost()).hasSize(1);

      EntityState released = StateStoreContract.sample().withLease(Optional.empty());
      proxy.lose(Loss.REPLY, conditionalWrite(), 0, 1);
      StateVersion second = store.write(StateStoreContract.ORDERS, released, Optional.of(first));

      assertThat(proxy.lost()).hasSize(2);
      assertThat(store.read(StateStoreContract.ORDERS))
          .contains(new VersionedState(released, second));
      assertThat(storedCounter(store)).isEqualTo(2);
    }
  }

  @Test
  void aLostRequestIsAnUnknownOutcomeAndChangesNothing() {
    try (ObjectStateStore store = stateStore()) {
      StateVersion first =
          store.write(StateStoreContract.ORDERS, StateStoreContract.sample(), Optional.empty());
      EntityState released = StateStoreContract.sample().withLease(Optional.empty());
      proxy.lose(Loss.REQUEST, conditionalWrite(), 0, MAX_ATTEMPTS);

      assertThatThrownBy(() -> store.write(StateStoreContract.ORDERS, released, Optional.of(first)))
          .isInstanceOf(StateOutcomeUnknownException.class)
          .isNotInstanceOf(StateConflictException.class);

      assertThat(store.read(StateStoreContract.ORDERS))
          .contains(new VersionedState(StateStoreContract.sample(), first));
      StateVersion retried = store.write(StateStoreContract.ORDERS, released, Optional.of(first));
      assertThat(store.read(StateStoreContract.ORDERS))
          .contains(new VersionedState(released, retried));
    }
  }

  private StateProject project() throws Exception {
    StateProject project = new StateProject(dir);
    project.duckdb(
        "source.duckdb",
        "CREATE TABLE events (id BIGINT, updated_at TIMESTAMP)",
        "INSERT INTO events VALUES (1, '2024-01-01 00:00'), (2, '2024-01-02 00:00')");
    project.write(
        """
        name: shop
        flows:
          shop:
            home: {type: duckdb, database: source.duckdb, table: events}
            store:
              type: duckdb
              database: lake.duckdb
              table: events
              write_strategy: merge
              primary_key: [id]
            run_type: incremental
            entities:
              events:
                watermark_column: updated_at
                watermark_initial: 2024-01-01
        """);
    return project;
  }

  /** Runs the entity once with its state on the emulator, through the proxy. */
  private EntityReport run(String runId) {
    Project loaded = ProjectLoader.load(dir);
    EntityConfig entity = new FlowInvoker(loaded).select(Invocation.Manual.all()).get(0);
    try (RootAllocator allocator = new RootAllocator();
        EntityStates states =
            new EntityStates(
                stateStore(),
                loaded.state(),
                new LocalRunJournal(loaded.state().directory()),
                Clock.systemUTC())) {
      return new FlowRunner(allocator, RunListener.NONE, states)
          .run(entity, entity.runType(), runId);
    }
  }

  private Optional<VersionedState> state() {
    try (ObjectStateStore store = stateStore()) {
      return store.read(EVENTS);
    }
  }

  private static List<List<String>> loadedIds(StateProject project) throws Exception {
    return project.rows("lake.duckdb", "SELECT id, count(*) FROM events GROUP BY id ORDER BY id");
  }

  @Test
  void afterALostReplyTheRunReadsBackItsStateAndTheNextRunTakesOnlyNewRows() throws Exception {
    StateProject project = project();
    // The lease is the first conditional write; every attempt of the advance loses its reply.
    proxy.lose(Loss.REPLY, conditionalWrite(), 1, MAX_ATTEMPTS);

    EntityReport first = run("run-1");

    assertThat(first.status()).as(first.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(proxy.lost()).isNotEmpty();
    VersionedState settled = state().orElseThrow();
    assertThat(settled.state().watermark().map(w -> w.value().text())).contains("2024-01-02T00:00");
    assertThat(settled.state().lease()).as("the lease is given back").isEmpty();

    project.duckdb("source.duckdb", "INSERT INTO events VALUES (3, '2024-01-03 00:00')");
    EntityReport second = run("run-2");

    assertThat(second.status()).as(second.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(second.rows()).as("only the new row").isEqualTo(1);
    assertThat(loadedIds(project))
        .containsExactly(List.of("1", "1"), List.of("2", "1"), List.of("3", "1"));
    assertThat(state().orElseThrow().state().watermark().map(w -> w.value().text()))
        .contains("2024-01-03T00:00");
  }

  @Test
  void afterALostAdvanceTheNextRunRepeatsTheWindowOnceAndSkipsNothing() throws Exception {
    StateProject project = project();
    proxy.lose(Loss.REQUEST, conditionalWrite(), 1, MAX_ATTEMPTS);

    EntityReport first = run("run-1");

    assertThat(first.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(first.error().orElseThrow())
        .startsWith("Entity shop.events was committed to its store, but its state could not be")
        .contains("Cannot tell whether the state of entity shop.events was saved")
        .endsWith("The next run reads this run's window again.");
    VersionedState unchanged = state().orElseThrow();
    assertThat(unchanged.state().watermark()).as("the advance never happened").isEmpty();
    assertThat(unchanged.state().lease()).as("the lease is given back").isEmpty();

    project.duckdb("source.duckdb", "INSERT INTO events VALUES (3, '2024-01-03 00:00')");
    EntityReport second = run("run-2");

    assertThat(second.status()).as(second.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(second.rows()).as("the window again, and the new row").isEqualTo(3);
    assertThat(loadedIds(project))
        .as("merge makes the repeated window harmless")
        .containsExactly(List.of("1", "1"), List.of("2", "1"), List.of("3", "1"));
    assertThat(state().orElseThrow().state().watermark().map(w -> w.value().text()))
        .contains("2024-01-03T00:00");
  }
}
