package dev.hygge.secrets;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fakes the REST secret-manager tests share: GCP Secret Manager and Azure Key Vault have no
 * local emulator, so both are in-process fakes of their documented REST contracts ({@link
 * FakeGcpSecretManager}, {@link FakeKeyVault}) that insist on the bearer token; a project
 * directory; and the store block the projects use.
 */
abstract class RestSecretFakes {
  static final String PG_STORE =
      """
          store:
            type: postgres
            url: jdbc:postgresql://db.internal:5432/shop
      """;

  @TempDir Path dir;
  FakeGcpSecretManager gcpFake;
  FakeKeyVault vaultFake;

  @BeforeEach
  void startFakes() throws IOException {
    gcpFake = new FakeGcpSecretManager();
    vaultFake = new FakeKeyVault();
  }

  @AfterEach
  void stopFakes() throws InterruptedException {
    gcpFake.close();
    vaultFake.close();
  }
}
