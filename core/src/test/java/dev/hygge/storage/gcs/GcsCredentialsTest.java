package dev.hygge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.NamedCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code gcs} and {@code anonymous} named credentials become Google credentials: a service
 * account key from a file or inline JSON (parsed here; exchanging it for a token is the Google auth
 * library's work against Google's token endpoint, which has no local peer), and clear errors.
 */
class GcsCredentialsTest {
  @TempDir Path dir;

  private static NamedCredential credential(String type, String method, Map<String, String> keys) {
    var kind = CredentialTypes.named(type).orElseThrow();
    return new NamedCredential(
        "landing", kind, kind.method(method).orElseThrow(), keys, new Origin("hygge.yml", 3));
  }

  private static String serviceAccountJson() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\\n"
            + Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\\n-----END PRIVATE KEY-----\\n";
    return """
        {
          "type": "service_account",
          "project_id": "shop",
          "private_key_id": "key-1",
          "private_key": "%s",
          "client_email": "loader@shop.iam.gserviceaccount.com",
          "client_id": "1",
          "token_uri": "https://oauth2.googleapis.com/token"
        }
        """
        .formatted(pem);
  }

  @Test
  void aServiceAccountKeyIsReadFromAFileOrInlineJson() throws Exception {
    String json = serviceAccountJson();
    Path file = dir.resolve("sa.json");
    Files.writeString(file, json);

    var fromFile =
        GcsStores.credentials(
            Optional.of(credential("gcs", "service_account", Map.of("key_file", file.toString()))));
    var inline =
        GcsStores.credentials(
            Optional.of(credential("gcs", "service_account", Map.of("key_json", json))));

    assertThat(fromFile).isInstanceOf(ServiceAccountCredentials.class);
    assertThat(((ServiceAccountCredentials) fromFile).getClientEmail())
        .isEqualTo("loader@shop.iam.gserviceaccount.com");
    assertThat(((ServiceAccountCredentials) inline).getPrivateKeyId()).isEqualTo("key-1");
  }

  @Test
  void anAnonymousCredentialSendsUnsignedRequests() {
    assertThat(GcsStores.credentials(Optional.of(credential("anonymous", "none", Map.of()))))
        .isSameAs(NoCredentials.getInstance());
  }

  @Test
  void aBrokenKeyNamesTheCredentialAndWhereToGetAGoodOne() {
    HyggeException e =
        catchThrowableOfType(
            HyggeException.class,
            () ->
                GcsStores.credentials(
                    Optional.of(
                        credential(
                            "gcs", "service_account", Map.of("key_json", "{\"type\": \"x\"}")))));

    assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIAL);
    assertThat(e.getMessage())
        .startsWith("credential 'landing' (gcs, service_account, hygge.yml:3): cannot read the")
        .contains("Google Cloud console (IAM, Service accounts, Keys)");
  }
}
