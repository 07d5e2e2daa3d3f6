package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local state store on a real directory: versions, compare-and-swap, corrupt files. */
class LocalStateStoreTest {
  private static final EntityKey ORDERS = new EntityKey("shop", "orders");
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  @TempDir Path dir;

  private LocalStateStore store() {
    return new LocalStateStore(dir.resolve("state"));
  }

  private static EntityState sample() {
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
  void writesAndReadsBackOneJsonFilePerEntity() {
    LocalStateStore store = store();
    StateVersion version = store.write(ORDERS, sample(), Optional.empty());

    assertThat(store.read(ORDERS)).contains(new VersionedState(sample(), version));
    assertThat(dir.resolve("state/shop/orders.json")).isRegularFile();
    assertThat(store.read(new EntityKey("shop", "customers"))).isEmpty();
    try (var files = Files.list(dir.resolve("state/shop"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder("orders.json", ".orders.lock");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aWriteNamingAStaleVersionIsAConflictAndWritesNothing() {
    LocalStateStore store = store();
    StateVersion first = store.write(ORDERS, sample(), Optional.empty());
    EntityState second = sample().withLease(Optional.empty());
    StateVersion current = store.write(ORDERS, second, Optional.of(first));

    assertThatThrownBy(() -> store.write(ORDERS, sample(), Optional.of(first)))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("The state of entity shop.orders in " + store.file(ORDERS))
        .hasMessageContaining("expected version 1, found 2")
        .hasMessageContaining("Nothing was written");
    assertThatThrownBy(() -> store.write(ORDERS, sample(), Optional.empty()))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("expected version none, found 2");
    assertThat(store.read(ORDERS)).contains(new VersionedState(second, current));
  }

  @Test
  void deleteComparesVersions() {
    LocalStateStore store = store();
    StateVersion first = store.write(ORDERS, sample(), Optional.empty());
    store.write(ORDERS, sample(), Optional.of(first));

    assertThatThrownBy(() -> store.delete(ORDERS, first))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("changed since it was read; nothing was deleted");
    store.delete(ORDERS, store.read(ORDERS).orElseThrow().version());
    assertThat(store.read(ORDERS)).isEmpty();
  }

  @Test
  void invalidJsonFailsNamingFileLineAndRepair() throws Exception {
    LocalStateStore store = store();
    store.write(ORDERS, sample(), Optional.empty());
    Path file = store.file(ORDERS);
    Files.writeString(file, "{\n  \"format\": 1,\n  \"flow\": \"shop\"\n  \"entity\": 3\n}\n");

    assertThatThrownBy(() -> store.read(ORDERS))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.STATE)
        .hasMessageStartingWith("The state of entity shop.orders in " + file + " is corrupt: ")
        .hasMessageContaining("it is not valid JSON at line 4, column 3")
        .hasMessageEndingWith(
            "To repair it, fix that field, or run 'hygge reset --entity shop.orders' to forget"
                + " the entity's state (its next run starts again from watermark_initial and loads"
                + " every file).");
  }

  @Test
  void aHandEditedFieldFailsNamingTheField() throws Exception {
    LocalStateStore store = store();
    store.write(ORDERS, sample(), Optional.empty());
    Path file = store.file(ORDERS);
    Files.writeString(
        file, Files.readString(file).replace("2024-05-01T10:15:30", "yesterday at noon"));

    assertThatThrownBy(() -> store.read(ORDERS))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining(
            "is corrupt: 'watermark.value': 'yesterday at noon' is not a valid timestamp (e.g."
                + " 2024-01-01 or 2024-01-01T08:30:00).");

    Files.writeString(
        file,
        Files.readString(file).replace("\"entity\" : \"orders\"", "\"entity\" : \"returns\""));
    assertThatThrownBy(() -> store.read(ORDERS))
        .hasMessageContaining("is corrupt: it belongs to entity shop.returns, not shop.orders");
  }

  @Test
  void aCorruptFileCanStillBeReset() throws Exception {
    LocalStateStore store = store();
    store.write(ORDERS, sample(), Optional.empty());
    Files.writeString(store.file(ORDERS), "garbage");

    StateVersion version = store.versionForReset(ORDERS).orElseThrow();
    store.delete(ORDERS, version);

    assertThat(store.read(ORDERS)).isEmpty();
    assertThat(store.versionForReset(ORDERS)).isEmpty();
  }
}
