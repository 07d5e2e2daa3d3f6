package dev.hygge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.Setting;
import dev.hygge.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
  private static final Origin WHERE = new Origin("flows/sales/flow.yml", 3);

  /** A home type that only has a name; enough to register it. */
  private record NamedHomeType(String name) implements HomeType {
    @Override
    public String description() {
      return "A home named " + name + ".";
    }

    @Override
    public List<Setting> settings() {
      return List.of();
    }

    @Override
    public Home create(Settings settings) {
      throw new UnsupportedOperationException("registry tests never bind");
    }
  }

  @Test
  void findsRegisteredTypesByName() {
    HomeType parquet = new NamedHomeType("parquet");
    Registry registry = new Registry(List.of(parquet, new NamedHomeType("csv")), List.of());

    assertThat(registry.home("parquet", WHERE)).isSameAs(parquet);
    assertThat(registry.homes()).extracting(HomeType::name).containsExactly("parquet", "csv");
    assertThat(registry.stores()).isEmpty();
  }

  @Test
  void unknownTypeListsRegisteredTypesWithAHint() {
    Registry registry =
        new Registry(List.of(new NamedHomeType("parquet"), new NamedHomeType("csv")), List.of());

    assertThatThrownBy(() -> registry.home("parqet", WHERE))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessage(
            "Unknown home type 'parqet' at flows/sales/flow.yml:3. Did you mean 'parquet'?"
                + " Registered home types: parquet, csv.");
  }

  @Test
  void unknownTypeInAnEmptyRegistrySaysNoneAreRegistered() {
    assertThatThrownBy(() -> new Registry(List.of(), List.of()).store("parquet", WHERE))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Unknown store type 'parquet' at flows/sales/flow.yml:3. No store types are registered.");
  }

  @Test
  void duplicateNamesAreRejected() {
    assertThatThrownBy(
            () ->
                new Registry(
                    List.of(new NamedHomeType("parquet"), new NamedHomeType("parquet")), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two home types are registered as 'parquet'");
  }

  @Test
  void loadWithDefaultsUsesTheStandardRegistry(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("hygge.yml"),
        "flows:\n  users:\n    home: {type: nowhere, path: in}\n    store: {type: nowhere}\n");
    List<String> standardHomes = Registry.standard().homes().stream().map(HomeType::name).toList();

    assertThatThrownBy(() -> ProjectLoader.load(dir))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Unknown home type 'nowhere' at hygge.yml:3.")
        .hasMessageContaining(
            standardHomes.isEmpty()
                ? "No home types are registered"
                : String.join(", ", standardHomes));
  }
}
