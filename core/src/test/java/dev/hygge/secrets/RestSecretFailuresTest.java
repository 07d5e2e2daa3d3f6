package dev.hygge.secrets;

import static dev.hygge.secrets.SecretProjects.gcp;
import static dev.hygge.secrets.SecretProjects.keyVault;
import static dev.hygge.secrets.SecretProjects.load;
import static dev.hygge.secrets.SecretProjects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.secrets.gcp.GcpSecretManager;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Secrets from GCP Secret Manager and Azure Key Vault that cannot be fetched: each failure names
 * the file, line and key, the handler and the secret, and what to check. Neither has a local
 * emulator, so both are in-process fakes of their documented REST contracts ({@link
 * FakeGcpSecretManager}, {@link FakeKeyVault}) that insist on the bearer token.
 */
class RestSecretFailuresTest extends RestSecretFakes {
  @Test
  void aSlowSecretManagerTimesOutNamingTheSecretAndWhereItIsUsed() throws IOException {
    gcpFake.delay(Duration.ofSeconds(5));
    gcpFake.secret("projects/shop/secrets/pg-password/versions/3", "gcp-S3cret");
    write(
        dir,
        """
        name: shop
        options:
          secret_timeout: 1
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [orders]
        """);

    long start = System.nanoTime();
    assertThatThrownBy(() -> load(dir, gcp(gcpFake)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        // Whichever gives up first, hygge's deadline or the HTTP client's timeout, says so.
        .hasMessageMatching(
            "Cannot fetch secret 'projects/shop/secrets/pg-password/versions/3' \\(gcp-secrets\\)"
                + " for 'flows.sales.store.password' at hygge.yml:10: timed out: no answer"
                + " (from 127.0.0.1 )?within 1s \\(options.secret_timeout\\). Check that the"
                + " manager is reachable from here, or raise options.secret_timeout.");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aMissingSecretNamesTheFileLineKeyAndHandler() throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${azure-keyvault::shop-kv/no-such-secret}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, keyVault(vaultFake, FakeKeyVault.TOKEN)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessage(
            "Cannot fetch secret 'shop-kv/no-such-secret' (azure-keyvault) for"
                + " 'flows.sales.store.password' at hygge.yml:8: no such secret: HTTP 404 from"
                + " vault shop-kv: A secret with (name/id) no-such-secret was not found in this key"
                + " vault. Check the vault, the secret's name and its version.");
  }

  @Test
  void accessDeniedSaysWhichRoleIsMissing() throws IOException {
    gcpFake.fail(
        "projects/shop/secrets/pg-password/versions/3",
        403,
        "PERMISSION_DENIED",
        "Permission 'secretmanager.versions.access' denied for resource"
            + " 'projects/shop/secrets/pg-password/versions/3' (or it may not exist).");
    vaultFake.fail(
        "shop-kv",
        "pg-user",
        403,
        "Forbidden",
        "Caller is not authorized to perform action on resource.");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${azure-keyvault::shop-kv/pg-user}
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, gcp(gcpFake), keyVault(vaultFake, FakeKeyVault.TOKEN)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageStartingWith("Cannot fetch 2 secrets:")
        .hasMessageContaining(
            "Cannot fetch secret 'shop-kv/pg-user' (azure-keyvault) for 'flows.sales.store.user'"
                + " at hygge.yml:8: access denied: HTTP 403 from vault shop-kv: Caller is not"
                + " authorized to perform action on resource. Check that the identity may get"
                + " secrets in vault shop-kv (role Key Vault Secrets User, or an access policy"
                + " with Get).")
        .hasMessageContaining(
            "Cannot fetch secret 'projects/shop/secrets/pg-password/versions/3' (gcp-secrets)"
                + " for 'flows.sales.store.password' at hygge.yml:9: access denied: HTTP 403"
                + " Permission 'secretmanager.versions.access' denied for resource"
                + " 'projects/shop/secrets/pg-password/versions/3' (or it may not exist). Check"
                + " that the identity has roles/secretmanager.secretAccessor on"
                + " projects/shop/secrets/pg-password/versions/3.");
  }

  @Test
  void aRefusedTokenIsAccessDenied() throws IOException {
    vaultFake.secret("shop-kv", "pg-user", null, "loader");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${azure-keyvault::shop-kv/pg-user}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, keyVault(vaultFake, "some-other-token")))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageContaining(
            "for 'flows.sales.store.user' at hygge.yml:8: access denied: HTTP 401 from vault"
                + " shop-kv: AKV10000: Request is missing a Bearer or PoP token.");
  }

  @Test
  void noCredentialsInTheChainSaysWhereCredentialsComeFrom() throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [orders]
        """);
    GcpSecretManager noCredentials =
        new GcpSecretManager(
            gcpFake.endpoint(),
            () -> {
              throw new IOException("Your default credentials were not found.");
            },
            SecretHttp.standard());

    assertThatThrownBy(() -> load(dir, noCredentials))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessage(
            "Cannot fetch secret 'projects/shop/secrets/pg-password/versions/3' (gcp-secrets)"
                + " for 'flows.sales.store.password' at hygge.yml:8: no credentials in the chain:"
                + " Your default credentials were not found. Check GOOGLE_APPLICATION_CREDENTIALS,"
                + " gcloud auth application-default login, or the service account attached where"
                + " hygge runs.");
    assertThat(gcpFake.requests()).isZero();
  }

  @Test
  void aMalformedNameFailsBeforeAnyRequest() throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${gcp-secrets::shop/pg-password}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, gcp(gcpFake)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageContaining(
            "Cannot fetch secret 'shop/pg-password' (gcp-secrets) for"
                + " 'flows.sales.store.password' at hygge.yml:8: not a valid secret name:"
                + " 'shop/pg-password' is not a secret version name. Check the expression: write"
                + " ${gcp-secrets::projects/PROJECT/secrets/SECRET/versions/VERSION}");
    assertThat(gcpFake.requests()).isZero();
  }
}
