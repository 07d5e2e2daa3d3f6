package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases over the local state store: a second run is refused; a crashed run's lease lapses. */
class LeasesTest {
  private static final EntityKey ORDERS = new EntityKey("shop", "orders");
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path dir;

  private Leases at(LocalStateStore store, Instant now) {
    return new Leases(store, TIMEOUT, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aSecondRunIsRefusedNamingTheHolderAndWhenItsLeaseExpires() {
    LocalStateStore store = new LocalStateStore(dir);
    at(store, T0).acquire(ORDERS, "run-a");

    assertThatThrownBy(() -> at(store, T0.plusSeconds(60)).acquire(ORDERS, "run-b"))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.STATE)
        .hasMessage(
            "Entity shop.orders is already being run by run run-a (started 2026-11-27T10:00:00Z;"
                + " its lease expires at 2026-11-27T10:10:00Z). Two runs of one entity at the same"
                + " time are refused: wait for that run to finish. If it crashed, its lease lapses"
                + " at 2026-11-27T10:10:00Z and the entity can run again (state: "
                + store.file(ORDERS)
                + ").");
  }

  @Test
  void aCrashedRunsLeaseLapsesAndTheNextRunTakesIt() {
    LocalStateStore store = new LocalStateStore(dir);
    at(store, T0).acquire(ORDERS, "crashed");

    VersionedState taken = at(store, T0.plus(TIMEOUT)).acquire(ORDERS, "next");

    assertThat(taken.state().lease())
        .contains(new Lease("next", T0.plus(TIMEOUT), T0.plus(TIMEOUT).plus(TIMEOUT)));
    assertThat(store.read(ORDERS).orElseThrow()).isEqualTo(taken);
  }

  @Test
  void renewMovesTheExpiryAndReleaseFreesTheEntity() {
    LocalStateStore store = new LocalStateStore(dir);
    VersionedState held = at(store, T0).acquire(ORDERS, "run-a");
    VersionedState renewed = at(store, T0.plusSeconds(200)).renew(ORDERS, held, "run-a");

    assertThat(renewed.state().lease().orElseThrow().expires()).isEqualTo(T0.plusSeconds(800));
    assertThatThrownBy(() -> at(store, T0.plusSeconds(700)).acquire(ORDERS, "run-b"))
        .hasMessageContaining("already being run by run run-a");

    at(store, T0.plusSeconds(300)).release(ORDERS, renewed);
    assertThat(store.read(ORDERS).orElseThrow().state().lease()).isEmpty();
    assertThat(at(store, T0.plusSeconds(301)).acquire(ORDERS, "run-b").state().lease())
        .map(Lease::runId)
        .contains("run-b");
  }

  @Test
  void aRenewalAfterSomeoneElseWroteIsAConflict() {
    LocalStateStore store = new LocalStateStore(dir);
    VersionedState held = at(store, T0).acquire(ORDERS, "run-a");
    store.write(ORDERS, EntityState.initial(ORDERS), Optional.of(held.version()));

    assertThatThrownBy(() -> at(store, T0.plusSeconds(200)).renew(ORDERS, held, "run-a"))
        .isInstanceOf(StateConflictException.class);
  }
}
