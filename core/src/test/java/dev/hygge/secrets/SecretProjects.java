package dev.hygge.secrets;

import com.azure.core.credential.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.hygge.config.LoadOptions;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.Settings;
import dev.hygge.flow.Registry;
import dev.hygge.secrets.azure.AzureKeyVault;
import dev.hygge.secrets.gcp.GcpSecretManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import reactor.core.publisher.Mono;

/** Writes test projects and loads them against the secret-manager fakes. */
final class SecretProjects {
  private SecretProjects() {}

  /** Writes {@code hygge.yml} with this text and a {@code landing/} directory. */
  static Path write(Path dir, String hyggeYml) throws IOException {
    Files.createDirectories(dir.resolve("landing"));
    Files.writeString(dir.resolve("hygge.yml"), hyggeYml);
    return dir;
  }

  /** A GCP manager on the fake, with a token the fake accepts. */
  static GcpSecretManager gcp(FakeGcpSecretManager fake) {
    return new GcpSecretManager(
        fake.endpoint(),
        () ->
            GoogleCredentials.create(
                new com.google.auth.oauth2.AccessToken(
                    FakeGcpSecretManager.TOKEN,
                    Date.from(java.time.Instant.now().plusSeconds(3600)))),
        SecretHttp.standard());
  }

  /** A Key Vault manager on the fake, with a credential that hands out this token. */
  static AzureKeyVault keyVault(FakeKeyVault fake, String token) {
    return new AzureKeyVault(
        fake.vaultUrl(),
        () -> request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1))),
        SecretHttp.standard());
  }

  /** Loads the project with these managers, closing them afterwards. */
  static Project load(Path dir, SecretManager... managers) {
    try (SecretManagers secretManagers = SecretManagers.of(managers)) {
      return ProjectLoader.load(dir, LoadOptions.defaults(), Registry.standard(), secretManagers);
    }
  }

  /** The store settings of the project's first entity. */
  static Settings store(Project project) {
    return project.flows().get(0).entities().get(0).storeSettings();
  }

  /** The home settings of the project's first entity. */
  static Settings home(Project project) {
    return project.flows().get(0).entities().get(0).homeSettings();
  }
}
