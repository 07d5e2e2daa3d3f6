package dev.hygge.config.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading HYGGE_PROJECT and its settings, and the local project source. */
class ProjectSourceSettingsTest {
  @TempDir Path dir;

  private static ProjectSourceSettings fromEnvironment(Map<String, String> variables) {
    return ProjectSourceSettings.from(
        new SmallRyeConfigBuilder().withSources(new EnvConfigSource(variables, 0) {}).build());
  }

  @Test
  void withoutSettingsTheProjectIsTheWorkingDirectory() {
    ProjectSourceSettings settings = fromEnvironment(Map.of());

    assertThat(settings).isEqualTo(ProjectSourceSettings.of("."));
    assertThat(settings.refresh()).isEqualTo(Duration.ofSeconds(60));
    assertThat(ProjectSources.open(settings))
        .isEqualTo(new LocalProjectSource(Path.of("").toAbsolutePath()));
  }

  @Test
  void everySettingFromTheEnvironment() {
    ProjectSourceSettings settings =
        fromEnvironment(
            Map.of(
                "HYGGE_PROJECT", "s3://bucket/projects/sales/",
                "HYGGE_PROJECT_REFRESH_SECONDS", "0",
                "HYGGE_PROJECT_ENDPOINT", "http://127.0.0.1:9000",
                "HYGGE_PROJECT_REGION", "eu-west-1",
                "HYGGE_PROJECT_ACCOUNT", "landing"));

    assertThat(settings)
        .isEqualTo(
            new ProjectSourceSettings(
                "s3://bucket/projects/sales/",
                Duration.ZERO,
                Optional.of(URI.create("http://127.0.0.1:9000")),
                Optional.of("eu-west-1"),
                Optional.of("landing"),
                new ProjectAccess.DefaultChain()));
  }

  @Test
  void howRequestsAreSigned() {
    assertThat(fromEnvironment(Map.of("HYGGE_PROJECT_CREDENTIAL", "anonymous")).access())
        .isEqualTo(new ProjectAccess.Anonymous());
    ProjectAccess connection =
        fromEnvironment(Map.of("HYGGE_PROJECT_CONNECTION_STRING", "AccountName=a;AccountKey=k"))
            .access();
    assertThat(connection)
        .isEqualTo(new ProjectAccess.ConnectionString("AccountName=a;AccountKey=k"));
    assertThat(connection.toString()).doesNotContain("AccountKey");
    assertThatThrownBy(() -> fromEnvironment(Map.of("HYGGE_PROJECT_CREDENTIAL", "sas")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_PROJECT_CREDENTIAL must be default or anonymous, got 'sas' (an Azure connection"
                + " string goes in HYGGE_PROJECT_CONNECTION_STRING).");
    assertThatThrownBy(
            () ->
                fromEnvironment(
                    Map.of(
                        "HYGGE_PROJECT_CREDENTIAL", "anonymous",
                        "HYGGE_PROJECT_CONNECTION_STRING", "AccountName=a;AccountKey=k")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Set either HYGGE_PROJECT_CONNECTION_STRING or HYGGE_PROJECT_CREDENTIAL=anonymous, not"
                + " both.");
  }

  @Test
  void aLocalProjectIsLoadedWhereItIs() throws IOException {
    Files.writeString(
        dir.resolve("hygge.yml"),
        "name: local\nflows:\n  sales:\n    home: {type: csv, path: landing}\n"
            + "    store: {type: parquet, path: lake}\n    entities: [orders]\n");

    ProjectSource source = ProjectSources.open(ProjectSourceSettings.of(dir.toString()));

    assertThat(source.directory()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(source.load().name()).isEqualTo("local");
  }

  @Test
  void theSharedSourceIsCreatedOncePerProcess() {
    ProjectSourceSettings settings = ProjectSourceSettings.of(dir.toString());

    assertThat(ProjectSources.shared(settings)).isSameAs(ProjectSources.shared(settings));
  }

  @Test
  void anAzUrlNeedsItsAccount() {
    assertThatThrownBy(() -> ProjectSources.open(ProjectSourceSettings.of("az://projects/sales/")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_PROJECT az://projects/sales/ is an az:// URL: set HYGGE_PROJECT_ACCOUNT to its"
                + " storage account, or write it as"
                + " abfss://container@account.dfs.core.windows.net/prefix.")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void malformedValuesNameTheVariable() {
    assertThatThrownBy(() -> fromEnvironment(Map.of("HYGGE_PROJECT_REFRESH_SECONDS", "1m")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_PROJECT_REFRESH_SECONDS must be a whole number of seconds, 0 or more, got"
                + " '1m'.");
    assertThatThrownBy(() -> fromEnvironment(Map.of("HYGGE_PROJECT_ENDPOINT", "minio:9000")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_PROJECT_ENDPOINT 'minio:9000' is not a URL such as http://127.0.0.1:9000.");
    assertThatThrownBy(() -> ProjectSources.open(ProjectSourceSettings.of("ftp://host/project")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Malformed location 'ftp://host/project': scheme 'ftp' is not");
  }
}
