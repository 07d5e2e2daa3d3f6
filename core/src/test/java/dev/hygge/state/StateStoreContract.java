package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do, whatever keeps the state: read back what it wrote,
 * compare-and-swap by version, refuse a second lease, and fail on corrupt state naming where it is
 * and how to repair it.
 */
public abstract class StateStoreContract {
  public static final EntityKey ORDERS = new EntityKey("shop", "orders");
  public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  /** The store under test, over fresh, empty state. */
  protected abstract StateStore store();

  /** Replaces the entity's stored state with raw bytes, as a hand edit would. */
  protected abstract void overwriteRaw(EntityKey key, byte[] bytes);

  public static EntityState sample() {
    return new EntityState(
        ORDERS,
        Optional.of(new Lease("run-1", T0, T0.plusSeconds(600))),
        Optional.of(
            new StoredWatermark(
                "updated_at", new Watermark.Timestamp(LocalDateTime.parse("2024-05-01T10:15:30")))),
        new ObjectJournal(
            List.of(new JournalEntry(new ObjectVersion("/landing/a.csv", "10-1"), "run-0", T0))),
        Optional.of("run-0"));
  }

  @Test
  void writesAndReadsBackTheState() {
    StateVersion version = store().write(ORDERS, sample(), Optional.empty());

    assertThat(store().read(ORDERS)).contains(new VersionedState(sample(), version));
    assertThat(store().read(new EntityKey("shop", "customers"))).isEmpty();
  }

  @Test
  void aWriteNamingAStaleVersionIsAConflictAndWritesNothing() {
    StateVersion first = store().write(ORDERS, sample(), Optional.empty());
    EntityState second = sample().withLease(Optional.empty());
    StateVersion current = store().write(ORDERS, second, Optional.of(first));

    assertThat(current).isNotEqualTo(first);
    assertThatThrownBy(() -> store().write(ORDERS, sample(), Optional.of(first)))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("The state of entity shop.orders in " + store().describe(ORDERS))
        .hasMessageContaining("expected version " + first.token())
        .hasMessageContaining("Nothing was written");
    assertThatThrownBy(() -> store().write(ORDERS, sample(), Optional.empty()))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("expected version none");
    assertThat(store().read(ORDERS)).contains(new VersionedState(second, current));
  }

  @Test
  void deleteComparesVersions() {
    StateVersion first = store().write(ORDERS, sample(), Optional.empty());
    StateVersion second = store().write(ORDERS, sample(), Optional.of(first));

    assertThatThrownBy(() -> store().delete(ORDERS, first))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("nothing was deleted");
    store().delete(ORDERS, second);
    assertThat(store().read(ORDERS)).isEmpty();
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLease() {
    Leases leases = new Leases(store(), Duration.ofMinutes(10), Clock.fixed(T0, ZoneOffset.UTC));
    VersionedState held = leases.acquire(ORDERS, "run-a");

    assertThatThrownBy(() -> leases.acquire(ORDERS, "run-b"))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Entity shop.orders is already being run by run run-a")
        .hasMessageContaining("its lease expires at 2026-11-27T10:10:00Z")
        .hasMessageContaining("(state: " + store().describe(ORDERS) + ")");

    leases.release(ORDERS, held);
    assertThat(leases.acquire(ORDERS, "run-b").state().lease().orElseThrow().runId())
        .isEqualTo("run-b");
  }

  @Test
  void corruptStateFailsNamingWhereItIsAndHowToRepairIt() {
    store().write(ORDERS, sample(), Optional.empty());
    overwriteRaw(ORDERS, "{\"format\": 1,\n \"flow\": ".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> store().read(ORDERS))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "The state of entity shop.orders in "
                + store().describe(ORDERS)
                + " is corrupt: it is not valid JSON at line 2")
        .hasMessageContaining("run 'hygge reset --entity shop.orders'")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.STATE);

    StateVersion corrupt = store().versionForReset(ORDERS).orElseThrow();
    store().delete(ORDERS, corrupt);
    assertThat(store().read(ORDERS)).isEmpty();
    assertThat(store().versionForReset(ORDERS)).isEmpty();
  }
}
