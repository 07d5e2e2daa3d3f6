package dev.hygge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the fake-gcs-server binary, and failing loudly with how to install it. */
class FakeGcsServerTest {
  @TempDir Path directory;

  @Test
  void missingBinaryFailsSayingHowToInstallIt() {
    Map<String, String> environment = Map.of("PATH", directory.toString());

    assertThatThrownBy(() -> FakeGcsServer.binary(environment, Optional.of("/no/gopath")))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "fake-gcs-server is missing (looked in [/no/gopath/bin/fake-gcs-server, "
                + directory.resolve("fake-gcs-server")
                + "]). Install it with `go install github.com/fsouza/fake-gcs-server@v1.56.1` (a"
                + " few minutes the first time; .ci/run does it), or set HYGGE_FAKE_GCS_SERVER to"
                + " the binary");
  }

  @Test
  void variableMustNameAnExecutable() {
    Path notExecutable = directory.resolve("fake-gcs-server");
    Map<String, String> environment =
        Map.of(FakeGcsServer.BINARY_VARIABLE, notExecutable.toString());

    assertThatThrownBy(() -> FakeGcsServer.binary(environment, Optional.empty()))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "HYGGE_FAKE_GCS_SERVER names " + notExecutable + ", which is not an executable file");
  }

  @Test
  void variableWinsOverGoPathAndPath() throws Exception {
    Path named = Files.createFile(directory.resolve("named-fake"));
    assertThat(named.toFile().setExecutable(true)).isTrue();
    Map<String, String> environment =
        Map.of(FakeGcsServer.BINARY_VARIABLE, named.toString(), "PATH", "/usr/bin");

    assertThat(FakeGcsServer.binary(environment, Optional.of("/root/go"))).isEqualTo(named);
  }

  @Test
  void startedServerServesTheJsonApiAndStops() {
    URI endpoint;
    try (FakeGcsServer server = FakeGcsServer.start()) {
      endpoint = server.endpoint();
      server.createBucket("hygge-started");
      assertThat(endpoint.toString()).startsWith("http://127.0.0.1:");
    }
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint.resolve("/storage/v1/b?project=test")).build();
    assertThatThrownBy(
            () -> HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(ConnectException.class);
  }
}
