package dev.hygge.config.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.testing.ManualClock;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a project fetched from object storage does, run once per backend: the backend's test gives a
 * store on its emulator and a fresh prefix in an existing bucket or container.
 */
abstract class ObjectStorageProjectSourceContract {
  private static final Duration REFRESH = Duration.ofSeconds(60);

  /** A store reaching the emulator; closed by the source. */
  protected abstract ObjectStore newStore();

  /** A fresh, empty prefix, e.g. {@code s3://bucket/UUID/}. */
  protected abstract Location newRoot();

  /** A location in a bucket or container that does not exist. */
  protected abstract Location missingBucket();

  @TempDir Path cache;

  private final ManualClock clock = ManualClock.standing();
  private ObjectStore writer;
  private Location root;

  @BeforeEach
  void openWriter() {
    writer = newStore();
    root = newRoot();
  }

  @AfterEach
  void closeWriter() {
    writer.close();
  }

  private void upload(String relative, String text) {
    try (OutputObject out = writer.createOrOverwrite(root.resolve(relative))) {
      out.write(text.getBytes(UTF_8));
      out.commit();
    }
  }

  /** Writes a small project under a fresh prefix and returns the prefix. */
  protected Location uploadedProject(String name) {
    Location saved = root;
    root = newRoot();
    try {
      uploadProject(name);
      return root;
    } finally {
      root = saved;
    }
  }

  /** Settings as a function reads them from its environment. */
  protected static ProjectSourceSettings settings(Map<String, String> variables) {
    return ProjectSourceSettings.from(
        new SmallRyeConfigBuilder().withSources(new EnvConfigSource(variables, 0) {}).build());
  }

  /** Loads the project through the sources a function opens, and closes the source. */
  protected static String loadedName(ProjectSourceSettings settings) {
    ProjectSource source = ProjectSources.open(settings);
    assertThat(source).isInstanceOf(ObjectStorageProjectSource.class);
    try (ObjectStorageProjectSource remote = (ObjectStorageProjectSource) source) {
      return remote.load().name();
    }
  }

  private void uploadProject(String name) {
    upload(
        "flows/sales/flow.yml",
        "home: {type: csv, path: landing}\nstore: {type: parquet, path: lake}\n");
    upload("flows/sales/entities/orders.yml", "name: orders\n");
    upload("flows/sales/entities/customers.yml", "name: customers\n");
    upload("hygge.yml", "name: " + name + "\n");
  }

  private ObjectStorageProjectSource source(Location at) {
    return new ObjectStorageProjectSource(at, newStore(), REFRESH, clock, cache);
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void fetchesTheProjectFilesAndLoadsTheProject() throws IOException {
    upload(".env", "PROJECT_NAME=remote-sales\n");
    upload("landing/orders/orders.csv", "id\n1\n");
    upload(
        "flows/sales/flow.yml",
        "home: {type: csv, path: landing}\nstore: {type: parquet, path: lake}\n");
    upload("flows/sales/entities/orders.yml", "name: orders\n");
    upload("hygge.yml", "name: ${PROJECT_NAME}\n");

    try (ObjectStorageProjectSource source = source(root)) {
      Project project = source.load();

      assertThat(project.name()).isEqualTo("remote-sales");
      assertThat(project.flows()).hasSize(1);
      assertThat(project.flows().get(0).entities())
          .extracting(EntityConfig::qualifiedName)
          .containsExactly("sales.orders");
      assertThat(files(source.directory()))
          .containsExactly(
              ".env", "flows/sales/entities/orders.yml", "flows/sales/flow.yml", "hygge.yml");
      assertThat(source.describe()).isEqualTo(root.toString());
    }
  }

  @Test
  void aPrefixWithoutTrailingSlashIsTheSameProject() {
    uploadProject("no-slash");
    Location withoutSlash =
        new Location(
            root.scheme(), root.authority(), root.path().substring(0, root.path().length() - 1));

    try (ObjectStorageProjectSource source = source(withoutSlash)) {
      assertThat(source.load().name()).isEqualTo("no-slash");
    }
  }

  @Test
  void reusesTheFetchedFilesUntilTheRefreshIntervalHasPassed() {
    uploadProject("first");
    try (ObjectStorageProjectSource source = source(root)) {
      Path first = source.directory();
      uploadProject("second");

      clock.advance(REFRESH.minusSeconds(1));
      assertThat(source.directory()).isEqualTo(first);
      assertThat(source.load().name()).isEqualTo("first");

      clock.advance(Duration.ofSeconds(1));
      Path second = source.directory();
      assertThat(second).isNotEqualTo(first);
      assertThat(source.load().name()).isEqualTo("second");
      assertThat(first).as("the copy before the current one is kept").exists();

      uploadProject("third");
      clock.advance(REFRESH);
      assertThat(source.load().name()).isEqualTo("third");
      assertThat(first).as("older copies are removed").doesNotExist();
      assertThat(second).exists();
    }
  }

  @Test
  void anUnchangedProjectIsNotFetchedAgain() throws IOException {
    uploadProject("steady");
    try (ObjectStorageProjectSource source = source(root)) {
      Path first = source.directory();
      // A local edit shows the files were not written again.
      Files.writeString(first.resolve("marker"), "still here");

      clock.advance(REFRESH.multipliedBy(3));

      assertThat(source.directory()).isEqualTo(first);
      assertThat(first.resolve("marker")).exists();
    }
  }

  @Test
  void aPrefixWithoutHyggeYmlFailsNamingTheUrl() {
    upload("flows/sales/flow.yml", "home: {type: csv, path: landing}\n");
    try (ObjectStorageProjectSource source = source(root)) {
      assertThatThrownBy(source::directory)
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "No hygge.yml under "
                  + root
                  + " (HYGGE_PROJECT): upload the project there (hygge.yml, flows/ and an"
                  + " optional .env), or point HYGGE_PROJECT at the prefix that holds hygge.yml.")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CONFIG);
    }
  }

  @Test
  void aMissingBucketFailsNamingTheUrl() {
    Location missing = missingBucket();
    try (ObjectStorageProjectSource source = source(missing)) {
      assertThatThrownBy(source::directory)
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith("Cannot fetch the project from " + missing + " (HYGGE_PROJECT): ")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CONFIG);
    }
  }
}
