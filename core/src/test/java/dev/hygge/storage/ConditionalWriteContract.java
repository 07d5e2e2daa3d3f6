package dev.hygge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SupportsConditionalWrite} store must do: create only when absent, replace only
 * at the version read, delete only at the version read, and tell a lost race apart by its type.
 */
public abstract class ConditionalWriteContract {
  /** The store under test; the subclass opens and closes it. */
  protected abstract SupportsConditionalWrite store();

  /** A fresh, empty prefix for each test, ending with a slash. */
  protected abstract Location root();

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writeIfAbsentCreatesAndThenRefuses() {
    Location location = root().resolve("state.json");
    assertThat(store().readVersioned(location)).isEmpty();

    ObjectInfo first = store().writeIf(location, text("one"), WriteCondition.absent());

    VersionedBytes read = store().readVersioned(location).orElseThrow();
    assertThat(new String(read.bytes(), StandardCharsets.UTF_8)).isEqualTo("one");
    assertThat(read.version()).isEqualTo(first.version());
    assertThatThrownBy(() -> store().writeIf(location, text("two"), WriteCondition.absent()))
        .isInstanceOf(WriteConditionFailedException.class)
        .hasMessageContaining("Cannot write " + location)
        .hasMessageContaining("it changed underneath (expected no object");
    assertThat(store().readVersioned(location).orElseThrow().bytes()).isEqualTo(text("one"));
  }

  @Test
  void writeIfMatchingReplacesAndGivesANewVersion() {
    Location location = root().resolve("state.json");
    ObjectInfo first = store().writeIf(location, text("one"), WriteCondition.absent());

    ObjectInfo second =
        store().writeIf(location, text("two"), WriteCondition.matches(first.version()));

    assertThat(second.version()).isNotEqualTo(first.version());
    VersionedBytes read = store().readVersioned(location).orElseThrow();
    assertThat(read.bytes()).isEqualTo(text("two"));
    assertThat(read.version()).isEqualTo(second.version());
  }

  @Test
  void writeAtAStaleVersionLosesTheRaceAndWritesNothing() {
    Location location = root().resolve("state.json");
    ObjectInfo first = store().writeIf(location, text("one"), WriteCondition.absent());
    store().writeIf(location, text("two"), WriteCondition.matches(first.version()));

    assertThatThrownBy(
            () -> store().writeIf(location, text("three"), WriteCondition.matches(first.version())))
        .isInstanceOf(WriteConditionFailedException.class)
        .hasMessageContaining("Cannot write " + location)
        .hasMessageContaining(first.version());
    assertThat(store().readVersioned(location).orElseThrow().bytes()).isEqualTo(text("two"));
  }

  @Test
  void writeAtAVersionOfAnObjectThatIsGoneLosesTheRace() {
    Location location = root().resolve("state.json");
    ObjectInfo first = store().writeIf(location, text("one"), WriteCondition.absent());
    store().deleteIf(location, first.version());

    assertThatThrownBy(
            () -> store().writeIf(location, text("two"), WriteCondition.matches(first.version())))
        .isInstanceOf(WriteConditionFailedException.class);
    assertThat(store().readVersioned(location)).isEmpty();
  }

  @Test
  void deleteAtAStaleVersionLosesTheRaceAndDeletesNothing() {
    Location location = root().resolve("state.json");
    ObjectInfo first = store().writeIf(location, text("one"), WriteCondition.absent());
    ObjectInfo second =
        store().writeIf(location, text("two"), WriteCondition.matches(first.version()));

    assertThatThrownBy(() -> store().deleteIf(location, first.version()))
        .isInstanceOf(WriteConditionFailedException.class)
        .hasMessageContaining("Cannot delete " + location);
    assertThat(store().readVersioned(location).orElseThrow().version()).isEqualTo(second.version());

    store().deleteIf(location, second.version());
    assertThat(store().readVersioned(location)).isEmpty();
  }
}
