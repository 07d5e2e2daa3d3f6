package dev.hygge.storage.azure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.credentials.CredentialType;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.credentials.azure.TokenCredentials;
import dev.hygge.secrets.FakeKeyVault;
import dev.hygge.secrets.SecretHttp;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.StorageAccess;
import dev.hygge.testing.Azurite;
import dev.hygge.testing.ManualClock;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * {@code key_vault} credentials of method {@code default}: the account key is read from Key Vault
 * and signs requests to Azurite. Key Vault has no emulator, so {@link FakeKeyVault} (an in-process
 * fake of its documented REST read) serves the secret; the Entra ID token for the vault comes from
 * a test {@link TokenCredentials} that hands out the fake's token and records which credential it
 * was asked for. What is exercised: the vault request, the token's use, key reuse, error messages
 * and the signed Azurite requests; what is not: a real authority issuing the vault token.
 */
class KeyVaultAccountKeyTest {
  private static final String CONTAINER = "vault-keyed";
  private static final String VAULT = "shop-kv";
  private static final String SECRET = "lake-account-key";
  private static Azurite azurite;

  private FakeKeyVault vault;
  private final List<String> asked = new ArrayList<>();
  private final ManualClock clock = ManualClock.standing();

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    AzureEndpoint.local(Azurite.ACCOUNT, azurite.blobEndpoint())
        .newBlobClient(
            AzureOptions.defaults(),
            new com.azure.storage.common.StorageSharedKeyCredential(
                Azurite.ACCOUNT, Azurite.ACCOUNT_KEY))
        .createBlobContainer(CONTAINER);
  }

  @AfterAll
  static void stopAzurite() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @BeforeEach
  void startVault() throws Exception {
    vault = new FakeKeyVault();
  }

  @AfterEach
  void stopVault() throws Exception {
    vault.close();
  }

  private TokenCredentials tokens() {
    TokenCredential token =
        request ->
            Mono.just(new AccessToken(FakeKeyVault.TOKEN, OffsetDateTime.now().plusHours(1)));
    return new TokenCredentials() {
      @Override
      public TokenCredential of(NamedCredential credential) {
        asked.add(credential.name());
        return token;
      }

      @Override
      public java.util.List<dev.hygge.credentials.azure.ChainStep> defaultChainSteps(
          NamedCredential credential) {
        throw new AssertionError("the vault token never fails here");
      }

      @Override
      public TokenCredential defaultChain() {
        asked.add("(default chain)");
        return token;
      }
    };
  }

  private AzureAuth auth() {
    return new AzureAuth(tokens(), vault.vaultUrl(), SecretHttp.standard(), clock);
  }

  private static NamedCredential credential(
      String name, CredentialType type, String method, Map<String, String> values) {
    return new NamedCredential(
        name, type, type.method(method).orElseThrow(), values, new Origin("hygge.yml", 4));
  }

  private static NamedCredential keyVault() {
    return credential(
        "lake_key", CredentialTypes.KEY_VAULT, "default", Map.of("vault", VAULT, "secret", SECRET));
  }

  private static StorageAccess access(NamedCredential credential) {
    return new StorageAccess(
        Optional.of(credential),
        Optional.empty(),
        Optional.of(azurite.blobEndpoint()),
        Optional.of(Azurite.ACCOUNT),
        StorageAccess.DEFAULT_PART_SIZE);
  }

  private static String roundTrip(ObjectStore store, Location location, String text)
      throws Exception {
    try (OutputObject out = store.createOrOverwrite(location)) {
      out.write(text.getBytes(UTF_8));
      out.commit();
    }
    try (InputStream in = store.open(location).newStream()) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void accountKeyFromTheVaultSignsRequestsAndIsFetchedOnce() throws Exception {
    vault.secret(VAULT, SECRET, null, Azurite.ACCOUNT_KEY);
    NamedCredential reader =
        credential(
            "vault_reader",
            CredentialTypes.AZURE_AD,
            "service_principal",
            Map.of("tenant_id", "t", "client_id", "c", "client_secret", "s"));
    NamedCredential key = keyVault().reaching(reader);
    AzureAuth auth = auth();
    Location location = Location.parse("az://" + CONTAINER + "/" + UUID.randomUUID() + "/a.csv");

    String first;
    String second;
    try (ObjectStore store = AzureStores.open(access(key), location, auth)) {
      first = roundTrip(store, location, "id\n1\n");
    }
    try (ObjectStore store = AzureStores.open(access(key), location, auth)) {
      second = roundTrip(store, location, "id\n2\n");
    }

    assertThat(first).isEqualTo("id\n1\n");
    assertThat(second).isEqualTo("id\n2\n");
    assertThat(vault.requests(VAULT, SECRET, null)).isEqualTo(1);
    assertThat(asked).containsExactly("vault_reader");
  }

  @Test
  void withoutANamedCredentialTheVaultIsReadWithTheDefaultChain() {
    vault.secret(VAULT, SECRET, null, Azurite.ACCOUNT_KEY);

    String key = auth().accountKey(keyVault());

    assertThat(key).isEqualTo(Azurite.ACCOUNT_KEY);
    assertThat(asked).containsExactly("(default chain)");
  }

  @Test
  void keyIsReusedWithinARunAndFetchedAgainAfterwards() {
    vault.secret(VAULT, SECRET, null, Azurite.ACCOUNT_KEY);
    AzureAuth auth = auth();

    auth.accountKey(keyVault());
    clock.advance(AzureAuth.ACCOUNT_KEY_REUSE.minusSeconds(1));
    auth.accountKey(keyVault());
    int withinRun = vault.requests(VAULT, SECRET, null);
    clock.advance(Duration.ofSeconds(2));
    auth.accountKey(keyVault());

    assertThat(withinRun).isEqualTo(1);
    assertThat(vault.requests(VAULT, SECRET, null)).isEqualTo(2);
  }

  @Test
  void deniedSecretNamesCredentialVaultAndSecretAndWhatToCheck() {
    vault.fail(
        VAULT,
        SECRET,
        403,
        "Forbidden",
        "The user, group or application does not have secrets get permission.");
    Location location = Location.parse("az://" + CONTAINER + "/denied/a.csv");

    assertThatThrownBy(
            () -> {
              try (ObjectStore store = AzureStores.open(access(keyVault()), location, auth())) {
                store.stat(location);
              }
            })
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CREDENTIAL))
        .hasMessage(
            "Cannot read the account key of credential 'lake_key' (key_vault, default,"
                + " hygge.yml:4) from secret 'lake-account-key' of vault 'shop-kv' with the Azure"
                + " default chain: access denied, HTTP 403 from vault shop-kv: The user, group or"
                + " application does not have secrets get permission. Check that the identity may"
                + " get secrets in vault shop-kv (role Key Vault Secrets User, or an access policy"
                + " with Get).");
  }

  @Test
  void withoutACredentialStorageRequestsCarryDefaultChainTokens() {
    Location location = Location.parse("az://" + CONTAINER + "/ambient/a.csv");
    StorageAccess ambient =
        new StorageAccess(
            Optional.empty(),
            Optional.empty(),
            Optional.of(azurite.blobEndpoint()),
            Optional.of(Azurite.ACCOUNT),
            StorageAccess.DEFAULT_PART_SIZE);

    assertThatThrownBy(
            () -> {
              try (ObjectStore store = AzureStores.open(ambient, location, auth())) {
                store.stat(location);
              }
            })
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessage(
            "Storage account 'devstoreaccount1' is reached at "
                + azurite.blobEndpoint()
                + ", but Microsoft Entra ID tokens are sent over HTTPS only: give an https"
                + " endpoint, or an azure_storage credential (account key, SAS or connection"
                + " string) for an emulator.");
    assertThat(asked).containsExactly("(default chain)");
  }
}
