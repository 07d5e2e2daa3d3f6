package dev.hygge.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import dev.hygge.config.ProjectLoader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed entity's report says whether running it again can help: a home that cannot be reached
 * (connection refused) is retryable, a corrupt file is not.
 */
class FailedEntityRetryTest {
  @TempDir Path dir;

  private EntityReport run(String flow) {
    return new FlowInvoker(ProjectLoader.load(dir))
        .invoke(new Invocation.Manual(List.of(flow), List.of(), Invocation.RunOptions.defaults()))
        .entities()
        .get(0);
  }

  @Test
  void aCorruptFileIsPoisonAndAnUnreachableServiceIsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.createDirectories(dir.resolve("landing/orders"));
    Files.writeString(dir.resolve("landing/orders/broken.parquet"), "not parquet at all");
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: shop
        credentials:
          lake:
            type: s3
            method: access_key
            access_key_id: key
            secret_access_key: secret
        flows:
          corrupt:
            home:
              type: parquet
              path: landing
            store:
              type: parquet
              path: out
            entities: [orders]
          unreachable:
            home:
              type: parquet
              path: s3://landing/orders
              credential: lake
              endpoint: http://127.0.0.1:%d
              region: us-east-1
            store:
              type: parquet
              path: out
            entities: [orders]
        """
            .formatted(closedPort));

    EntityReport corrupt = run("corrupt");
    EntityReport unreachable = run("unreachable");

    assertThat(corrupt.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(corrupt.errorKind()).isEqualTo(Optional.of(ErrorKind.HOME));
    assertThat(corrupt.retryable()).isFalse();
    assertThat(unreachable.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(unreachable.error().orElseThrow()).contains("127.0.0.1:" + closedPort);
    assertThat(unreachable.retryable()).as(unreachable.toString()).isTrue();
  }
}
