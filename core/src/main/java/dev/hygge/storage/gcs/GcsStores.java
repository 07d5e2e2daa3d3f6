package dev.hygge.storage.gcs;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.storage.StorageAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Builds Cloud Storage object stores from named credentials and the location's settings. */
public final class GcsStores {
  private static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

  private GcsStores() {}

  /** A store whose client is built on first use. */
  public static GcsObjectStore open(StorageAccess access) {
    long granularity = GcsOptions.CHUNK_GRANULARITY;
    long chunk = (access.partSize() + granularity - 1) / granularity * granularity;
    GcsOptions options = GcsOptions.defaults().withChunkSize(chunk);
    GcsEndpoint endpoint = new GcsEndpoint(Optional.empty(), access.endpoint());
    return new GcsObjectStore(
        () -> endpoint.newClient(options, credentials(access.credential())), options);
  }

  /**
   * The Google credentials of a named credential; without one, Application Default Credentials.
   *
   * @throws HyggeException of kind CREDENTIAL naming the credential and what to check
   */
  public static Credentials credentials(Optional<NamedCredential> credential) {
    if (credential.isPresent() && credential.get().type().name().equals("anonymous")) {
      return NoCredentials.getInstance();
    }
    if (credential.isEmpty() || credential.get().method().name().equals("default")) {
      try {
        return GoogleCredentials.getApplicationDefault().createScoped(CLOUD_PLATFORM);
      } catch (IOException e) {
        throw new HyggeException(
            ErrorKind.CREDENTIAL,
            credential.map(NamedCredential::describe).orElse("The Google default credentials")
                + ": no Application Default Credentials found ("
                + e.getMessage()
                + "). Set GOOGLE_APPLICATION_CREDENTIALS to a key file, run 'gcloud auth"
                + " application-default login', or run where a metadata server gives workload"
                + " identity.",
            e);
      }
    }
    NamedCredential c = credential.get();
    try (InputStream key = serviceAccountKey(c)) {
      return ServiceAccountCredentials.fromStream(key).createScoped(CLOUD_PLATFORM);
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.CREDENTIAL,
          c.describe()
              + ": cannot read the service account key ("
              + e.getMessage()
              + "). Check that key_file or key_json holds the JSON key downloaded from the Google"
              + " Cloud console (IAM, Service accounts, Keys).",
          e);
    }
  }

  private static InputStream serviceAccountKey(NamedCredential c) throws IOException {
    Optional<String> file = c.value("key_file");
    if (file.isPresent()) {
      return Files.newInputStream(Path.of(file.get()));
    }
    return new ByteArrayInputStream(c.required("key_json").getBytes(StandardCharsets.UTF_8));
  }
}
